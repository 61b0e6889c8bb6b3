import { readFile } from "node:fs/promises";
import { isDeepStrictEqual } from "node:util";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ArticleBlock } from "@/lib/validation/article-body";
import { parseMarkdownArticle, resolveBody, type FieldError, type MarkdownArticle, type Named } from "@/lib/import/markdown-article";

// Imports Markdown articles (see markdown-article.ts) by slug: a file creates its article, updates it when the file
// changed, and leaves it alone when nothing did. The files are the source of truth for every field they describe;
// what they do not describe (editor's picks, comments) is never touched.
//
// Two passes. The first reads every file and works out which article each one is: found by its slug, found through
// its previousSlugs (a renamed article), or new, in which case its id is reserved from the table's sequence. Only
// then are READ ALSO slugs turned into ids, so files can point at each other in any order, even in a cycle, and a
// file whose target exists nowhere fails before anything of it is written. The second pass writes each file in a
// transaction of its own: a file that fails leaves no half-written article and does not stop the others.

export type ImportFile = { path: string; name: string };
export type ImportStatus = "created" | "updated" | "unchanged" | "failed";
export type ImportOutcome = { file: string; status: ImportStatus; slug?: string; errors: FieldError[] };

type Entry = {
  file: ImportFile;
  article?: MarkdownArticle;
  errors: FieldError[];
  articleId?: number;
  isNew?: boolean;
  body?: ArticleBlock[];
};
type Tx = Prisma.TransactionClient;

const LOOKUP_CHUNK = 1000;
// The article's own columns the files describe (never searchVector, which PostgreSQL generates).
const FIELD_SELECT = {
  slug: true,
  headline: true,
  dek: true,
  body: true,
  imageSrc: true,
  imageAlt: true,
  imageCaption: true,
  imageCredit: true,
  imageWidth: true,
  imageHeight: true,
  sources: true,
  kind: true,
  sectionId: true,
  status: true,
  commentsOpen: true,
  publishedAt: true,
  updatedAt: true,
} as const satisfies Prisma.ArticleSelect;

export async function importArticles(
  db: PrismaClient,
  files: ImportFile[],
  report: (outcome: ImportOutcome, index: number, total: number) => void = () => {},
): Promise<ImportOutcome[]> {
  // One file at a time: an archive of thousands must not open thousands of files at once.
  const entries: Entry[] = [];
  for (const file of files) entries.push(await readEntry(file));
  checkSlugsAcrossFiles(entries);
  await identifyArticles(db, entries);

  const outcomes: ImportOutcome[] = [];
  for (const [index, entry] of entries.entries()) {
    const outcome = await writeEntry(db, entry);
    outcomes.push(outcome);
    report(outcome, index, entries.length);
  }
  return outcomes;
}

async function readEntry(file: ImportFile): Promise<Entry> {
  try {
    const parsed = parseMarkdownArticle(await readFile(file.path, "utf8"));
    return parsed.ok ? { file, article: parsed.value, errors: [] } : { file, errors: parsed.errors };
  } catch (error) {
    return { file, errors: [{ field: "file", message: error instanceof Error ? error.message : String(error) }] };
  }
}

const valid = (entry: Entry): entry is Entry & { article: MarkdownArticle } => entry.article !== undefined && entry.errors.length === 0;

// Two files must not claim the same slug, as their own or as an old one: the first file keeps it.
function checkSlugsAcrossFiles(entries: Entry[]): void {
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

async function identifyArticles(db: PrismaClient, entries: Entry[]): Promise<void> {
  const wanted = new Set(
    entries.filter(valid).flatMap(({ article }) => [
      article.slug,
      ...article.previousSlugs,
      ...article.body.flatMap((block) => (block.type === "readAlso" ? [block.slug] : [])),
    ]),
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
      else entry.errors.push({ field: `previousSlugs[${index}]`, message: `"${old}" ${articles.has(old) ? "is the slug of" : "already redirects to"} another article` });
    });
    if (renamed.size > 1) entry.errors.push({ field: "previousSlugs", message: "The old slugs belong to different articles" });
    const articleId = existing ?? [...renamed][0];
    if (articleId !== undefined && claimedIds.has(articleId)) {
      entry.errors.push({ field: existing === undefined ? "previousSlugs" : "slug", message: `The same article is also imported from ${claimedIds.get(articleId)}` });
    }
    if (entry.errors.length > 0) continue;
    if (articleId !== undefined) claimedIds.set(articleId, entry.file.name);
    entry.articleId = articleId;
    entry.isNew = articleId === undefined;
  }

  // A file whose READ ALSO target is a new article from a file that failed fails too, which can fail another one.
  for (let changed = true; changed; ) {
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

  const idsInRun = new Map(entries.filter(valid).flatMap((entry) => [entry.article.slug, ...entry.article.previousSlugs].map((slug) => [slug, entry.articleId!])));
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

async function writeEntry(db: PrismaClient, entry: Entry): Promise<ImportOutcome> {
  const file = entry.file.name;
  if (!valid(entry) || entry.articleId === undefined || !entry.body) return { file, status: "failed", errors: entry.errors };
  const { article, articleId, body, isNew } = entry;
  try {
    const status = await db.$transaction((tx) => saveArticle(tx, article, articleId, body, isNew === true));
    return { file, status, slug: article.slug, errors: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message.trim().split("\n").at(-1)! : String(error);
    return { file, status: "failed", errors: [{ field: "database", message }] };
  }
}

async function saveArticle(tx: Tx, article: MarkdownArticle, id: number, body: ArticleBlock[], isNew: boolean): Promise<ImportStatus> {
  const sectionId = await ensureSection(tx, article.section);
  // Authors and tags are created when missing; existing ones keep the name they have, which editors may have changed.
  const authorIds: number[] = [];
  for (const author of article.authors) authorIds.push((await tx.author.upsert({ where: { slug: author.slug }, create: author, update: {}, select: { id: true } })).id);
  const tagIds: number[] = [];
  for (const tag of article.tags) tagIds.push((await tx.tag.upsert({ where: { slug: tag.slug }, create: tag, update: {}, select: { id: true } })).id);

  const fields = {
    slug: article.slug,
    headline: article.headline,
    dek: article.dek,
    body,
    imageSrc: article.image?.src ?? null,
    imageAlt: article.image?.alt ?? null,
    imageCaption: article.image?.caption ?? null,
    imageCredit: article.image?.credit ?? null,
    imageWidth: article.image?.width ?? null,
    imageHeight: article.image?.height ?? null,
    sources: article.sources,
    kind: article.kind,
    sectionId,
    status: article.status,
    commentsOpen: article.commentsOpen,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
  } satisfies Record<keyof typeof FIELD_SELECT, unknown>;
  const authors = authorIds.map((authorId, position) => ({ articleId: id, authorId, position }));
  const tags = tagIds.map((tagId) => ({ articleId: id, tagId }));
  const corrections = article.corrections.map((correction) => ({ articleId: id, ...correction }));
  // A slug that becomes an article's current slug no longer redirects anywhere.
  const staleRedirect = await tx.articleSlugRedirect.findUnique({ where: { slug: article.slug } });
  if (staleRedirect) await tx.articleSlugRedirect.delete({ where: { slug: article.slug } });

  if (isNew) {
    await tx.article.create({ data: { id, ...fields } });
    await tx.articleAuthor.createMany({ data: authors });
    await tx.articleTag.createMany({ data: tags });
    await tx.correction.createMany({ data: corrections });
    await tx.articleSlugRedirect.createMany({ data: article.previousSlugs.map((slug) => ({ slug, articleId: id })) });
    return "created";
  }

  // One query after another: relations loaded in one query run concurrently on the transaction's connection,
  // which node-postgres deprecates.
  const current = await tx.article.findUniqueOrThrow({ where: { id }, select: FIELD_SELECT });
  const where = { articleId: id };
  const currentAuthors = await tx.articleAuthor.findMany({ where, orderBy: { position: "asc" }, select: { authorId: true } });
  const currentTags = await tx.articleTag.findMany({ where, select: { tagId: true } });
  const currentCorrections = await tx.correction.findMany({ where, select: { text: true, publishedAt: true } });
  const currentRedirects = await tx.articleSlugRedirect.findMany({ where, select: { slug: true } });
  const oldSlugs = new Set(currentRedirects.map((redirect) => redirect.slug));
  // A renamed article keeps its previous address too, whether or not the file lists it.
  const missingRedirects = [...article.previousSlugs, ...(current.slug !== article.slug ? [current.slug] : [])].filter((slug) => !oldSlugs.has(slug));
  const changed = {
    fields: !sameValue(current, fields),
    authors: !sameValue(currentAuthors.map((row) => row.authorId), authorIds),
    tags: !sameValue(sorted(currentTags.map((row) => row.tagId)), sorted(tagIds)),
    corrections: !sameValue(sorted(currentCorrections.map(correctionKey)), sorted(corrections.map(correctionKey))),
  };

  if (changed.fields) await tx.article.update({ where: { id }, data: fields });
  if (changed.authors) {
    await tx.articleAuthor.deleteMany({ where: { articleId: id } });
    await tx.articleAuthor.createMany({ data: authors });
  }
  if (changed.tags) {
    await tx.articleTag.deleteMany({ where: { articleId: id } });
    await tx.articleTag.createMany({ data: tags });
  }
  if (changed.corrections) {
    await tx.correction.deleteMany({ where: { articleId: id } });
    await tx.correction.createMany({ data: corrections });
  }
  if (missingRedirects.length > 0) await tx.articleSlugRedirect.createMany({ data: missingRedirects.map((slug) => ({ slug, articleId: id })), skipDuplicates: true });
  return Object.values(changed).some(Boolean) || missingRedirects.length > 0 || staleRedirect ? "updated" : "unchanged";
}

// New sections go after the existing ones in the navigation; an existing section keeps its name and place.
async function ensureSection(tx: Tx, section: Named): Promise<number> {
  const existing = await tx.section.findUnique({ where: { slug: section.slug }, select: { id: true } });
  if (existing) return existing.id;
  const last = await tx.section.aggregate({ _max: { position: true } });
  const created = await tx.section.create({ data: { ...section, position: (last._max.position ?? -1) + 1 }, select: { id: true } });
  return created.id;
}

// Dates compare as ISO strings and JSON (body, sources) regardless of key order, as PostgreSQL's jsonb reorders keys.
function sameValue(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}

function correctionKey(correction: { text: string; publishedAt: Date }): string {
  return `${correction.publishedAt.toISOString()} ${correction.text}`;
}

function sorted<T extends number | string>(values: T[]): T[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
