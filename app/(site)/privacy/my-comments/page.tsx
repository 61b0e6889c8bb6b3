import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ReaderDataRequestForm } from "@/components/privacy/reader-data-request-form";
import { pageMetadata } from "@/lib/seo/metadata";

export function generateMetadata(): Metadata {
  return pageMetadata({ title: "Your comments: download or erase", path: "/privacy/my-comments", noindex: true });
}

export default async function MyCommentsPage() {
  // Rendered per request like every page with the site's header, which reads the sections from the database.
  await connection();
  return (
    <div className="mx-auto max-w-xl py-6">
      <h1 className="font-serif text-3xl font-bold">Your comments: download or erase</h1>
      <div className="mt-4 space-y-3 text-neutral-800">
        <p>
          Type the email address you commented with. We email that address two links: one to download every comment you wrote here as a JSON file, one to erase
          them. Nothing happens until you open a link and confirm.
        </p>
        <p>
          Erasing keeps your comments in place, so replies from other readers still make sense, but shows them as “Anonymous” and removes your email address,
          website and connection fingerprint; you choose whether the text stays.{" "}
          <Link href="/privacy" className="text-brand underline">
            What we keep, and for how long
          </Link>
          .
        </p>
      </div>
      <ReaderDataRequestForm />
    </div>
  );
}
