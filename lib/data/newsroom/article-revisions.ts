import "server-only";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";
import { mayEditArticle } from "@/lib/newsroom/workflow";
import { articleContentSchema, type ArticleContent } from "@/lib/validation/article-content";

// What the revisions page reads: every saved revision of an article (lib/data/newsroom/article-editing.ts writes
// them), and two revisions' content with the names their ids stand for, to compare them. Only for those who may edit
// the article (a writer's draft is theirs and the editors'), as the revisions hold every word of it.

export type RevisionSummary = {
  number: number;
  /** Null when whoever saved it is no longer on the staff. */
  savedBy: string | null;
  savedAt: string;
  substantive: boolean;
  /** The revision this one brought back, when it was a restore. */
  restores: number | null;
};

export type RevisionPair = {
  from: { number: number; content: ArticleContent };
  to: { number: number; content: ArticleContent };
  /** The current names of the sections, authors and topics either revision names, and the addresses of READ ALSO's articles. */
  names: { sections: Map<number, string>; authors: Map<number, string>; tags: Map<number, string>; slugs: Map<number, string> };
};

// A restore is written as an ordinary revision; which one it restored is said by its audit note
// ("Revision 5 restores revision 2"), written in the same transaction.
const RESTORE_NOTE = /^Revision (\d+) restores revision (\d+)$/;

async function mayOpen(staff: StaffIdentity, articleId: number): Promise<boolean> {
  const article = await getDb().article.findUnique({ where: { id: articleId }, select: { status: true, createdById: true } });
  return article !== null && mayEditArticle(staff, article);
}

/** Every revision of the article, the latest first. */
export async function listArticleRevisions(staff: StaffIdentity, articleId: number): Promise<RevisionSummary[]> {
  if (!(await mayOpen(staff, articleId))) return [];
  const db = getDb();
  const [revisions, restores] = await Promise.all([
    db.articleRevision.findMany({
      where: { articleId },
      orderBy: { number: "desc" },
      select: { number: true, createdAt: true, substantive: true, staffUser: { select: { name: true } } },
    }),
    db.moderationAction.findMany({ where: { articleId, action: "article_restore" }, select: { reason: true } }),
  ]);
  const restored = new Map(
    restores.flatMap(({ reason }) => {
      const match = RESTORE_NOTE.exec(reason ?? "");
      return match ? [[Number(match[1]), Number(match[2])] as const] : [];
    }),
  );
  return revisions.map((revision) => ({
    number: revision.number,
    savedBy: revision.staffUser?.name ?? null,
    savedAt: revision.createdAt.toISOString(),
    substantive: revision.substantive,
    restores: restored.get(revision.number) ?? null,
  }));
}

/** How many revisions the article has, for the editor's link to them. */
export async function countArticleRevisions(staff: StaffIdentity, articleId: number): Promise<number> {
  if (!(await mayOpen(staff, articleId))) return 0;
  return getDb().articleRevision.count({ where: { articleId } });
}

/** Two revisions of the article, or null when either does not exist. */
export async function findRevisionPair(staff: StaffIdentity, articleId: number, from: number, to: number): Promise<RevisionPair | null> {
  if (!(await mayOpen(staff, articleId))) return null;
  const db = getDb();
  const rows = await db.articleRevision.findMany({ where: { articleId, number: { in: [from, to] } }, select: { number: true, content: true } });
  const contentOf = (number: number) => {
    const row = rows.find((revision) => revision.number === number);
    // Every revision was stored through this schema; reading it again gives the defaults of fields added since.
    return row ? articleContentSchema.parse(row.content) : null;
  };
  const [before, after] = [contentOf(from), contentOf(to)];
  if (!before || !after) return null;
  const both = [before, after];
  const linkedIds = both.flatMap((content) => content.body.flatMap((block) => (block.type === "readAlso" ? [block.articleId] : [])));
  const [sections, authors, tags, linked] = await Promise.all([
    db.section.findMany({ where: { id: { in: both.map((content) => content.sectionId) } }, select: { id: true, name: true } }),
    db.author.findMany({ where: { id: { in: both.flatMap((content) => content.authorIds) } }, select: { id: true, name: true } }),
    db.tag.findMany({ where: { id: { in: both.flatMap((content) => content.tagIds) } }, select: { id: true, name: true } }),
    db.article.findMany({ where: { id: { in: linkedIds } }, select: { id: true, slug: true } }),
  ]);
  const byId = (found: { id: number; name: string }[]) => new Map(found.map((row) => [row.id, row.name]));
  return {
    from: { number: from, content: before },
    to: { number: to, content: after },
    names: { sections: byId(sections), authors: byId(authors), tags: byId(tags), slugs: new Map(linked.map((article) => [article.id, article.slug])) },
  };
}
