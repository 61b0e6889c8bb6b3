"use client";

import Link from "next/link";
import "./globals.css";

// Shown only when the frame around every page fails; it replaces the root layout, so it brings its own.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-neutral-900 antialiased">
        <main id="main" className="mx-auto max-w-2xl px-4 py-16">
          <p className="border-b-4 border-brand pb-2 font-serif text-3xl font-bold">The Harbor Ledger</p>
          <h1 className="mt-8 font-serif text-2xl font-bold">This page could not be shown</h1>
          <p className="mt-4 text-neutral-700">Something went wrong on our side. Please try again in a moment.</p>
          {error.digest && <p className="mt-2 text-sm text-neutral-600">Reference: {error.digest}</p>}
          <div className="mt-6 flex flex-wrap items-center gap-4">
            <button type="button" onClick={reset} className="rounded bg-brand px-5 py-2 font-semibold text-white">
              Try again
            </button>
            <Link href="/" className="font-semibold text-brand underline">
              Go to the front page
            </Link>
          </div>
        </main>
      </body>
    </html>
  );
}
