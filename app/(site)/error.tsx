"use client";

import { ErrorMessage } from "@/components/layout/error-message";
import { SearchForm } from "@/components/layout/search-form";

// Shown when a public page fails, inside the site's frame, with a search; the digest finds the server log line.
export default function SiteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl py-12">
      <ErrorMessage digest={error.digest} reset={reset} way={{ href: "/", label: "Go to the front page" }}>
        <SearchForm id="error-search" label="Search the site" large />
      </ErrorMessage>
    </div>
  );
}
