import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MarkdownArticle } from "@/lib/import/markdown-article";
import { resolveBody } from "@/lib/import/markdown-body";
import type { FieldError } from "@/lib/import/parse-result";
import type { ArticleBlock } from "@/lib/validation/article-body";

// The importer's first pass: which article each file is — found by its slug (current or old), found through its
// previousSlugs (a renamed article), or new, in which case its id is reserved from the table's sequence. Only then are READ ALSO
// slugs turned into ids, so files can point at each other in any order, even in a cycle, and a file whose target
// exists nowhere fails before anything of it is written.

export type ImportFile = { path: string; name: string };

export type Entry = {
  file: ImportFile;
  article?: MarkdownArticle;
  errors: FieldError[];
  articleId?: number;
  isNew?: boolean;
  body?: ArticleBlock[];
};

const LOOKUP_CHUNK = 1000;

export const valid = (entry: Entry): entry is Entry & { article: MarkdownArticle } => entry.article !== undefined && entry.errors.length === 0;

// Two files must not claim the same slug, as their own or as an old one: the first file keeps it.
export function checkSlugsAcrossFiles(entries: Entry[]): void {
  const owners = new Map<string, string>();
  for (const entry of entries.filter(valid)) {
    const owner = owners.get(entry.article.slug);
    if (owner) entry.errors.push({ field: "slug", message: `"${entry.article.slug}" is also the slug of ${owner}` });
    else owners.set(entry.article.slug, entry.file.name);
  }
  for (const entry of entries.filter(valid)) {
    entry.article.previousSlugs.forEach((old, index) => {
      const owner = owners.get(old);
      if (owner) entry.errors.push({ field: `previousSlugs[${index}]`, message: `"${old}" is also claimed by ${owner}` });
      else owners.set(old, entry.file.name);
    });
  }
}

export async function identifyArticles(db: PrismaClient, entries: Entry[]): Promise<void> {
  const wanted = new Set(
    entries
      .filter(valid)
      .flatMap(({ article }) => [article.slug, ...article.previousSlugs, ...article.body.flatMap((block) => (block.type === "readAlso" ? [block.slug] : []))]),
  );
  const { articles, redirects } = await lookUpSlugs(db, [...wanted]);

  const claimedIds = new Map<number, string>();
  for (const entry of entries.filter(valid)) {
    const { article } = entry;
    const existing = articles.get(article.slug);
    const renamed = new Set<number>();
    article.previousSlugs.forEach((old, index) => {
      const owner = articles.get(old) ?? redirects.get(old);
      if (owner === undefined || owner === existing) return;
      if (existing === undefined) renamed.add(owner);
      else
        entry.errors.push({
          field: `previousSlugs[${index}]`,
          message: `"${old}" ${articles.has(old) ? "is the slug of" : "already redirects to"} another article`,
        });
    });
    if (renamed.size > 1) entry.errors.push({ field: "previousSlugs", message: "The old slugs belong to different articles" });
    // Failing those, a file's slug that is now an old address (the article was renamed since, in the browser) names
    // that article, not a new one: the file is the same story.
    const articleId = existing ?? [...renamed][0] ?? redirects.get(article.slug);
    if (articleId !== undefined && claimedIds.has(articleId)) {
      entry.errors.push({
        field: existing === undefined ? "previousSlugs" : "slug",
        message: `The same article is also imported from ${claimedIds.get(articleId)}`,
      });
    }
    if (entry.errors.length > 0) continue;
    if (articleId !== undefined) claimedIds.set(articleId, entry.file.name);
    entry.articleId = articleId;
    entry.isNew = articleId === undefined;
  }

  // A file whose READ ALSO target is a new article from a file that failed fails too, which can fail another one.
  for (let changed = true; changed;) {
    changed = false;
    const inRun = new Set(entries.filter(valid).flatMap(({ article }) => [article.slug, ...article.previousSlugs]));
    for (const entry of entries.filter(valid)) {
      const resolved = resolveBody(entry.article.body, (slug) => (inRun.has(slug) || articles.has(slug) || redirects.has(slug) ? 1 : undefined));
      if (!resolved.ok) {
        entry.errors.push(...resolved.errors);
        changed = true;
      }
    }
  }

  const newEntries = entries.filter((entry) => valid(entry) && entry.isNew);
  const ids = await reserveArticleIds(db, newEntries.length);
  newEntries.forEach((entry, index) => (entry.articleId = ids[index]));

  const idsInRun = new Map(
    entries.filter(valid).flatMap((entry) => [entry.article.slug, ...entry.article.previousSlugs].map((slug) => [slug, entry.articleId!])),
  );
  for (const entry of entries.filter(valid)) {
    const resolved = resolveBody(entry.article.body, (slug) => idsInRun.get(slug) ?? articles.get(slug) ?? redirects.get(slug));
    if (resolved.ok) entry.body = resolved.value;
    else entry.errors.push(...resolved.errors);
  }
}

// Current slugs and old (redirected) slugs, each mapped to its article's id.
async function lookUpSlugs(db: PrismaClient, slugs: string[]) {
  const articles = new Map<string, number>();
  const redirects = new Map<string, number>();
  for (let start = 0; start < slugs.length; start += LOOKUP_CHUNK) {
    const chunk = slugs.slice(start, start + LOOKUP_CHUNK);
    for (const row of await db.article.findMany({ where: { slug: { in: chunk } }, select: { id: true, slug: true } })) articles.set(row.slug, row.id);
    for (const row of await db.articleSlugRedirect.findMany({ where: { slug: { in: chunk } } })) redirects.set(row.slug, row.articleId);
  }
  return { articles, redirects };
}

// Ids taken from the sequence are never handed out again, so a body may point at an article written later in the run.
async function reserveArticleIds(db: PrismaClient, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT nextval(pg_get_serial_sequence('"Article"', 'id'))::int AS id FROM generate_series(1, ${count}::int)`;
  return rows.map((row) => row.id);
}
