"use client";

import { useActionState } from "react";
import { moderateCommentAction } from "@/app/admin/actions";
import type { ModerationActionName } from "@/lib/moderation/state-machine";

const LABELS: Record<ModerationActionName, string> = {
  approve: "Approve",
  reject: "Reject",
  spam: "Spam",
  trash: "Trash",
  unapprove: "Unapprove",
  restore: "Restore",
};

type Props = { commentId: number; status: string; actions: ModerationActionName[] };

export function ModerationButtons({ commentId, status, actions }: Props) {
  const [result, formAction, isPending] = useActionState(moderateCommentAction, null);
  return (
    <form action={formAction} className="mt-3 flex flex-wrap items-center gap-2">
      <input type="hidden" name="commentId" value={commentId} />
      <input type="hidden" name="expectedStatus" value={status} />
      {actions.map((action) => (
        <button
          key={action}
          type="submit"
          name="action"
          value={action}
          disabled={isPending}
          className={
            action === "approve"
              ? "rounded bg-green-700 px-3 py-1 text-sm font-semibold text-white hover:bg-green-800"
              : "rounded border border-neutral-400 px-3 py-1 text-sm font-semibold hover:bg-neutral-100"
          }
        >
          {LABELS[action]}
        </button>
      ))}
      {result && (
        <p role="status" className={`text-sm font-medium ${result.ok ? "text-green-800" : "text-red-700"}`}>
          {result.message}
        </p>
      )}
    </form>
  );
}
