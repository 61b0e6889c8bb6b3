import { describe, expect, it } from "vitest";
import { chooseComparison, diffBody, diffRevisions, diffText, type BodyLine, type RevisionNames } from "@/lib/newsroom/revision-diff";
import type { ArticleContent } from "@/lib/validation/article-content";

const SECTIONS: Record<number, string> = { 1: "City", 2: "Business" };
const AUTHORS: Record<number, string> = { 1: "Ada Lovelace", 2: "Grace Hopper" };
const TAGS: Record<number, string> = { 1: "Ferries", 2: "Budget", 3: "Weather" };
const SLUGS: Record<number, string> = { 7: "council-budget-vote" };
const names: RevisionNames = { section: (id) => SECTIONS[id], author: (id) => AUTHORS[id], tag: (id) => TAGS[id], slug: (id) => SLUGS[id] };

const base: ArticleContent = {
  headline: "Ferry fares frozen",
  dek: "",
  sectionId: 1,
  kind: "NEWS",
  authorIds: [1],
  tagIds: [1, 2],
  body: [
    { type: "paragraph", text: "The ferry will run three extra crossings on Fridays." },
    { type: "heading", text: "What changes" },
    { type: "paragraph", text: "Tickets cost the same." },
  ],
  sources: [],
  image: null,
  commentsOpen: true,
};

// A line as a reader of the page sees it: its mark and its text.
const shown = (lines: BodyLine[]) =>
  lines.map((line) =>
    line.kind === "skipped"
      ? `… ${line.count}`
      : line.kind === "same"
        ? `  ${line.text}`
        : `${line.kind === "added" ? "+" : "−"} ${line.segments.map((segment) => (segment.changed ? `[${segment.text}]` : segment.text)).join("")}`,
  );

describe("two revisions compared", () => {
  it("finds nothing between a revision and itself", () => {
    expect(diffRevisions(base, structuredClone(base), names)).toEqual({ fields: [], body: [] });
  });

  it("lists each changed field, old and new, by name rather than id, with the changed words marked", () => {
    const after: ArticleContent = {
      ...base,
      headline: "Ferry fares frozen for a year",
      dek: "The council kept prices as they are.",
      sectionId: 2,
      kind: "ANALYSIS",
      authorIds: [2, 1],
      commentsOpen: false,
    };
    const { fields } = diffRevisions(base, after, names);
    const plain = fields.map((change) => [change.field, change.before.map((part) => part.text).join(""), change.after.map((part) => part.text).join("")]);
    expect(plain).toEqual([
      ["Headline", "Ferry fares frozen", "Ferry fares frozen for a year"],
      ["Summary (dek)", "", "The council kept prices as they are."],
      ["Section", "City", "Business"],
      ["Kind", "News", "Analysis"],
      ["Authors", "Ada Lovelace", "Grace Hopper, Ada Lovelace"],
      ["Comments", "open", "closed"],
    ]);
    const headline = fields[0]!;
    expect(headline.before.filter((part) => part.changed)).toEqual([]);
    expect(headline.after.filter((part) => part.changed).map((part) => part.text.trim())).toEqual(["for a year"]);
  });

  it("does not count topics listed in another order as a change, but names a deleted one by its id", () => {
    expect(diffRevisions(base, { ...base, tagIds: [2, 1] }, names).fields).toEqual([]);
    const { fields } = diffRevisions(base, { ...base, tagIds: [2, 9] }, names);
    expect(fields.map((change) => [change.field, change.after.map((part) => part.text).join("")])).toEqual([["Topics", "a deleted topic (#9), Budget"]]);
  });

  it("shows a photo, its description and its sources as text", () => {
    const after: ArticleContent = {
      ...base,
      image: { src: "/media/ferry.webp", alt: "The ferry at dawn", caption: "", credit: "Jo Smith", width: 1200, height: 800 },
      sources: [{ title: "Council minutes", publisher: "City Council", url: "https://example.org/minutes" }],
    };
    const { fields } = diffRevisions(base, after, names);
    expect(fields.map((change) => [change.field, change.after.map((part) => part.text).join("")])).toEqual([
      ["Photo", "/media/ferry.webp (1200 × 800)"],
      ["Photo description", "The ferry at dawn"],
      ["Photo credit", "Jo Smith"],
      ["Sources", "Council minutes, City Council, https://example.org/minutes"],
    ]);
  });

  it("shows the body's Markdown line by line, a reworded paragraph with its changed words marked", () => {
    const after: ArticleContent = {
      ...base,
      body: [
        { type: "paragraph", text: "The ferry will run four extra crossings on Fridays." },
        { type: "heading", text: "What changes" },
        { type: "paragraph", text: "Tickets cost the same." },
        { type: "readAlso", articleId: 7 },
      ],
    };
    expect(shown(diffRevisions(base, after, names).body)).toEqual([
      "− The ferry will run [three] extra crossings on Fridays.",
      "+ The ferry will run [four] extra crossings on Fridays.",
      "  ",
      "  ## What changes",
      "  ",
      "  Tickets cost the same.",
      "+ ",
      "+ READ ALSO: council-budget-vote",
    ]);
  });

  it("folds three or more unchanged lines far from every change", () => {
    const before = Array.from({ length: 12 }, (_, index) => `Line ${index + 1}`).join("\n");
    const after = before.replace("Line 6", "Line six").replace("Line 12", "");
    expect(shown(diffBody(before, after))).toEqual([
      "… 3",
      "  Line 4",
      "  Line 5",
      "− Line [6]",
      "+ Line [six]",
      "  Line 7",
      "  Line 8",
      "  Line 9",
      "  Line 10",
      "  Line 11",
      "− Line 12",
      "+ ",
    ]);
  });

  it("shows a first body written into an empty one as added lines only", () => {
    expect(shown(diffBody("", "One.\n\nTwo."))).toEqual(["+ One.", "+ ", "+ Two."]);
    expect(shown(diffBody("One.", ""))).toEqual(["− One."]);
  });

  it("marks words only within lines that are one paragraph reworded", () => {
    expect(shown(diffBody("One.\n\nTwo.", "One and a half."))).toEqual(["− One.", "− ", "− Two.", "+ One and a half."]);
    expect(shown(diffBody("Tickets cost the same.", "Tickets cost the same as last year.\n\nA new paragraph."))).toEqual([
      "− Tickets cost the same.",
      "+ Tickets cost the same[ as last year].",
      "+ ",
      "+ A new paragraph.",
    ]);
  });

  it("shows texts too different to compare cheaply as replaced whole", () => {
    const words = (prefix: string) => Array.from({ length: 1200 }, (_, index) => `${prefix}${index}`).join(" ");
    expect(diffText(words("old"), words("new"))).toEqual({ before: [{ text: words("old"), changed: true }], after: [{ text: words("new"), changed: true }] });
    const lines = (prefix: string) => Array.from({ length: 2500 }, (_, index) => `${prefix} ${index}`).join("\n");
    // The line both bodies end with is not looked for: it is removed and added with the rest.
    const body = diffBody(`${lines("Old")}\nThe same last line.`, `${lines("New")}\nThe same last line.`);
    expect(body.filter((line) => line.kind === "removed")).toHaveLength(2501);
    expect(body.filter((line) => line.kind === "added")).toHaveLength(2501);
    expect(body.filter((line) => line.kind === "same")).toEqual([]);
  });

  it("marks only the words that differ in a field", () => {
    expect(diffText("Council votes on the budget", "Council approves the budget")).toEqual({
      before: [
        { text: "Council ", changed: false },
        { text: "votes on ", changed: true },
        { text: "the budget", changed: false },
      ],
      after: [
        { text: "Council ", changed: false },
        { text: "approves", changed: true },
        { text: " the budget", changed: false },
      ],
    });
  });
});

describe("the two revisions to compare", () => {
  it("defaults to the one before the latest and the latest, and takes any two that exist", () => {
    expect(chooseComparison([3, 1, 2], null, null)).toEqual({ from: 2, to: 3 });
    expect(chooseComparison([1, 2, 3], 3, 1)).toEqual({ from: 3, to: 1 });
    expect(chooseComparison([1, 2, 3], 1, 9)).toEqual({ from: 1, to: 3 });
    expect(chooseComparison([1], null, null)).toBeNull();
  });
});
