import type { FieldError, Parsed } from "@/lib/import/parse-result";
import { articleBodySchema, type ArticleBlock } from "@/lib/validation/article-body";
import { SLUG_PATTERN } from "@/lib/validation/search-params";

// The Markdown body of an imported article, turned into the site's blocks. READ ALSO names its target by slug
// here; resolveBody turns the slug into an article id once the importer knows the ids of every file in the run.

export type DraftBlock = { type: "paragraph"; text: string } | { type: "heading"; text: string } | { type: "readAlso"; slug: string; line: number };

// The body below the front matter: blank lines separate blocks, a line starting with ## (or ###…) is a heading of
// its own, other lines of a block are one paragraph. Inline Markdown stays as written: the body has no markup.
export function parseBody(lines: string[], firstLine: number): { blocks: DraftBlock[]; errors: FieldError[] } {
  const blocks: DraftBlock[] = [];
  const errors: FieldError[] = [];
  let paragraph: { line: number; parts: string[] } | null = null;

  const endParagraph = () => {
    if (!paragraph) return;
    const joined = paragraph.parts.join(" ");
    const readAlso = joined.startsWith("READ ALSO:") ? joined.slice("READ ALSO:".length).trim() : null;
    if (readAlso === null) blocks.push({ type: "paragraph", text: joined });
    else if (SLUG_PATTERN.test(readAlso)) blocks.push({ type: "readAlso", slug: readAlso, line: paragraph.line });
    else errors.push({ field: `body (line ${paragraph.line})`, message: `READ ALSO needs one article slug, got "${readAlso}"` });
    paragraph = null;
  };

  lines.forEach((raw, index) => {
    const line = raw.trim();
    const number = firstLine + index;
    const heading = markdownHeading(line);
    if (line === "" || heading) endParagraph();
    if (heading) {
      const title = heading.title;
      if (heading.level === 1)
        errors.push({ field: `body (line ${number})`, message: "The headline belongs in the front matter; use ## or ### for headings in the text" });
      else if (!title) errors.push({ field: `body (line ${number})`, message: "Empty heading" });
      else blocks.push({ type: "heading", text: title });
    } else if (line !== "") {
      paragraph ??= { line: number, parts: [] };
      paragraph.parts.push(line);
    }
  });
  endParagraph();
  return { blocks, errors };
}

// The stored body: READ ALSO slugs become article ids, and the result must pass the schema the site reads it with.
export function resolveBody(blocks: DraftBlock[], articleIdFor: (slug: string) => number | undefined): Parsed<ArticleBlock[]> {
  const errors: FieldError[] = [];
  const resolved = blocks.map((block) => {
    if (block.type !== "readAlso") return block;
    const articleId = articleIdFor(block.slug);
    if (articleId === undefined)
      errors.push({ field: `body (line ${block.line})`, message: `READ ALSO: no article with the slug "${block.slug}" in the database or in this import` });
    return { type: "readAlso" as const, articleId: articleId ?? 0 };
  });
  if (errors.length > 0) return { ok: false, errors };
  const body = articleBodySchema.safeParse(resolved);
  return body.success ? { ok: true, value: body.data } : { ok: false, errors: body.error.issues.map((issue) => ({ field: "body", message: issue.message })) };
}

// "## Title" or "## Title ##": the level and the title, or null. Written without regular expressions that could
// backtrack on long runs of spaces or hashes.
function markdownHeading(line: string): { level: number; title: string } | null {
  let level = 0;
  while (line[level] === "#") level += 1;
  if (level === 0 || level > 6) return null;
  if (level < line.length && line[level] !== " " && line[level] !== "\t") return null;
  let title = line.slice(level).trim();
  let end = title.length;
  while (end > 0 && title[end - 1] === "#") end -= 1;
  if (end < title.length && (end === 0 || title[end - 1] === " " || title[end - 1] === "\t")) title = title.slice(0, end).trim();
  return { level, title };
}
