"use client";

import { useActionState } from "react";
import { appendCorrectionAction } from "@/app/admin/articles/[id]/actions";
import { SubmitRow } from "@/components/console/submit-row";

// Appends a dated correction to a published article; the list above it is the page's, drawn on the server.
export function CorrectionForm({ articleId }: { articleId: number }) {
  const [result, submit, pending] = useActionState(appendCorrectionAction, null);
  return (
    <form action={submit} className="mt-3 grid gap-2 text-sm">
      <input type="hidden" name="articleId" value={articleId} />
      <label className="flex flex-col">
        <span className="font-semibold">New correction, as readers will read it</span>
        <textarea name="text" rows={3} required maxLength={1000} className="rounded border border-neutral-400 px-2 py-1" />
      </label>
      <SubmitRow pending={pending} result={result} primary>
        Add the correction
      </SubmitRow>
    </form>
  );
}
