import { parseBody, type DraftBlock } from "@/lib/import/markdown-body";
import type { FieldError } from "@/lib/import/parse-result";
import type { ArticleBlock } from "@/lib/validation/article-body";

// The editor shows an article's body as the Markdown the importer reads (lib/import/markdown-body.ts), so a
// journalist writes the same text in a file or in the browser: blank lines between blocks, "## " before a
// subheading, "READ ALSO: <slug>" on a line of its own. Both directions are pure; finding the article behind a slug
// is the caller's (the database on the server, the page's own list in the preview).

/**
 * The body as Markdown. A READ ALSO block whose article no longer exists has no slug to write; it is left out, as
 * the public page leaves it out.
 */
export function blocksToMarkdown(blocks: ArticleBlock[], slugFor: (articleId: number) => string | undefined): string {
  return blocks
    .flatMap((block) => {
      if (block.type === "paragraph") return [block.text];
      if (block.type === "heading") return [`## ${block.text}`];
      const slug = slugFor(block.articleId);
      return slug ? [`READ ALSO: ${slug}`] : [];
    })
    .join("\n\n");
}

/** The Markdown as blocks, READ ALSO still naming its article by slug, with every problem found (per line). */
export function markdownToDraftBlocks(markdown: string): { blocks: DraftBlock[]; errors: FieldError[] } {
  const { blocks, errors } = parseBody(markdown.split(/\r?\n/), 1);
  return { blocks, errors: errors.map(({ field, message }) => ({ field: field.replace(/^body/, "Body"), message })) };
}

/** Every slug the READ ALSO blocks name, once each, for one lookup. */
export function readAlsoSlugs(blocks: DraftBlock[]): string[] {
  return [...new Set(blocks.flatMap((block) => (block.type === "readAlso" ? [block.slug] : [])))];
}

/** The stored blocks: each READ ALSO slug becomes its article's id, or the slug is named as unknown and nothing is returned. */
export function resolveDraftBlocks(
  blocks: DraftBlock[],
  articleIdFor: (slug: string) => number | undefined,
): { ok: true; blocks: ArticleBlock[] } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const resolved = blocks.flatMap((block): ArticleBlock[] => {
    if (block.type !== "readAlso") return [block];
    const articleId = articleIdFor(block.slug);
    if (articleId !== undefined) return [{ type: "readAlso", articleId }];
    errors.push({ field: `Body (line ${block.line})`, message: `READ ALSO: no article has the address "${block.slug}"` });
    return [];
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, blocks: resolved };
}
