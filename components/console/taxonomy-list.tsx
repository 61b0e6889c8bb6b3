"use client";

import { type FormEvent, useActionState, useEffect, useRef } from "react";
import { taxonomyAction } from "@/app/admin/newsroom/actions";
import { SubmitRow } from "@/components/console/submit-row";
import type { TaxonomyEntry } from "@/lib/data/newsroom/taxonomy";
import { TAXONOMY_WORDS, type TaxonomyKind } from "@/lib/validation/taxonomy";

const field = "min-w-0 rounded border border-neutral-400 px-2 py-1";
const small = "rounded border border-neutral-500 px-2 py-0.5";

// The button an entry's change was asked with, remembered with the action's last answer and the list as they were
// then, until both have come back changed: the action's answer can arrive before the list it changed.
type Asked = { entryId: number; intent: string; answerBefore: unknown; entriesBefore: TaxonomyEntry[] };

function askedBy(event: FormEvent<HTMLFormElement>, answerBefore: unknown, entriesBefore: TaxonomyEntry[]): Asked | null {
  const button = (event.nativeEvent as SubmitEvent).submitter;
  const entryId = Number(event.currentTarget.dataset.entryId);
  return button instanceof HTMLButtonElement && entryId > 0 ? { entryId, intent: button.value, answerBefore, entriesBefore } : null;
}

// Moving a section to the top or bottom takes away the button that moved it, and removing an entry takes away the
// whole form: the focus goes to the same button where it still is, else to the entry's other buttons, else (the entry
// gone) to the list's heading, never to the page's start.
function focusAfterChange(section: HTMLElement, asked: Asked): void {
  const entry = section.querySelector(`[data-entry-id="${asked.entryId}"]`);
  const buttons = [asked.intent, "up", "down", "update"].map((intent) => entry?.querySelector<HTMLElement>(`button[value="${intent}"]`));
  const target = buttons.find((button) => button) ?? section.querySelector<HTMLElement>("h2");
  target?.focus();
}

// One list (sections, topics or authors): each entry's name and description edited in place, the form to add one,
// and the answer to the last change announced above the list.
export function TaxonomyList({ kind, entries }: { kind: TaxonomyKind; entries: TaxonomyEntry[] }) {
  const [result, submit, pending] = useActionState(taxonomyAction, null);
  const words = TAXONOMY_WORDS[kind];
  const section = useRef<HTMLElement>(null);
  const asked = useRef<Asked | null>(null);
  useEffect(() => {
    const waiting = asked.current;
    if (!waiting || !result || result === waiting.answerBefore) return;
    if (result.ok && entries === waiting.entriesBefore) return;
    if (result.ok && section.current) focusAfterChange(section.current, waiting);
    asked.current = null;
  }, [result, entries]);

  return (
    <section ref={section} aria-labelledby={`${kind}-heading`} className="min-w-0">
      <h2 id={`${kind}-heading`} tabIndex={-1} className="text-lg font-bold">
        {words.many}
      </h2>
      <p aria-live="polite" className={`min-h-6 text-sm font-medium ${result?.ok === false ? "text-red-700" : "text-green-800"}`}>
        {result?.message}
      </p>
      <ul className="grid gap-3">
        {entries.map((entry, index) => (
          <li key={entry.id} className="rounded border border-neutral-300 p-3">
            <form
              action={submit}
              data-entry-id={entry.id}
              onSubmit={(event) => (asked.current = askedBy(event, result, entries))}
              className="grid gap-2 text-sm"
            >
              <input type="hidden" name="kind" value={kind} />
              <input type="hidden" name="id" value={entry.id} />
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <a href={`/${words.path}/${entry.slug}`} className="font-mono text-neutral-600 underline">
                  /{words.path}/{entry.slug}
                </a>
                <span className="text-neutral-600">
                  {entry.articleCount} {entry.articleCount === 1 ? "article" : "articles"}
                </span>
              </div>
              <label className="flex flex-col">
                <span className="font-semibold">
                  Name<span className="sr-only"> of {entry.name}</span>
                </span>
                <input name="name" required maxLength={80} defaultValue={entry.name} className={field} />
              </label>
              <label className="flex flex-col">
                <span className="font-semibold">
                  {words.about}
                  <span className="sr-only"> of {entry.name}</span>
                </span>
                <textarea name="about" rows={2} maxLength={500} defaultValue={entry.about} className={field} />
              </label>
              <div className="flex flex-wrap gap-2">
                <button type="submit" name="intent" value="update" disabled={pending} className={`${small} font-semibold`}>
                  Save <span className="sr-only">{entry.name}</span>
                </button>
                {kind === "section" && index > 0 && (
                  <button type="submit" name="intent" value="up" disabled={pending} className={small}>
                    Move up <span className="sr-only">{entry.name}</span>
                  </button>
                )}
                {kind === "section" && index < entries.length - 1 && (
                  <button type="submit" name="intent" value="down" disabled={pending} className={small}>
                    Move down <span className="sr-only">{entry.name}</span>
                  </button>
                )}
                {entry.articleCount === 0 && (
                  <button type="submit" name="intent" value="delete" disabled={pending} formNoValidate className={`${small} text-red-800`}>
                    Remove <span className="sr-only">{entry.name}</span>
                  </button>
                )}
              </div>
            </form>
          </li>
        ))}
      </ul>
      <form action={submit} onSubmit={() => (asked.current = null)} className="mt-4 grid gap-2 rounded border border-dashed border-neutral-400 p-3 text-sm">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="intent" value="create" />
        <label className="flex flex-col">
          <span className="font-semibold">New {words.one.toLowerCase()}&apos;s name</span>
          <input name="name" required maxLength={80} className={field} />
        </label>
        <label className="flex flex-col">
          <span className="font-semibold">{words.about}</span>
          <textarea name="about" rows={2} maxLength={500} className={field} />
        </label>
        <SubmitRow pending={pending} result={null}>
          Add the {words.one.toLowerCase()}
        </SubmitRow>
      </form>
    </section>
  );
}
