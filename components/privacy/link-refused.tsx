import Link from "next/link";
import { NoticePage } from "@/components/comments/notice-page";
import { countReaderComments } from "@/lib/data/readers/reader-data";
import { checkReaderDataLink, READER_DATA_LINK_MESSAGES } from "@/lib/data/readers/reader-data-links";
import type { ReaderDataAction } from "@/lib/privacy/reader-data-token";

type LinkRefusal = keyof typeof READER_DATA_LINK_MESSAGES;

function refusalFrom(value: unknown): LinkRefusal | null {
  return typeof value === "string" && Object.hasOwn(READER_DATA_LINK_MESSAGES, value) ? (value as LinkRefusal) : null;
}

// The first steps of the download and erase pages: a refusal their action sent back in the address, or else the
// link checked and the comments it covers counted.
export async function openReaderDataLink(token: unknown, refused: unknown, action: ReaderDataAction): Promise<{ refusal: LinkRefusal } | { count: number }> {
  const refusal = refusalFrom(refused);
  if (refusal) return { refusal };
  const state = await checkReaderDataLink(token, action);
  if (!state.ok) return { refusal: state.reason };
  return { count: await countReaderComments(state.address) };
}

export function commentsWere(count: number | string): string {
  return String(count) === "1" ? "One comment was" : `${count} comments were`;
}

// What a download or erase link answers when it cannot be used; the way on is always to ask again.
export function LinkRefused({ reason }: { reason: LinkRefusal }) {
  return (
    <NoticePage title="This link cannot be used">
      <p>{READER_DATA_LINK_MESSAGES[reason]}</p>
      <p>
        <Link href="/privacy/my-comments" className="text-brand underline">
          Ask for new links
        </Link>
      </p>
    </NoticePage>
  );
}
