import type { Metadata } from "next";
import { NoticePage } from "@/components/comments/notice-page";
import { commentIdFromLink } from "@/lib/mail/links";

export const metadata: Metadata = { title: "Stop comment emails", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UnsubscribePage({ searchParams }: Props) {
  const { token, done } = await searchParams;
  if (done === "1") {
    return (
      <NoticePage title="You will get no more comment emails">
        <p>We will not email this address about comments again unless you ask for it on a new comment.</p>
      </NoticePage>
    );
  }
  if (typeof token !== "string" || commentIdFromLink("unsubscribe", token) === null) {
    return (
      <NoticePage title="This link cannot be used">
        <p>The link has expired or is not valid.</p>
      </NoticePage>
    );
  }
  return (
    <NoticePage title="Stop comment emails">
      <p>Stop all emails about comments written with this email address?</p>
      <form method="post" action={`/api/comments/unsubscribe?token=${encodeURIComponent(token)}`}>
        <button type="submit" className="rounded bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark">
          Stop the emails
        </button>
      </form>
    </NoticePage>
  );
}
