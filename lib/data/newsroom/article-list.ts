import "server-only";
import { asTyped } from "@/lib/data/like-pattern";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatusName } from "@/lib/newsroom/workflow";
import { assertWriter } from "@/lib/staff/staff-reads";
import type { NewsroomArticleFilters } from "@/lib/validation/newsroom-articles";

// The newsroom's list of articles in every status, for those who write. Scheduled articles, asked for alone, come in
// the order they go live; otherwise the most recently changed come first. "Changed" is the later of the last saved
// revision and the publication (PostgreSQL's GREATEST skips what is missing), and the creation only for an article
// that has neither: moves through the workflow are in the audit log, but a save or a publication is what the
// newsroom looks for. Imported articles have no revision, and were created (imported) after they were published, so
// their import time would put the oldest story first.

export const NEWSROOM_PAGE_SIZE = 50;

export type NewsroomArticleRow = {
  id: number;
  slug: string;
  headline: string;
  status: ArticleStatusName;
  section: string;
  authors: string[];
  createdById: number | null;
  startedBy: string | null;
  lastSaved: { at: Date; by: string | null } | null;
  scheduledFor: Date | null;
  publishedAt: Date | null;
};

export async function listNewsroomArticles(
  staff: StaffIdentity,
  filters: NewsroomArticleFilters,
  page: number,
): Promise<{ rows: NewsroomArticleRow[]; hasMore: boolean }> {
  assertWriter(staff);
  const db = getDb();
  // One more than a page says whether there is a next one.
  const ids = await db.$queryRaw<{ id: number }[]>`
    SELECT a.id FROM "Article" a
    LEFT JOIN LATERAL (SELECT r."createdAt" FROM "ArticleRevision" r WHERE r."articleId" = a.id ORDER BY r.number DESC LIMIT 1) latest ON true
    WHERE ${Prisma.join(conditions(staff, filters), " AND ")}
    ORDER BY ${
      filters.status === "SCHEDULED"
        ? Prisma.sql`a."scheduledFor" ASC NULLS LAST, a.id ASC`
        : Prisma.sql`COALESCE(GREATEST(latest."createdAt", a."publishedAt"), a."createdAt") DESC, a.id DESC`
    }
    LIMIT ${NEWSROOM_PAGE_SIZE + 1} OFFSET ${(page - 1) * NEWSROOM_PAGE_SIZE}`;
  const pageIds = ids.slice(0, NEWSROOM_PAGE_SIZE).map(({ id }) => id);
  const found = await db.article.findMany({
    where: { id: { in: pageIds } },
    select: {
      id: true,
      slug: true,
      headline: true,
      status: true,
      createdById: true,
      scheduledFor: true,
      publishedAt: true,
      section: { select: { name: true } },
      authors: { orderBy: { position: "asc" }, select: { author: { select: { name: true } } } },
      createdBy: { select: { name: true } },
      revisions: { orderBy: { number: "desc" }, take: 1, select: { createdAt: true, staffUser: { select: { name: true } } } },
    },
  });
  const byId = new Map(found.map((article) => [article.id, article]));
  const rows = pageIds.flatMap((id): NewsroomArticleRow[] => {
    const article = byId.get(id);
    if (!article) return [];
    const [latest] = article.revisions;
    return [
      {
        id: article.id,
        slug: article.slug,
        headline: article.headline,
        status: article.status,
        section: article.section.name,
        authors: article.authors.map(({ author }) => author.name),
        createdById: article.createdById,
        startedBy: article.createdBy?.name ?? null,
        lastSaved: latest ? { at: latest.createdAt, by: latest.staffUser?.name ?? null } : null,
        scheduledFor: article.scheduledFor,
        publishedAt: article.publishedAt,
      },
    ];
  });
  return { rows, hasMore: ids.length > NEWSROOM_PAGE_SIZE };
}

/** The sections and authors the list's form offers, by name. */
export async function listNewsroomChoices(staff: StaffIdentity) {
  assertWriter(staff);
  const db = getDb();
  const [sections, authors] = await Promise.all([
    db.section.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
    db.author.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
  ]);
  return { sections, authors };
}

function conditions(staff: StaffIdentity, filters: NewsroomArticleFilters): Prisma.Sql[] {
  const where = [Prisma.sql`true`];
  if (filters.status) where.push(Prisma.sql`a.status = ${filters.status}::"ArticleStatus"`);
  if (filters.section) where.push(Prisma.sql`a."sectionId" = ${filters.section}`);
  if (filters.author) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ArticleAuthor" aa WHERE aa."articleId" = a.id AND aa."authorId" = ${filters.author})`);
  if (filters.q) where.push(Prisma.sql`a.headline ILIKE ${`%${asTyped(filters.q)}%`}`);
  if (filters.mine) where.push(Prisma.sql`a."createdById" = ${staff.id}`);
  return where;
}
