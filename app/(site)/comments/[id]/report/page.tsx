import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoticePage } from "@/components/comments/notice-page";
import { ReportForm } from "@/components/comments/report-form";
import { findReportableComment } from "@/lib/data/comments/comment-reports";
import { parsePositiveId } from "@/lib/validation/search-params";

export const metadata: Metadata = { title: "Report a comment", robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const THANKS = {
  "1": "Thank you. Your report has been sent to the moderators.",
  again: "You have already reported this comment. Thank you.",
} as const;

// A comment's report page, reached from the plain "Report" link under each approved comment, so the article page
// itself stays the same for every reader.
export default async function ReportCommentPage({ params, searchParams }: Props) {
  const raw = (await params).id;
  const id = parsePositiveId(raw);
  const comment = id === null ? null : await findReportableComment(id);
  const { sent } = await searchParams;
  // After a report: the thank-you, also when that report has just hidden the comment.
  if (sent === "1" || sent === "again") {
    return (
      <NoticePage title="Report sent">
        <p role="status" className="font-semibold">
          {THANKS[sent]}
        </p>
        <p>
          <Link href={comment ? `/articles/${comment.article.slug}` : "/"} className="text-brand underline">
            {comment ? "Back to the article" : "Back to the front page"}
          </Link>
        </p>
      </NoticePage>
    );
  }
  if (!comment) notFound();
  const articlePath = `/articles/${comment.article.slug}`;
  return (
    <NoticePage title="Report a comment">
      <p>
        On{" "}
        <a href={articlePath} className="font-semibold underline">
          {comment.article.headline}
        </a>
        , {comment.authorName} wrote:
      </p>
      <blockquote className="border-l-4 border-neutral-300 pl-4 break-words whitespace-pre-line">{excerpt(comment.body)}</blockquote>
      <p className="text-sm text-neutral-700">
        Moderators read every report. A comment several readers report is hidden until a moderator has looked at it. Your report is anonymous: moderators see
        only the reason you give.
      </p>
      <ReportForm commentId={comment.id} />
    </NoticePage>
  );
}

function excerpt(text: string): string {
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}
