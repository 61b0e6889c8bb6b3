import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-neutral-200 bg-neutral-50">
      <div className="mx-auto max-w-6xl px-4 py-8 text-sm text-neutral-600">
        <p>© The Harbor Ledger. Reader comments are moderated; email addresses are never published.</p>
        <p className="mt-2">
          <Link href="/privacy" className="underline">
            Privacy: what we keep about commenters
          </Link>{" "}
          ·{" "}
          <Link href="/privacy/my-comments" className="underline">
            Download or erase your comments
          </Link>
        </p>
      </div>
    </footer>
  );
}
