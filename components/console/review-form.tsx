"use client";

import { useActionState } from "react";
import { reviewCommentAction } from "@/app/admin/review/actions";
import { REVIEW_ACTION_TEXT, type ReviewAction } from "@/lib/moderation/review-link-token";

// The confirmation step of an emailed review link: opening the link changed nothing; this button decides.
export function ReviewForm({ token, action }: { token: string; action: ReviewAction }) {
  const [result, submit, pending] = useActionState(reviewCommentAction, null);
  return (
    <form action={submit} className="mt-6 space-y-3 text-sm">
      <input type="hidden" name="token" value={token} />
      {action === "reject" && (
        <label className="flex flex-col">
          <span className="font-semibold">Reason, shown to the commenter (optional)</span>
          <input name="reason" maxLength={300} className="max-w-xl rounded border border-neutral-400 px-2 py-1" />
        </label>
      )}
      <button type="submit" disabled={pending} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white">
        {REVIEW_ACTION_TEXT[action].button}
      </button>
      {result && (
        <p role="alert" className="font-semibold text-red-700">
          {result.message}
        </p>
      )}
    </form>
  );
}
