import type { Metadata } from "next";
import { NoticePage } from "@/components/comments/notice-page";
import { commentsWere, LinkRefused, openReaderDataLink } from "@/components/privacy/link-refused";

export const metadata: Metadata = { title: "Download your comments", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Opening the link only shows a button: mail scanners that fetch links must not use up a single-use link.
export default async function DownloadCommentsPage({ searchParams }: Props) {
  const { token, refused } = await searchParams;
  const opened = await openReaderDataLink(token, refused, "download");
  if ("refusal" in opened) return <LinkRefused reason={opened.refusal} />;
  return (
    <NoticePage title="Download your comments">
      <p>
        {commentsWere(opened.count)} written with this email address. The file holds, for each, the article, the comment it answers, your name and website as
        given, the text, its status and date.
      </p>
      <p>This link works once: keep the file somewhere safe.</p>
      <form method="post" action="/api/privacy/export">
        <input type="hidden" name="token" value={String(token)} />
        <button type="submit" className="rounded bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark">
          Download my comments (JSON)
        </button>
      </form>
    </NoticePage>
  );
}
