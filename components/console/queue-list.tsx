"use client";

import { startTransition, useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { dismissReportsAction, moderateSelectionAction, replyAsStaffAction, undoAction, type ModerationResult } from "@/app/admin/actions";
import { KeyboardHelp } from "@/components/console/keyboard-help";
import { QueueComment, type QueueEntry } from "@/components/console/queue-comment";
import { RejectionReasonList, RejectionReasonMenu } from "@/components/console/rejection-reasons";
import { allowedActions, type ModerationActionName } from "@/lib/moderation/state-machine";

const LABELS: Record<ModerationActionName, string> = {
  approve: "Approve",
  reject: "Reject",
  spam: "Spam",
  trash: "Trash",
  unapprove: "Unapprove",
  restore: "Restore",
};
const KEY_ACTIONS: Record<string, ModerationActionName> = { a: "approve", r: "reject", s: "spam", t: "trash" };

const BULK_ACTIONS: ModerationActionName[] = ["approve", "reject", "spam", "trash", "restore"];
const BULK_FORM = "bulk-actions";
const REASONS_LIST = "rejection-reasons";

const itemValue = (comment: QueueEntry) => `${comment.id}:${comment.status}`;

// The queue: buttons on every comment (they work without JavaScript), plus selection, bulk actions, undo and
// keyboard shortcuts for moderators who work through hundreds of comments.
export function QueueList({ comments, label, emptyMessage }: { comments: QueueEntry[]; label: string; emptyMessage: string }) {
  const [moderated, moderate, moderating] = useActionState(moderateSelectionAction, null);
  const [undone, undo, undoing] = useActionState(undoAction, null);
  const [replied, reply, replying] = useActionState(replyAsStaffAction, null);
  const [dismissed, dismiss, dismissing] = useActionState(dismissReportsAction, null);
  const [current, setCurrent] = useState(0);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [showHelp, setShowHelp] = useState(false);
  // The reason "Reject selected" and the r key give, unless a comment's own reason field says otherwise.
  const [bulkReason, setBulkReason] = useState("");
  // False in the server's HTML, true once the page runs JavaScript: the select-all box needs script to do anything.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const rows = useRef<(HTMLLIElement | null)[]>([]);
  const result = latest(latest(latest(moderated, undone), replied), dismissed);
  const busy = moderating || undoing || replying || dismissing;

  const visible = new Set(comments.map((comment) => comment.id));
  const selection = comments.filter((comment) => selected.has(comment.id) && visible.has(comment.id));
  const position = Math.min(current, Math.max(0, comments.length - 1));

  function act(action: ModerationActionName, targets: QueueEntry[], reason = bulkReason) {
    const form = new FormData();
    form.set("action", action);
    if (action === "reject" && reason) form.set("reason", reason);
    for (const target of targets.filter((comment) => allowedActions(comment.status).includes(action))) form.append("item", itemValue(target));
    if (form.getAll("item").length === 0) return;
    startTransition(() => moderate(form));
    setSelected(new Set());
  }

  function move(to: number) {
    const next = Math.max(0, Math.min(comments.length - 1, to));
    setCurrent(next);
    rows.current[next]?.focus();
    rows.current[next]?.scrollIntoView({ block: "nearest" });
  }

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      if (event.repeat || event.ctrlKey || event.metaKey || event.altKey || target.closest("input, textarea, select, [contenteditable]")) return;
      if (event.key === "?") return void (setShowHelp((open) => !open), event.preventDefault());
      if (event.key === "Escape") return setShowHelp(false);
      if (showHelp || busy) return;
      const focused = comments[position];
      if (event.key === "j" || event.key === "ArrowDown") return void (move(position + 1), event.preventDefault());
      if (event.key === "k" || event.key === "ArrowUp") return void (move(position - 1), event.preventDefault());
      if (event.key === "u") return startTransition(() => undo());
      if (!focused) return;
      if (event.key === "x") return toggle(focused.id);
      const action = KEY_ACTIONS[event.key];
      if (!action) return;
      if (selection.length > 0) return act(action, selection);
      const ownReason = rows.current[position]?.querySelector<HTMLInputElement>('input[name="reason"]')?.value.trim();
      act(action, [focused], ownReason || bulkReason);
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });

  function toggle(id: number) {
    setSelected((before) => {
      const next = new Set(before);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <>
      <div className="z-10 mt-4 flex flex-wrap items-center gap-2 border-b border-neutral-200 bg-white py-2 text-sm md:sticky md:top-0">
        {hydrated && comments.length > 0 && (
          <input
            type="checkbox"
            aria-label="Select every comment on this page"
            checked={selection.length === comments.length}
            onChange={() => setSelected(selection.length === comments.length ? new Set() : new Set(comments.map((comment) => comment.id)))}
            className="h-4 w-4"
          />
        )}
        <span>{selection.length > 0 ? `${selection.length} selected:` : "Select comments to act on several at once:"}</span>
        {/* The checkboxes belong to this form (form="bulk-actions"), so a selection works without JavaScript too. */}
        <form id={BULK_FORM} action={moderate} className="flex flex-wrap items-center gap-2">
          {BULK_ACTIONS.filter((action) => comments.some((comment) => allowedActions(comment.status).includes(action))).map((action) => (
            <button
              key={action}
              type="submit"
              name="action"
              value={action}
              disabled={busy}
              onClick={(event) => {
                event.preventDefault();
                act(action, selection);
              }}
              className="rounded border border-neutral-400 px-2 py-0.5 font-semibold"
            >
              {LABELS[action]} selected
            </button>
          ))}
          {comments.some((comment) => allowedActions(comment.status).includes("reject")) && <RejectionReasonMenu value={bulkReason} onChange={setBulkReason} />}
        </form>
        <form action={undo}>
          <button type="submit" disabled={busy} className="rounded border border-neutral-400 px-2 py-0.5">
            Undo last action
          </button>
        </form>
        <button type="button" onClick={() => setShowHelp(true)} className="ml-auto underline">
          Keyboard shortcuts (?)
        </button>
      </div>
      <p role="status" aria-live="polite" className={`min-h-6 text-sm font-medium ${result?.ok === false ? "text-red-700" : "text-green-800"}`}>
        {result?.message}
      </p>
      {comments.length === 0 && <p className="mt-4 text-neutral-700">{emptyMessage}</p>}
      <RejectionReasonList id={REASONS_LIST} />
      <ol className="mt-2 space-y-2" aria-label={label}>
        {comments.map((comment, index) => (
          <li
            key={comment.id}
            ref={(element) => {
              rows.current[index] = element;
            }}
            tabIndex={-1}
            aria-current={index === position ? "true" : undefined}
            onFocus={() => setCurrent(index)}
            className={`flex gap-3 rounded border px-3 py-2 ${index === position ? "border-blue-700 ring-2 ring-blue-700" : "border-neutral-300"}`}
          >
            <input
              type="checkbox"
              form={BULK_FORM}
              name="item"
              value={itemValue(comment)}
              aria-label={`Select the comment by ${comment.authorName}`}
              checked={selected.has(comment.id)}
              onChange={() => toggle(comment.id)}
              className="mt-1 h-4 w-4"
            />
            <div className="min-w-0 flex-1">
              <QueueComment comment={comment} />
              <form action={moderate} className="mt-2 flex flex-wrap items-center gap-2">
                <input type="hidden" name="item" value={itemValue(comment)} />
                {allowedActions(comment.status).includes("reject") && (
                  <input
                    name="reason"
                    maxLength={300}
                    list={REASONS_LIST}
                    aria-label={`Reason for rejecting, shown to ${comment.authorName}`}
                    placeholder="Reason if rejected (the commenter sees it)"
                    className="w-96 max-w-full rounded border border-neutral-400 px-2 py-0.5 text-sm"
                  />
                )}
                {allowedActions(comment.status).map((action) => (
                  <button
                    key={action}
                    type="submit"
                    name="action"
                    value={action}
                    disabled={busy}
                    className={
                      action === "approve"
                        ? "rounded bg-green-700 px-3 py-0.5 text-sm font-semibold text-white hover:bg-green-800"
                        : "rounded border border-neutral-400 px-3 py-0.5 text-sm font-semibold hover:bg-neutral-100"
                    }
                  >
                    {LABELS[action]}
                  </button>
                ))}
                {comment.reports && (
                  <button
                    type="submit"
                    formAction={dismiss}
                    disabled={busy}
                    className="rounded border border-neutral-400 px-3 py-0.5 text-sm font-semibold hover:bg-neutral-100"
                  >
                    Dismiss reports
                  </button>
                )}
              </form>
              {(comment.status === "PENDING" || comment.status === "APPROVED") && (
                <details className="mt-1 text-sm">
                  <summary className="cursor-pointer font-semibold">Reply as staff</summary>
                  <form action={reply} className="mt-2 space-y-2">
                    <input type="hidden" name="commentId" value={comment.id} />
                    <textarea
                      name="body"
                      rows={3}
                      required
                      aria-label={`Staff reply to ${comment.authorName}`}
                      className="w-full rounded border border-neutral-400 px-2 py-1"
                    />
                    <button type="submit" disabled={busy} className="rounded bg-neutral-900 px-3 py-1 font-semibold text-white">
                      {comment.status === "PENDING" ? "Approve and publish reply" : "Publish reply"}
                    </button>
                  </form>
                </details>
              )}
            </div>
          </li>
        ))}
      </ol>
      {showHelp && <KeyboardHelp onClose={() => setShowHelp(false)} />}
    </>
  );
}

function noSubscription(): () => void {
  return () => {};
}

function latest(a: ModerationResult, b: ModerationResult): ModerationResult {
  if (!a) return b;
  if (!b) return a;
  return a.at >= b.at ? a : b;
}
