"use client";

import { createContext, useActionState, useContext } from "react";
import { restoreRevisionAction } from "@/app/admin/articles/actions";

// "Restore this revision" beside each revision, all answering in one place above the list. Each button is a plain
// form posting to one action state, so a restore works without JavaScript too: the page that answers is the list,
// re-read, with the answer shown.

type Restore = { submit: (formData: FormData) => void; pending: boolean };

const RestoreContext = createContext<Restore | null>(null);

export function RevisionRestore({ children }: { children: React.ReactNode }) {
  const [result, submit, pending] = useActionState(restoreRevisionAction, null);
  return (
    <RestoreContext value={{ submit, pending }}>
      <p role="status" aria-live="polite" className={`mt-3 min-h-6 text-sm font-medium ${result?.ok === false ? "text-red-700" : "text-green-800"}`}>
        {result?.message}
      </p>
      {children}
    </RestoreContext>
  );
}

export function RestoreButton({ articleId, number, version }: { articleId: number; number: number; version: number }) {
  const restore = useContext(RestoreContext);
  if (!restore) return null;
  return (
    <form action={restore.submit}>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="number" value={number} />
      {/* The version the page was showing: a restore over a newer save is refused. */}
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={restore.pending} className="rounded border border-neutral-400 px-3 py-1.5 font-semibold">
        Restore this revision<span className="sr-only"> (number {number})</span>
      </button>
    </form>
  );
}
