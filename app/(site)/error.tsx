"use client";

import Link from "next/link";
import { SearchForm } from "@/components/layout/search-form";

// Shown when a public page fails; the digest lets staff find the matching server log line.
export default function SiteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl py-12">
      <h1 className="font-serif text-3xl font-bold">This page could not be shown</h1>
      <p className="mt-4 text-neutral-700">Something went wrong on our side. Please try again in a moment, or search for the story.</p>
      {error.digest && <p className="mt-2 text-sm text-neutral-600">Reference: {error.digest}</p>}
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button type="button" onClick={reset} className="rounded bg-brand px-5 py-2 font-semibold text-white">
          Try again
        </button>
        <Link href="/" className="font-semibold text-brand underline">
          Go to the front page
        </Link>
      </div>
      <SearchForm id="error-search" label="Search the site" large />
    </div>
  );
}
