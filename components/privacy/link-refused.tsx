import Link from "next/link";
import { NoticePage } from "@/components/comments/notice-page";
import { READER_DATA_LINK_MESSAGES } from "@/lib/data/reader-data-links";

export type LinkRefusal = keyof typeof READER_DATA_LINK_MESSAGES;

export function refusalFrom(value: unknown): LinkRefusal | null {
  return typeof value === "string" && Object.hasOwn(READER_DATA_LINK_MESSAGES, value) ? (value as LinkRefusal) : null;
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
