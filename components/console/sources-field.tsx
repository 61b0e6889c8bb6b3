"use client";

import { useId, useRef, useState } from "react";
import { articleSourceSchema, type ArticleSource } from "@/lib/validation/article-sources";

type Row = { key: number; title: string; publisher: string; url: string };
type Problems = Partial<Record<"title" | "publisher" | "url", string>>;

const field = "rounded border border-neutral-400 px-2 py-1";

// What the save would say of a row, by field, checked by the same schema; a row left empty is no source.
function problemsOf(row: Row): Problems {
  if (!row.title.trim() && !row.publisher.trim() && !row.url.trim()) return {};
  const parsed = articleSourceSchema.safeParse({ title: row.title, publisher: row.publisher, url: row.url.trim() || undefined });
  if (parsed.success) return {};
  const problems: Problems = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path[0] as keyof Problems;
    problems[name] ??= issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
  }
  return problems;
}

// What the article is based on: rows of title, publisher and address, posted in order as repeated fields (read by
// readSourceRows in lib/validation/article-form.ts). A field's problem shows once the field is left.
export function SourcesField({ sources, onEdit }: { sources: ArticleSource[]; onEdit: () => void }) {
  const id = useId();
  const nextKey = useRef(sources.length);
  const [rows, setRows] = useState<Row[]>(() =>
    sources.map((source, key) => ({ key, title: source.title, publisher: source.publisher, url: source.url ?? "" })),
  );
  const [left, setLeft] = useState<Set<string>>(() => new Set());
  const addButton = useRef<HTMLButtonElement>(null);
  // The row just added, whose title field takes the focus as it appears.
  const focusKey = useRef<number | null>(null);

  const change = (key: number, name: keyof Problems, value: string) => setRows((all) => all.map((row) => (row.key === key ? { ...row, [name]: value } : row)));

  const add = () => {
    const key = nextKey.current++;
    focusKey.current = key;
    setRows((all) => [...all, { key, title: "", publisher: "", url: "" }]);
    onEdit();
  };

  const remove = (key: number) => {
    setRows((all) => all.filter((row) => row.key !== key));
    onEdit();
    addButton.current?.focus();
  };

  return (
    <fieldset className="grid min-w-0 gap-3">
      <legend className="font-semibold">Sources</legend>
      {rows.length === 0 && <p className="text-neutral-600">No sources yet.</p>}
      {rows.map((row, index) => {
        const problems = problemsOf(row);
        const input = (name: keyof Problems, label: string, extra: { type?: string; maxLength: number; placeholder?: string }) => {
          const shown = left.has(`${row.key}:${name}`) ? problems[name] : undefined;
          const fieldId = `${id}-${row.key}-${name}`;
          return (
            <div className="flex min-w-0 flex-col">
              <label htmlFor={fieldId} className="font-semibold">
                {label}
              </label>
              <input
                id={fieldId}
                ref={(element) => {
                  if (name !== "title" || !element || focusKey.current !== row.key) return;
                  focusKey.current = null;
                  element.focus();
                }}
                name={`source${name.charAt(0).toUpperCase()}${name.slice(1)}`}
                value={row[name]}
                onChange={(event) => change(row.key, name, event.target.value)}
                onBlur={() => setLeft((all) => new Set(all).add(`${row.key}:${name}`))}
                aria-invalid={shown ? true : undefined}
                aria-describedby={shown ? `${fieldId}-error` : undefined}
                className={field}
                {...extra}
              />
              {shown && (
                <span id={`${fieldId}-error`} className="text-red-700">
                  {shown}
                </span>
              )}
            </div>
          );
        };
        return (
          <fieldset key={row.key} className="grid min-w-0 gap-2 rounded border border-neutral-300 p-3">
            <legend className="px-1 font-semibold">Source {index + 1}</legend>
            {input("title", "Title", { maxLength: 300 })}
            {input("publisher", "Publisher", { maxLength: 200 })}
            {input("url", "Address (URL)", { type: "url", maxLength: 2000, placeholder: "https://" })}
            <div>
              <button
                type="button"
                onClick={() => remove(row.key)}
                aria-label={`Remove source ${index + 1}`}
                className="rounded border border-neutral-400 px-3 py-1.5 font-semibold"
              >
                Remove
              </button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <button ref={addButton} type="button" onClick={add} className="rounded border border-neutral-400 px-3 py-1.5 font-semibold">
          Add a source
        </button>
      </div>
    </fieldset>
  );
}
