// The front page's slots, filled so that each story appears once: the lead and the top stories (the newest), then
// the rail's most commented and latest, then a block per section with what is left. Candidates come in more than
// the slots hold, so that a slot skips a story shown above and still fills.
export const FRONT_PAGE_SLOTS = { top: 4, mostCommented: 5, latest: 6, perSection: 4 } as const;
// How many of each the page reads (the same numbers wherever the front page's cached read is shared).
export const FRONT_PAGE_CANDIDATES = { latest: 20, perSection: 8, mostCommented: 15, mostCommentedDays: 7 } as const;

type Story = { id: number };

export type FrontPageCandidates<A extends Story, C extends Story, S> = {
  /** Newest first. */
  latest: A[];
  /** Most commented first. */
  mostCommented: C[];
  sections: { section: S; articles: A[] }[];
};

export function arrangeFrontPage<A extends Story, C extends Story, S>(
  candidates: FrontPageCandidates<A, C, S>,
  slots: Record<keyof typeof FRONT_PAGE_SLOTS, number> = FRONT_PAGE_SLOTS,
) {
  const shown = new Set<number>();
  const take = <T extends Story>(stories: T[], count: number): T[] => {
    const picked = stories.filter((story) => !shown.has(story.id)).slice(0, count);
    for (const story of picked) shown.add(story.id);
    return picked;
  };
  const [lead, ...top] = take(candidates.latest, 1 + slots.top);
  const mostCommented = take(candidates.mostCommented, slots.mostCommented);
  const latest = take(candidates.latest, slots.latest);
  const sections = candidates.sections
    .map(({ section, articles }) => ({ section, articles: take(articles, slots.perSection) }))
    .filter((block) => block.articles.length > 0);
  return { lead: lead ?? null, top, mostCommented, latest, sections };
}
