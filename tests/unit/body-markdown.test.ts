import { describe, expect, it } from "vitest";
import { blocksToMarkdown, markdownToDraftBlocks, readAlsoSlugs, resolveDraftBlocks } from "@/lib/newsroom/body-markdown";
import type { ArticleBlock } from "@/lib/validation/article-body";

const slugs = new Map([
  [7, "council-budget-vote"],
  [12, "harbour-cafe-reopens"],
]);
const ids = new Map([...slugs].map(([id, slug]) => [slug, id]));

// Markdown → blocks on the server: parse, then resolve the slugs as the database would.
function toBlocks(markdown: string) {
  const draft = markdownToDraftBlocks(markdown);
  expect(draft.errors).toEqual([]);
  return resolveDraftBlocks(draft.blocks, (slug) => ids.get(slug));
}

describe("an article body as Markdown", () => {
  const blocks: ArticleBlock[] = [
    { type: "paragraph", text: "The ferry will run three extra crossings on Fridays." },
    { type: "heading", text: "What changes" },
    { type: "paragraph", text: "Tickets cost the same. The last boat leaves at 23:40." },
    { type: "readAlso", articleId: 7 },
    { type: "heading", text: "Who decided" },
    { type: "readAlso", articleId: 12 },
    { type: "paragraph", text: "A *starred* word and a # sign stay as written." },
  ];

  it("writes paragraphs, ## subheadings and READ ALSO lines, separated by blank lines", () => {
    expect(blocksToMarkdown(blocks.slice(0, 4), (id) => slugs.get(id))).toBe(
      [
        "The ferry will run three extra crossings on Fridays.",
        "## What changes",
        "Tickets cost the same. The last boat leaves at 23:40.",
        "READ ALSO: council-budget-vote",
      ].join("\n\n"),
    );
  });

  it("reads back exactly the blocks it was written from", () => {
    expect(toBlocks(blocksToMarkdown(blocks, (id) => slugs.get(id)))).toEqual({ ok: true, blocks });
    expect(toBlocks(blocksToMarkdown([], (id) => slugs.get(id)))).toEqual({ ok: true, blocks: [] });
  });

  it("reads what a journalist types: lines of a paragraph joined, Windows line ends, ### as a subheading", () => {
    expect(toBlocks("First line\r\nsecond line\r\n\r\n### Smaller\n\n\n\nREAD ALSO: harbour-cafe-reopens\n")).toEqual({
      ok: true,
      blocks: [
        { type: "paragraph", text: "First line second line" },
        { type: "heading", text: "Smaller" },
        { type: "readAlso", articleId: 12 },
      ],
    });
  });

  it("leaves out a READ ALSO whose article is gone", () => {
    expect(
      blocksToMarkdown(
        [
          { type: "readAlso", articleId: 99 },
          { type: "paragraph", text: "Still here." },
        ],
        (id) => slugs.get(id),
      ),
    ).toBe("Still here.");
  });

  it("names every unknown slug by its line and resolves nothing", () => {
    const draft = markdownToDraftBlocks("Intro.\n\nREAD ALSO: no-such-story\n\nREAD ALSO: council-budget-vote\n\nREAD ALSO: another-one");
    expect(readAlsoSlugs(draft.blocks)).toEqual(["no-such-story", "council-budget-vote", "another-one"]);
    expect(resolveDraftBlocks(draft.blocks, (slug) => ids.get(slug))).toEqual({
      ok: false,
      errors: [
        { field: "Body (line 3)", message: 'READ ALSO: no article has the address "no-such-story"' },
        { field: "Body (line 7)", message: 'READ ALSO: no article has the address "another-one"' },
      ],
    });
  });

  it("refuses a # headline and a READ ALSO that is not one slug, naming the line", () => {
    expect(markdownToDraftBlocks("# Title\n\nREAD ALSO: two words").errors).toEqual([
      { field: "Body (line 1)", message: "The headline belongs in the front matter; use ## or ### for headings in the text" },
      { field: "Body (line 3)", message: 'READ ALSO needs one article slug, got "two words"' },
    ]);
  });
});
