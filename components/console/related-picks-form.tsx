"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { saveRelatedPicksAction } from "@/app/admin/articles/[id]/actions";
import { ArticleFinder } from "@/components/console/article-finder";
import { SubmitRow } from "@/components/console/submit-row";
import type { LinkableArticle } from "@/lib/data/newsroom/related-picks";

type Chosen = Pick<LinkableArticle, "id" | "slug" | "headline">;

// Where the keyboard focus goes once a change has been drawn: the buttons a change removes (the first pick has no
// "Up", a removed pick none at all, a full list no finder) must not drop the focus to the page's start.
type FocusAfter = { pickId: number; button: "up" | "remove" } | { finder: true };

function focusWithin(form: HTMLFormElement, target: FocusAfter): void {
  if ("finder" in target) {
    form.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
    return;
  }
  const item = form.querySelector(`[data-pick-id="${target.pickId}"]`);
  const button = item?.querySelector<HTMLButtonElement>(`[data-button="${target.button}"]`) ?? item?.querySelector<HTMLButtonElement>('[data-button="remove"]');
  button?.focus();
}

// The editor's related picks, in the order readers see them, before the articles found by topic and section.
export function RelatedPicksForm({ articleId, picks, max }: { articleId: number; picks: Chosen[]; max: number }) {
  const [chosen, setChosen] = useState(picks);
  const [result, submit, pending] = useActionState(saveRelatedPicksAction, null);
  const form = useRef<HTMLFormElement>(null);
  const focusAfter = useRef<FocusAfter | null>(null);
  useEffect(() => {
    if (form.current && focusAfter.current) focusWithin(form.current, focusAfter.current);
    focusAfter.current = null;
  }, [chosen]);

  const add = (article: LinkableArticle) => {
    if (chosen.some((pick) => pick.id === article.id) || chosen.length >= max) return;
    // The finder stays while there is room for another; the last pick that fills the list takes the focus itself.
    if (chosen.length + 1 >= max) focusAfter.current = { pickId: article.id, button: "remove" };
    setChosen([...chosen, article]);
  };
  const moveUp = (index: number) => {
    focusAfter.current = { pickId: chosen[index]!.id, button: "up" };
    setChosen(chosen.map((pick, at) => (at === index - 1 ? chosen[index]! : at === index ? chosen[index - 1]! : pick)));
  };
  const remove = (index: number) => {
    const neighbour = chosen[index + 1] ?? chosen[index - 1];
    focusAfter.current = neighbour ? { pickId: neighbour.id, button: "remove" } : { finder: true };
    setChosen(chosen.filter((_, at) => at !== index));
  };

  return (
    <form ref={form} action={submit} className="text-sm">
      <div className="grid min-w-0 gap-3">
        <input type="hidden" name="articleId" value={articleId} />
        {chosen.length === 0 ? (
          <p className="text-neutral-600">None chosen: readers see articles that share its topics and section.</p>
        ) : (
          <ol className="grid gap-1">
            {chosen.map((pick, index) => (
              <li
                key={pick.id}
                data-pick-id={pick.id}
                className="flex flex-wrap items-center justify-between gap-2 rounded border border-neutral-300 px-2 py-1"
              >
                <input type="hidden" name="relatedIds" value={pick.id} />
                <span className="min-w-0 break-words">{pick.headline}</span>
                <span className="flex gap-2">
                  {index > 0 && (
                    <button
                      type="button"
                      data-button="up"
                      onClick={() => moveUp(index)}
                      aria-label={`Move up: ${pick.headline}`}
                      className="rounded border border-neutral-500 px-2 py-0.5"
                    >
                      Up
                    </button>
                  )}
                  <button
                    type="button"
                    data-button="remove"
                    onClick={() => remove(index)}
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
