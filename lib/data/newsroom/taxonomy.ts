import "server-only";
import { isUniqueViolation, refused, type Refusal, type Tx } from "@/lib/data/newsroom/article-lock";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";
import { slugFromHeadline } from "@/lib/newsroom/slug";
import { can } from "@/lib/staff/capabilities";
import { TAXONOMY_WORDS, taxonomyEntrySchema, type TaxonomyKind } from "@/lib/validation/taxonomy";

// The newsroom's sections, topics and authors, kept by editors: added, renamed and described, sections put in the
// order the navigation shows them, and removed while no article names them (an article is never left without its
// section, nor a byline emptied behind a writer's back). An entry's address (slug) is made from its first name and
// kept after a rename, so links to its page keep working. Each change is audited.

export type TaxonomyEntry = { id: number; slug: string; name: string; about: string; articleCount: number };
export type TaxonomyOutcome = { ok: true; entry: { id: number; slug: string; name: string } } | Refusal;

const ONLY_EDITORS = "Only editors keep the sections, topics and authors.";

export async function listTaxonomy(staff: StaffIdentity): Promise<Record<TaxonomyKind, TaxonomyEntry[]>> {
  if (!can(staff.role, "edit")) return { section: [], tag: [], author: [] };
  const db = getDb();
  const [sections, tags, authors] = await Promise.all([
    db.section.findMany({
      orderBy: [{ position: "asc" }, { name: "asc" }],
      select: { id: true, slug: true, name: true, description: true, _count: { select: { articles: true } } },
    }),
    db.tag.findMany({
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, slug: true, name: true, description: true, _count: { select: { articles: true } } },
    }),
    db.author.findMany({
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, slug: true, name: true, bio: true, _count: { select: { articles: true } } },
    }),
  ]);
  return {
    section: sections.map(({ description, _count, ...row }) => ({ ...row, about: description, articleCount: _count.articles })),
    tag: tags.map(({ description, _count, ...row }) => ({ ...row, about: description, articleCount: _count.articles })),
    author: authors.map(({ bio, _count, ...row }) => ({ ...row, about: bio, articleCount: _count.articles })),
  };
}

export async function createTaxonomyEntry(staff: StaffIdentity, kind: TaxonomyKind, input: { name: string; about: string }): Promise<TaxonomyOutcome> {
  if (!can(staff.role, "edit")) return refused("not_allowed", ONLY_EDITORS);
  const parsed = taxonomyEntrySchema.safeParse(input);
  if (!parsed.success) return refused("invalid", parsed.error.issues[0]!.message);
  const { name, about } = parsed.data;
  const base = slugFromHeadline(name);
  if (!base) return refused("invalid", "A name needs letters or digits to make an address from.");
  // Two editors adding one name at once: the second takes the next free address.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await getDb().$transaction(async (tx) => {
        const slug = await freeSlug(tx, kind, base);
        const entry = await insert(tx, kind, slug, name, about);
        await audit(tx, staff.id, "taxonomy_create", `${TAXONOMY_WORDS[kind].one} “${name}” (/${TAXONOMY_WORDS[kind].path}/${slug})`);
        return { ok: true, entry } as const;
      });
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

export async function updateTaxonomyEntry(
  staff: StaffIdentity,
  kind: TaxonomyKind,
  id: number,
  input: { name: string; about: string },
): Promise<TaxonomyOutcome> {
  if (!can(staff.role, "edit")) return refused("not_allowed", ONLY_EDITORS);
  const parsed = taxonomyEntrySchema.safeParse(input);
  if (!parsed.success) return refused("invalid", parsed.error.issues[0]!.message);
  const { name, about } = parsed.data;
  return getDb().$transaction(async (tx) => {
    const before = await find(tx, kind, id);
    if (!before) return refused("not_found", `That ${TAXONOMY_WORDS[kind].one.toLowerCase()} no longer exists.`);
    const entry = await update(tx, kind, id, name, about);
    const renamed = before.name === name ? "" : ` (was “${before.name}”)`;
    await audit(tx, staff.id, "taxonomy_update", `${TAXONOMY_WORDS[kind].one} “${name}”${renamed}`);
    return { ok: true, entry } as const;
  });
}

export async function deleteTaxonomyEntry(staff: StaffIdentity, kind: TaxonomyKind, id: number): Promise<TaxonomyOutcome> {
  if (!can(staff.role, "edit")) return refused("not_allowed", ONLY_EDITORS);
  return getDb().$transaction(async (tx) => {
    // Locked, so an article cannot be given it between the count and the delete.
    const before = await find(tx, kind, id, { lock: true });
    if (!before) return refused("not_found", `That ${TAXONOMY_WORDS[kind].one.toLowerCase()} no longer exists.`);
    const used = await countArticles(tx, kind, id);
    if (used > 0) return refused("invalid", `“${before.name}” is on ${used} ${used === 1 ? "article" : "articles"}: move them first.`);
    await remove(tx, kind, id);
    await audit(tx, staff.id, "taxonomy_delete", `${TAXONOMY_WORDS[kind].one} “${before.name}”`);
    return { ok: true, entry: before } as const;
  });
}

/** Swaps a section with its neighbour in the navigation's order. */
export async function moveSection(staff: StaffIdentity, id: number, direction: "up" | "down"): Promise<TaxonomyOutcome> {
  if (!can(staff.role, "edit")) return refused("not_allowed", ONLY_EDITORS);
  return getDb().$transaction(async (tx) => {
    const sections = await tx.$queryRaw<{ id: number; slug: string; name: string }[]>`
      SELECT id, slug, name FROM "Section" ORDER BY position, name FOR UPDATE`;
    const at = sections.findIndex((section) => section.id === id);
    if (at === -1) return refused("not_found", "That section no longer exists.");
    const to = direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= sections.length) return refused("invalid", `“${sections[at]!.name}” is already ${direction === "up" ? "first" : "last"}.`);
    [sections[at], sections[to]] = [sections[to]!, sections[at]!];
    // Positions written afresh, 0, 1, 2 …: equal positions left by imports are put in order too.
    for (const [position, section] of sections.entries()) await tx.section.update({ where: { id: section.id }, data: { position } });
    await audit(tx, staff.id, "taxonomy_move", `Section “${sections[to]!.name}” moved ${direction}`);
    return { ok: true, entry: sections[to]! } as const;
  });
}

async function audit(tx: Tx, staffUserId: number, action: string, reason: string): Promise<void> {
  await tx.moderationAction.create({ data: { staffUserId, action, reason } });
}

// Prisma's delegates differ by model; these keep the three kinds in one place each.
async function find(tx: Tx, kind: TaxonomyKind, id: number, options: { lock?: boolean } = {}) {
  const table = { section: "Section", tag: "Tag", author: "Author" }[kind];
  const lock = options.lock ? " FOR UPDATE" : "";
  const [row] = await tx.$queryRawUnsafe<{ id: number; slug: string; name: string }[]>(`SELECT id, slug, name FROM "${table}" WHERE id = $1${lock}`, id);
  return row ?? null;
}

async function freeSlug(tx: Tx, kind: TaxonomyKind, base: string): Promise<string> {
  for (let n = 1; ; n += 1) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const where = { where: { slug } };
    const taken = kind === "section" ? await tx.section.count(where) : kind === "tag" ? await tx.tag.count(where) : await tx.author.count(where);
    if (taken === 0) return slug;
  }
}

const SELECT = { select: { id: true, slug: true, name: true } } as const;

async function insert(tx: Tx, kind: TaxonomyKind, slug: string, name: string, about: string) {
  if (kind === "author") return tx.author.create({ data: { slug, name, bio: about }, ...SELECT });
  if (kind === "tag") return tx.tag.create({ data: { slug, name, description: about }, ...SELECT });
  // A new section goes after the others in the navigation.
  const last = await tx.section.aggregate({ _max: { position: true } });
  return tx.section.create({ data: { slug, name, description: about, position: (last._max.position ?? -1) + 1 }, ...SELECT });
}

async function update(tx: Tx, kind: TaxonomyKind, id: number, name: string, about: string) {
  if (kind === "author") return tx.author.update({ where: { id }, data: { name, bio: about }, ...SELECT });
  if (kind === "tag") return tx.tag.update({ where: { id }, data: { name, description: about }, ...SELECT });
  return tx.section.update({ where: { id }, data: { name, description: about }, ...SELECT });
}

async function countArticles(tx: Tx, kind: TaxonomyKind, id: number): Promise<number> {
  if (kind === "author") return tx.articleAuthor.count({ where: { authorId: id } });
  if (kind === "tag") return tx.articleTag.count({ where: { tagId: id } });
  return tx.article.count({ where: { sectionId: id } });
}

async function remove(tx: Tx, kind: TaxonomyKind, id: number): Promise<void> {
  if (kind === "author") await tx.author.delete({ where: { id } });
  else if (kind === "tag") await tx.tag.delete({ where: { id } });
  else await tx.section.delete({ where: { id } });
}
