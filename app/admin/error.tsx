"use client";

import { ErrorMessage } from "@/components/layout/error-message";

// Shown when a staff page fails, inside the console's frame.
export default function AdminError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="max-w-2xl py-8">
      <ErrorMessage digest={error.digest} reset={reset} way={{ href: "/admin", label: "Back to the queue" }} />
    </div>
  );
}
