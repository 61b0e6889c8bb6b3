"use client";

import { useEffect, useRef } from "react";

export const SHORTCUTS: [string, string][] = [
  ["j or ↓", "Next comment"],
  ["k or ↑", "Previous comment"],
  ["x", "Select or unselect the comment"],
  ["a", "Approve (the selection, or the current comment)"],
  ["r", "Reject"],
  ["s", "Mark as spam"],
  ["t", "Move to trash"],
  ["u", "Undo your last action"],
  ["?", "Show or hide this help"],
];

// A native modal dialog: the browser keeps focus inside it, makes the page behind inert, closes it on Escape and
// gives focus back to where it was.
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="shortcuts-title"
      className="m-auto w-full max-w-md rounded bg-white p-6 shadow-xl backdrop:bg-black/40 dark:border dark:border-neutral-300"
    >
      <h2 id="shortcuts-title" className="text-lg font-bold">
        Keyboard shortcuts
      </h2>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([keys, meaning]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-neutral-400 bg-neutral-100 px-1.5 font-mono">{keys}</kbd>
            </dt>
            <dd>{meaning}</dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        onClick={() => dialog.current?.close()}
        autoFocus
        className="mt-6 rounded bg-neutral-900 px-4 py-2 text-sm font-semibold text-white"
      >
        Close
      </button>
    </dialog>
  );
}
