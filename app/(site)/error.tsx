"use client";

import { ErrorMessage } from "@/components/layout/error-message";
import { SearchForm } from "@/components/layout/search-form";

// Shown when a public page fails, inside the site's frame, with a search; the digest finds the server log line.
export default function SiteError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <div className="mx-auto max-w-2xl py-12">
      <ErrorMessage digest={error.digest} retry={retry} way={{ href: "/", label: "Go to the front page" }}>
        <SearchForm id="error-search" label="Search the site" large />
      </ErrorMessage>
    </div>
  );
}
