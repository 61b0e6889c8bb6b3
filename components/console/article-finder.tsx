"use client";

import { useId, useState } from "react";
import { findLinkableArticlesAction } from "@/app/admin/articles/[id]/actions";
import type { LinkableArticle } from "@/lib/data/newsroom/related-picks";

type Props = {
  articleId: number;
  /** Names the search box, e.g. "Find a story to link". */
  label: string;
  /** The button beside each article found, e.g. "Insert". */
  pickLabel: string;
  onPick: (article: LinkableArticle) => void;
};

// Finds published articles by words of their headline (or their exact address) for READ ALSO and related picks.
// Not a form of its own: it sits inside the editor's form, and Enter in its box searches instead of saving.
export function ArticleFinder({ articleId, label, pickLabel, onPick }: Props) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<LinkableArticle[] | null>(null);
  const [message, setMessage] = useState("");

  const search = async () => {
    const data = new FormData();
    data.set("articleId", String(articleId));
    data.set("query", query);
    try {
      const result = await findLinkableArticlesAction(null, data);
      setFound(result.ok ? result.found : []);
      setMessage(query.trim().length < 2 ? "Type at least two letters." : result.message);
    } catch {
      setMessage("The server could not be reached. Try again in a moment.");
    }
  };

  return (
    <div className="min-w-0">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id={id}
          type="search"
          value={query}
          maxLength={200}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== "Enter") return;
            event.preventDefault();
            void search();
          }}
          className="min-w-0 flex-1 rounded border border-neutral-400 px-2 py-1"
        />
        <button type="button" onClick={() => void search()} className="rounded border border-neutral-500 px-3 py-1">
          Find
        </button>
      </div>
      <p aria-live="polite" className="mt-1 min-h-5 text-neutral-600">
        {message}
      </p>
      {found && found.length > 0 && (
        <ul className="mt-1 grid gap-1">
          {found.map((article) => (
            <li key={article.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-neutral-300 px-2 py-1">
              <span className="min-w-0 break-words">
                {article.headline} <span className="text-neutral-600">/{article.slug}</span>
              </span>
              <button
                type="button"
                onClick={() => onPick(article)}
                aria-label={`${pickLabel}: ${article.headline}`}
                className="rounded border border-neutral-500 px-2 py-0.5"
              >
                {pickLabel}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
