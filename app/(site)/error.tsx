"use client";

// Shown when a public page fails; the digest lets staff find the matching server log line.
export default function SiteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">This page could not be shown</h1>
      <p className="mt-4 text-neutral-700">Something went wrong on our side. Please try again in a moment.</p>
      {error.digest && <p className="mt-2 text-sm text-neutral-600">Reference: {error.digest}</p>}
      <button type="button" onClick={reset} className="mt-6 rounded bg-brand px-5 py-2 font-semibold text-white">
        Try again
      </button>
    </div>
  );
}
