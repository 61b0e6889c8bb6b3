"use client";

import { ErrorMessage } from "@/components/layout/error-message";

// Shown when a staff page fails, inside the console's frame.
export default function AdminError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <div className="max-w-2xl py-8">
      <ErrorMessage digest={error.digest} retry={retry} way={{ href: "/admin", label: "Back to the queue" }} />
    </div>
  );
}
