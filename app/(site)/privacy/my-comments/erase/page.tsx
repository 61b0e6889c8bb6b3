import type { Metadata } from "next";
import Link from "next/link";
import { NoticePage } from "@/components/comments/notice-page";
import { commentsWere, LinkRefused, openReaderDataLink } from "@/components/privacy/link-refused";
import { REMOVED_TEXT } from "@/lib/data/readers/reader-data";
import { eraseReaderDataAction } from "./actions";

export const metadata: Metadata = { title: "Erase your comments", robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Opening the link changes nothing; the button below does, once.
export default async function EraseCommentsPage({ searchParams }: Props) {
  const { token, refused, erased } = await searchParams;
  if (typeof erased === "string" && /^\d{1,9}$/.test(erased)) {
    return (
      <NoticePage title="Your comments are erased">
        <p>
          {commentsWere(erased)} erased. Published ones now show as “Anonymous”; we no longer keep your email address, website or connection fingerprint with
          them.
        </p>
        <p>
          <Link href="/privacy" className="text-brand underline">
            What we keep, and for how long
          </Link>
        </p>
      </NoticePage>
    );
  }
  const opened = await openReaderDataLink(token, refused, "erase");
  if ("refusal" in opened) return <LinkRefused reason={opened.refusal} />;
  return (
    <NoticePage title="Erase your comments">
      <p>
        {commentsWere(opened.count)} written with this email address. Erasing them shows them as “Anonymous” and removes your email address, website and
        connection fingerprint. They stay in place, so replies from other readers still make sense. Comments you never confirmed are deleted. This cannot be
        undone.
      </p>
      <form action={eraseReaderDataAction} className="space-y-4">
        <input type="hidden" name="token" value={String(token)} />
        <fieldset className="space-y-2">
          <legend className="font-semibold">The text of your comments</legend>
          <label className="flex items-start gap-2">
            <input type="radio" name="text" value="keep" defaultChecked className="mt-1" />
            <span>Keep the text, without my name</span>
          </label>
          <label className="flex items-start gap-2">
            <input type="radio" name="text" value="remove" className="mt-1" />
            <span>Remove the text too (it will read “{REMOVED_TEXT}”)</span>
          </label>
        </fieldset>
        <button type="submit" className="rounded bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark">
          Erase my comments
        </button>
      </form>
    </NoticePage>
  );
}
