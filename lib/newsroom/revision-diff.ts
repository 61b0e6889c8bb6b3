import { diffLines, diffWordsWithSpace } from "diff";
import { blocksToMarkdown } from "@/lib/newsroom/body-markdown";
import type { ArticleContent } from "@/lib/validation/article-content";

// What changed between two revisions of an article, for people to read: each field that differs, old and new, with
// the changed words marked; and the body as the Markdown the editor shows, line by line. The diffing itself is
// jsdiff's. Pure: the names behind the ids (sections, authors, topics, READ ALSO's articles) are the caller's.

/** A run of text, `changed` when it is not in the other revision. */
export type Segment = { text: string; changed: boolean };

/** One field as it was and as it is; an empty list of segments is an empty field. */
export type FieldChange = { field: string; before: Segment[]; after: Segment[] };

export type BodyLine =
  | { kind: "same"; text: string }
  | { kind: "removed" | "added"; segments: Segment[] }
  /** Unchanged lines far from any change, left out. */
  | { kind: "skipped"; count: number };

export type RevisionDiff = { fields: FieldChange[]; body: BodyLine[] };

export type RevisionNames = {
  section: (id: number) => string | undefined;
  author: (id: number) => string | undefined;
  tag: (id: number) => string | undefined;
  /** The address of the article a READ ALSO block names; none when it no longer exists (the line is left out). */
  slug: (articleId: number) => string | undefined;
};

// jsdiff's work grows with the number of edits: past these, two texts are shown as replaced whole rather than
// compared (a body of 200,000 characters rewritten from the first word must not hold the server for long).
const MAX_WORD_EDITS = 1000;
const MAX_LINE_EDITS = 2000;

/** Unchanged lines kept on each side of a change, so it can be found in the article. */
export const CONTEXT_LINES = 2;

const KINDS: Record<ArticleContent["kind"], string> = { NEWS: "News", ANALYSIS: "Analysis", OPINION: "Opinion" };

// The fields in the editor's order, each as the text a person compares. A section, author or topic deleted since
// is named by its id rather than dropped, so the change stays visible.
function fieldTexts(content: ArticleContent, names: RevisionNames): [string, string][] {
  const named = (name: string | undefined, id: number, what: string) => name ?? `a deleted ${what} (#${id})`;
  const image = content.image;
  return [
    ["Headline", content.headline],
    ["Summary (dek)", content.dek],
    ["Section", named(names.section(content.sectionId), content.sectionId, "section")],
    ["Kind", KINDS[content.kind]],
    ["Authors", content.authorIds.map((id) => named(names.author(id), id, "author")).join(", ")],
    // Topics have no order: the same topics listed otherwise are no change.
    [
      "Topics",
      content.tagIds
        .map((id) => named(names.tag(id), id, "topic"))
        .sort((a, b) => a.localeCompare(b))
        .join(", "),
    ],
    ["Photo", image ? `${image.src} (${image.width} × ${image.height})` : ""],
    ["Photo description", image?.alt ?? ""],
    ["Photo caption", image?.caption ?? ""],
    ["Photo credit", image?.credit ?? ""],
    ["Sources", content.sources.map((source) => [source.title, source.publisher, source.url].filter(Boolean).join(", ")).join("; ")],
    ["Comments", content.commentsOpen ? "open" : "closed"],
  ];
}

/** The changes that turn `before` into `after`. */
export function diffRevisions(before: ArticleContent, after: ArticleContent, names: RevisionNames): RevisionDiff {
  const old = fieldTexts(before, names);
  const fields = fieldTexts(after, names).flatMap(([field, text], index): FieldChange[] => {
    const was = old[index]![1];
    return was === text ? [] : [{ field, ...diffText(was, text) }];
  });
  return { fields, body: diffBody(blocksToMarkdown(before.body, names.slug), blocksToMarkdown(after.body, names.slug)) };
}

/** Two texts split into runs, the words only one of them has marked. */
export function diffText(before: string, after: string): { before: Segment[]; after: Segment[] } {
  // Spaces count as words: a common run is then the same text in both, and each side reads back exactly as written.
  const parts = diffWordsWithSpace(before, after, { maxEditLength: MAX_WORD_EDITS });
  if (!parts) return { before: [{ text: before, changed: before !== "" }], after: [{ text: after, changed: after !== "" }] };
  return {
    before: joined(parts.filter((part) => !part.added).map((part) => ({ text: part.value, changed: part.removed }))),
    after: joined(parts.filter((part) => !part.removed).map((part) => ({ text: part.value, changed: part.added }))),
  };
}

// A space between two changed words is part of the change ("votes on", not "votes" and "on"), and runs alike are one.
function joined(segments: Segment[]): Segment[] {
  const result: Segment[] = [];
  segments.forEach((segment, index) => {
    const between = !segment.changed && segment.text.trim() === "" && segments[index - 1]?.changed && segments[index + 1]?.changed;
    const changed = segment.changed || between === true;
    const last = result.at(-1);
    if (last && last.changed === changed) last.text += segment.text;
    else result.push({ text: segment.text, changed });
  });
  return result;
}

/** The body's Markdown line by line: nothing when it did not change. */
export function diffBody(before: string, after: string): BodyLine[] {
  if (before === after) return [];
  // Every line ends with a newline, so a paragraph added at the end does not also change the one before it; an empty
  // body has no line at all (not one blank line that the new body's blank lines would match).
  const lines = (markdown: string) => (markdown === "" ? "" : `${markdown}\n`);
  const parts = diffLines(lines(before), lines(after), { maxEditLength: MAX_LINE_EDITS }) ?? [
    { value: lines(before), removed: true, added: false, count: 0 },
    { value: lines(after), removed: false, added: true, count: 0 },
  ];
  const shown: BodyLine[] = [];
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    const next = parts[index + 1];
    if (!part.added && !part.removed) shown.push(...linesOf(part.value).map((text) => ({ kind: "same" as const, text })));
    else if (part.removed && next?.added) {
      shown.push(...pairedLines(linesOf(part.value), linesOf(next.value)));
      index += 1;
    } else {
      const kind: "added" | "removed" = part.added ? "added" : "removed";
      shown.push(...linesOf(part.value).map((text) => ({ kind, segments: [{ text, changed: false }] })));
    }
  }
  return withoutDistantContext(shown);
}

function linesOf(value: string): string[] {
  return value.replace(/\n$/, "").split("\n");
}

// A reworded paragraph is a line removed and a line added; pairing them in order marks the words that changed
// within, as a long paragraph with one word changed is otherwise hard to read twice. Lines with too little in common
// to be one paragraph reworded are shown whole.
function pairedLines(removed: string[], added: string[]): BodyLine[] {
  const pairs = removed.map((text, index) => (index < added.length ? reworded(text, added[index]!) : null));
  const whole = (text: string): Segment[] => [{ text, changed: false }];
  return [
    ...removed.map((text, index) => ({ kind: "removed" as const, segments: pairs[index]?.before ?? whole(text) })),
    ...added.map((text, index) => ({ kind: "added" as const, segments: pairs[index]?.after ?? whole(text) })),
  ];
}

// The pair's words marked, when at least half of the longer line is common to both.
function reworded(before: string, after: string): { before: Segment[]; after: Segment[] } | null {
  const pair = diffText(before, after);
  const common = pair.after.filter((segment) => !segment.changed).reduce((length, segment) => length + segment.text.trim().length, 0);
  return before !== "" && after !== "" && common * 2 >= Math.max(before.length, after.length) ? pair : null;
}

// Unchanged lines more than CONTEXT_LINES away from every change are folded into one "skipped" line, when there are
// at least MIN_FOLDED of them together (folding one line would hide it and save nothing).
const MIN_FOLDED = 3;

function withoutDistantContext(lines: BodyLine[]): BodyLine[] {
  const changed = lines.flatMap((line, index) => (line.kind === "same" ? [] : [index]));
  const far = (index: number) => lines[index]!.kind === "same" && changed.every((at) => Math.abs(at - index) > CONTEXT_LINES);
  const kept: BodyLine[] = [];
  for (let index = 0; index < lines.length;) {
    let end = index;
    while (end < lines.length && far(end)) end += 1;
    if (end - index >= MIN_FOLDED) kept.push({ kind: "skipped", count: end - index });
    else kept.push(...lines.slice(index, Math.max(end, index + 1)));
    index = Math.max(end, index + 1);
  }
  return kept;
}

/**
 * The two revisions to compare: each as asked for when it exists, otherwise the one before the latest ("from") and
 * the latest ("to"). Null when there are not two revisions to compare.
 */
export function chooseComparison(numbers: number[], from: number | null, to: number | null): { from: number; to: number } | null {
  if (numbers.length < 2) return null;
  const sorted = [...numbers].sort((a, b) => a - b);
  const exists = (number: number | null): number is number => number !== null && sorted.includes(number);
  return { from: exists(from) ? from : sorted.at(-2)!, to: exists(to) ? to : sorted.at(-1)! };
}
