"use client";

import { useActionState, useState } from "react";
import { saveRelatedPicksAction } from "@/app/admin/articles/[id]/actions";
import { ArticleFinder } from "@/components/console/article-finder";
import { SubmitRow } from "@/components/console/submit-row";
import type { LinkableArticle } from "@/lib/data/newsroom/related-picks";

type Chosen = Pick<LinkableArticle, "id" | "slug" | "headline">;

// The editor's related picks, in the order readers see them, before the articles found by topic and section.
export function RelatedPicksForm({ articleId, picks, max }: { articleId: number; picks: Chosen[]; max: number }) {
  const [chosen, setChosen] = useState(picks);
  const [result, submit, pending] = useActionState(saveRelatedPicksAction, null);
  const add = (article: LinkableArticle) =>
    setChosen((list) => (list.some((pick) => pick.id === article.id) || list.length >= max ? list : [...list, article]));
  const moveUp = (index: number) => setChosen((list) => list.map((pick, at) => (at === index - 1 ? list[index]! : at === index ? list[index - 1]! : pick)));

  return (
    <form action={submit} className="text-sm">
      <div className="grid min-w-0 gap-3">
        <input type="hidden" name="articleId" value={articleId} />
        {chosen.length === 0 ? (
          <p className="text-neutral-600">None chosen: readers see articles that share its topics and section.</p>
        ) : (
          <ol className="grid gap-1">
            {chosen.map((pick, index) => (
              <li key={pick.id} className="flex flex-wrap items-center justify-between gap-2 rounded border border-neutral-300 px-2 py-1">
                <input type="hidden" name="relatedIds" value={pick.id} />
                <span className="min-w-0 break-words">{pick.headline}</span>
                <span className="flex gap-2">
                  {index > 0 && (
                    <button
                      type="button"
                      onClick={() => moveUp(index)}
                      aria-label={`Move up: ${pick.headline}`}
                      className="rounded border border-neutral-500 px-2 py-0.5"
                    >
                      Up
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={() => setChosen((list) => list.filter((other) => other.id !== pick.id))}
                    aria-label={`Remove: ${pick.headline}`}
                    className="rounded border border-neutral-500 px-2 py-0.5"
                  >
                    Remove
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
        {chosen.length < max && <ArticleFinder articleId={articleId} label="Find a related article" pickLabel="Add" onPick={add} />}
        <SubmitRow pending={pending} result={result} primary>
          Save related articles
        </SubmitRow>
      </div>
    </form>
  );
}
