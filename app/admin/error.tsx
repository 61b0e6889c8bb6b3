"use client";

import Link from "next/link";

// Shown when a staff page fails, inside the console's frame; the digest finds the matching server log line.
export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl py-8">
      <h1 className="text-2xl font-bold">This page could not be shown</h1>
      <p className="mt-4 text-neutral-700">Something went wrong on our side. Please try again in a moment.</p>
      {error.digest && <p className="mt-2 text-sm text-neutral-600">Reference for the server log: {error.digest}</p>}
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button type="button" onClick={reset} className="rounded bg-neutral-900 px-5 py-2 font-semibold text-white">
          Try again
        </button>
        <Link href="/admin" className="font-semibold underline">
          Back to the queue
        </Link>
      </div>
    </div>
  );
}
