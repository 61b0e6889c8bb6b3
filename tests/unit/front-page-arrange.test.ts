import { describe, expect, it } from "vitest";
import { arrangeFrontPage } from "@/lib/front-page/arrange";

const stories = (...ids: number[]) => ids.map((id) => ({ id }));
const ids = (list: { id: number }[]) => list.map(({ id }) => id);

describe("the front page's arrangement", () => {
  it("shows each story once: lead and top stories, then most commented, latest and section blocks with the rest", () => {
    const page = arrangeFrontPage(
      {
        latest: stories(10, 9, 8, 7, 6, 5, 4, 3, 2, 1),
        mostCommented: stories(10, 3, 9, 2),
        sections: [
          { section: "city", articles: stories(9, 5, 1) },
          { section: "business", articles: stories(10, 8) },
          { section: "culture", articles: stories(4, 0) },
        ],
      },
      { top: 2, mostCommented: 2, latest: 3, perSection: 2 },
    );
    expect(page.lead).toEqual({ id: 10 });
    expect(ids(page.top)).toEqual([9, 8]);
    expect(ids(page.mostCommented)).toEqual([3, 2]);
    expect(ids(page.latest)).toEqual([7, 6, 5]);
    // A section whose stories all appear above is left out.
    expect(page.sections.map(({ section, articles }) => [section, ids(articles)])).toEqual([
      ["city", [1]],
      ["culture", [4, 0]],
    ]);
    const everyId = [page.lead!, ...page.top, ...page.mostCommented, ...page.latest, ...page.sections.flatMap(({ articles }) => articles)].map(({ id }) => id);
    expect(new Set(everyId).size).toBe(everyId.length);
  });

  it("has no lead when nothing is published", () => {
    expect(arrangeFrontPage({ latest: [], mostCommented: [], sections: [] })).toEqual({ lead: null, top: [], mostCommented: [], latest: [], sections: [] });
  });
});
