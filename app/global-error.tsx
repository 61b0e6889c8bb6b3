"use client";

import { ErrorMessage } from "@/components/layout/error-message";
import "./globals.css";

// Shown only when the frame around every page fails; it replaces the root layout, so it brings its own.
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-white font-sans text-neutral-900 antialiased">
        <main id="main" className="mx-auto max-w-2xl px-4 py-16">
          <p className="mb-8 border-b-4 border-brand pb-2 font-serif text-3xl font-bold">The Harbor Ledger</p>
          <ErrorMessage digest={error.digest} retry={retry} way={{ href: "/", label: "Go to the front page" }} />
        </main>
      </body>
    </html>
  );
}
