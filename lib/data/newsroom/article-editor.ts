import "server-only";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";
import type { ArticleStatusName } from "@/lib/newsroom/workflow";
import { can } from "@/lib/staff/capabilities";
import { parseArticleBody } from "@/lib/validation/article-body";
import type { ArticleContent } from "@/lib/validation/article-content";
import { parseArticleSources } from "@/lib/validation/article-sources";

// What the article editor reads: an article as it stands (its content in the shape every revision stores, so a save
// can replace only what the form edits), the sections, authors and topics to choose from, and the articles READ ALSO
// names by address. Staff-only: drafts are not public.

export type ArticleForEditing = {
  id: number;
  slug: string;
  status: ArticleStatusName;
  version: number;
  createdById: number | null;
  scheduledFor: string | null;
  /** When it first went live; null for an article readers have never seen. */
  publishedAt: string | null;
  content: ArticleContent;
  /** The articles the body's READ ALSO blocks point at, by id. */
  linked: { id: number; slug: string; headline: string }[];
};

export async function findArticleForEditing(staff: StaffIdentity, articleId: number): Promise<ArticleForEditing | null> {
  if (!can(staff.role, "write")) return null;
  const row = await getDb().article.findUnique({
    where: { id: articleId },
    include: { authors: { orderBy: { position: "asc" }, select: { authorId: true } }, tags: { select: { tagId: true } } },
  });
  if (!row) return null;
  const body = parseArticleBody(row.body);
  const linkedIds = body.flatMap((block) => (block.type === "readAlso" ? [block.articleId] : []));
  const linked = linkedIds.length ? await getDb().article.findMany({ where: { id: { in: linkedIds } }, select: { id: true, slug: true, headline: true } }) : [];
  const image =
    row.imageSrc && row.imageAlt && row.imageWidth && row.imageHeight
      ? { src: row.imageSrc, alt: row.imageAlt, caption: row.imageCaption ?? "", credit: row.imageCredit ?? "", width: row.imageWidth, height: row.imageHeight }
      : null;
  return {
    id: row.id,
    slug: row.slug,
    status: row.status,
    version: row.version,
    createdById: row.createdById,
    scheduledFor: row.scheduledFor?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    content: {
      headline: row.headline,
      dek: row.dek,
      sectionId: row.sectionId,
      kind: row.kind,
      authorIds: row.authors.map((author) => author.authorId),
      tagIds: row.tags.map((tag) => tag.tagId).sort((a, b) => a - b),
      body,
      sources: parseArticleSources(row.sources),
      image,
      commentsOpen: row.commentsOpen,
    },
    linked,
  };
}

/** The sections, authors and topics an article may be given, each by name. */
export async function listEditorChoices(staff: StaffIdentity) {
  if (!can(staff.role, "write")) return { sections: [], authors: [], tags: [] };
  const db = getDb();
  const [sections, authors, tags] = await Promise.all([
    db.section.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    db.author.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
    db.tag.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
  ]);
  return { sections, authors, tags };
}

/** The ids of the articles with these addresses (current slugs only: an old address names no article here). */
export async function findArticleIdsBySlug(slugs: string[]): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map();
  const rows = await getDb().article.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  return new Map(rows.map((row) => [row.slug, row.id]));
}
