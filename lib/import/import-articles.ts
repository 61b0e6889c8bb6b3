import { readFile } from "node:fs/promises";
import { isDeepStrictEqual } from "node:util";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { checkSlugsAcrossFiles, identifyArticles, valid, type Entry, type ImportFile } from "@/lib/import/identify-articles";
import { parseMarkdownArticle, type MarkdownArticle, type Named } from "@/lib/import/markdown-article";
import type { FieldError } from "@/lib/import/parse-result";
import type { ArticleBlock } from "@/lib/validation/article-body";

// Imports Markdown articles (see markdown-article.ts) by slug: a file creates its article, updates it when the file
// changed, and leaves it alone when nothing did. The files are the source of truth for every field they describe;
// what they do not describe (editor's picks, comments) is never touched. Until the newsroom changes the article in
// the browser: from then on the browser's version wins and the file is reported as "kept" with who changed it, so a
// re-import never silently undoes an editor's work. (A change a file would bring is made in the editor instead.)
//
// Two passes. The first (identify-articles.ts) works out which article each file is and resolves READ ALSO. The
// second, here, writes each file in a transaction of its own: a file that fails leaves no half-written article and
// does not stop the others.

export type ImportStatus = "created" | "updated" | "unchanged" | "kept" | "failed";
/** `note` says why a file was kept: who edited the article in the browser, and when. */
export type ImportOutcome = { file: string; status: ImportStatus; slug?: string; note?: string; errors: FieldError[] };
type Written = { status: Exclude<ImportStatus, "failed">; slug: string; note?: string };

type Tx = Prisma.TransactionClient;

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

async function writeEntry(db: PrismaClient, entry: Entry): Promise<ImportOutcome> {
  const file = entry.file.name;
  if (!valid(entry) || entry.articleId === undefined || !entry.body) return { file, status: "failed", errors: entry.errors };
  const { article, articleId, body, isNew } = entry;
  try {
    const written = await db.$transaction((tx) => saveArticle(tx, article, articleId, body, isNew === true));
    return { file, ...written, errors: [] };
  } catch (error) {
    const message = error instanceof Error ? error.message.trim().split("\n").at(-1)! : String(error);
    return { file, status: "failed", errors: [{ field: "database", message }] };
  }
}

async function saveArticle(tx: Tx, article: MarkdownArticle, id: number, body: ArticleBlock[], isNew: boolean): Promise<Written> {
  if (!isNew) {
    const edited = await browserEdit(tx, id);
    if (edited) return edited;
  }
  const sectionId = await ensureSection(tx, article.section);
  // Authors and tags are created when missing; existing ones keep the name they have, which editors may have changed.
  const authorIds: number[] = [];
  for (const author of article.authors)
    authorIds.push((await tx.author.upsert({ where: { slug: author.slug }, create: author, update: {}, select: { id: true } })).id);
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
    return { status: "created", slug: article.slug };
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
    authors: !sameValue(
      currentAuthors.map((row) => row.authorId),
      authorIds,
    ),
    tags: !sameValue(sorted(currentTags.map((row) => row.tagId)), sorted(tagIds)),
    corrections: !sameValue(sorted(currentCorrections.map(correctionKey)), sorted(corrections.map(correctionKey))),
  };

  // A new version, so that an editor's form opened before the import cannot save over it unawares.
  if (changed.fields) await tx.article.update({ where: { id }, data: { ...fields, version: { increment: 1 } } });
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
  if (missingRedirects.length > 0)
    await tx.articleSlugRedirect.createMany({ data: missingRedirects.map((slug) => ({ slug, articleId: id })), skipDuplicates: true });
  const updated = Object.values(changed).some(Boolean) || missingRedirects.length > 0 || staleRedirect;
  return { status: updated ? "updated" : "unchanged", slug: article.slug };
}

// The newsroom's latest change in the browser to what the file describes (a revision, a move, an address, a
// correction, comments opened or closed: each is in the audit log), if any. The row is locked first, so an editor's
// change waits for this file's transaction or this file waits for it, and the answer holds until the transaction
// ends.
async function browserEdit(tx: Tx, id: number): Promise<Written | null> {
  const [current] = await tx.$queryRaw<{ slug: string }[]>`SELECT slug FROM "Article" WHERE id = ${id} FOR UPDATE`;
  const change = await tx.moderationAction.findFirst({
    // Related picks are not in the files, so choosing them leaves the file in charge of the rest.
    where: { articleId: id, action: { not: "article_picks" } },
    orderBy: { id: "desc" },
    select: { action: true, createdAt: true, staffUser: { select: { name: true } } },
  });
  if (!current || !change) return null;
  const by = change.staffUser?.name ?? "a former staff member";
  const note = `changed in the browser by ${by} at ${change.createdAt.toISOString()} (${change.action}): the browser's version wins`;
  return { status: "kept", slug: current.slug, note };
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
