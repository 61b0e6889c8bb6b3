import type { Metadata } from "next";
import { NoticePage } from "@/components/comments/notice-page";
import { LinkRefused, refusalFrom } from "@/components/privacy/link-refused";
import { checkReaderDataLink } from "@/lib/data/reader-data-links";
import { countReaderComments } from "@/lib/data/reader-data";

export const metadata: Metadata = { title: "Download your comments", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Opening the link only shows a button: mail scanners that fetch links must not use up a single-use link.
export default async function DownloadCommentsPage({ searchParams }: Props) {
  const { token, refused } = await searchParams;
  const refusal = refusalFrom(refused);
  if (refusal) return <LinkRefused reason={refusal} />;
  const state = await checkReaderDataLink(token, "download");
  if (!state.ok) return <LinkRefused reason={state.reason} />;
  const count = await countReaderComments(state.address);
  return (
    <NoticePage title="Download your comments">
      <p>
        {count === 1 ? "One comment was" : `${count} comments were`} written with this email address. The file holds, for
        each, the article, the comment it answers, your name and website as given, the text, its status and date.
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
