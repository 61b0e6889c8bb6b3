import { beforeEach, describe, expect, it } from "vitest";
import { createTaxonomyEntry, deleteTaxonomyEntry, listTaxonomy, moveSection, updateTaxonomyEntry } from "@/lib/data/newsroom/taxonomy";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { createArticle, createStaffMember, db, resetDatabase } from "../helpers/integration-db";

let editor: StaffIdentity;
let writer: StaffIdentity;

beforeEach(async () => {
  await resetDatabase();
  editor = await createStaffMember("edie@example.com", "EDITOR");
  writer = await createStaffMember("wren@example.com", "WRITER");
});

const audited = async () =>
  (await db.moderationAction.findMany({ orderBy: { id: "asc" }, select: { action: true, reason: true } })).map((row) => `${row.action}: ${row.reason}`);

describe("sections, topics and authors kept by editors", () => {
  it("adds each kind with an address from its name, the next free one when taken, and lists it with its article count", async () => {
    expect(await createTaxonomyEntry(editor, "section", { name: "  Culture  ", about: "Arts and books." })).toMatchObject({
      ok: true,
      entry: { slug: "culture", name: "Culture" },
    });
    expect(await createTaxonomyEntry(editor, "section", { name: "Culture", about: "" })).toMatchObject({ ok: true, entry: { slug: "culture-2" } });
    expect(await createTaxonomyEntry(editor, "tag", { name: "Night life", about: "" })).toMatchObject({ ok: true, entry: { slug: "night-life" } });
    expect(await createTaxonomyEntry(editor, "author", { name: "Tomás Ferreira", about: "Photographer." })).toMatchObject({
      ok: true,
      entry: { slug: "tomas-ferreira" },
    });
    const lists = await listTaxonomy(editor);
    expect(lists.section.map((entry) => [entry.slug, entry.about, entry.articleCount])).toEqual([
      ["culture", "Arts and books.", 0],
      ["culture-2", "", 0],
    ]);
    expect(lists.author).toEqual([{ id: expect.any(Number), slug: "tomas-ferreira", name: "Tomás Ferreira", about: "Photographer.", articleCount: 0 }]);
    expect(await audited()).toEqual([
      "taxonomy_create: Section “Culture” (/sections/culture)",
      "taxonomy_create: Section “Culture” (/sections/culture-2)",
      "taxonomy_create: Topic “Night life” (/tags/night-life)",
      "taxonomy_create: Author “Tomás Ferreira” (/authors/tomas-ferreira)",
    ]);
  });

  it("renames without changing the address, and refuses empty or overlong names and writers", async () => {
    const created = await createTaxonomyEntry(editor, "tag", { name: "Ferries", about: "" });
    if (!created.ok) throw new Error(created.message);
    const id = created.entry.id;
    expect(await updateTaxonomyEntry(editor, "tag", id, { name: "Ferries and boats", about: "Crossings." })).toMatchObject({
      ok: true,
      entry: { slug: "ferries" },
    });
    expect(await updateTaxonomyEntry(editor, "tag", id, { name: " ", about: "" })).toMatchObject({ ok: false, message: "Give a name" });
    expect(await updateTaxonomyEntry(editor, "tag", id, { name: "x".repeat(81), about: "" })).toMatchObject({ ok: false, error: "invalid" });
    expect(await updateTaxonomyEntry(writer, "tag", id, { name: "Boats", about: "" })).toMatchObject({ ok: false, error: "not_allowed" });
    expect(await createTaxonomyEntry(writer, "section", { name: "Mine", about: "" })).toMatchObject({ ok: false, error: "not_allowed" });
    expect(await createTaxonomyEntry(editor, "section", { name: "!!!", about: "" })).toMatchObject({ ok: false, error: "invalid" });
    expect(await updateTaxonomyEntry(editor, "author", 999_999, { name: "Nobody", about: "" })).toMatchObject({ ok: false, error: "not_found" });
    expect(await db.tag.findUniqueOrThrow({ where: { id } })).toMatchObject({ slug: "ferries", name: "Ferries and boats", description: "Crossings." });
    expect(await listTaxonomy(writer)).toEqual({ section: [], tag: [], author: [] });
  });

  it("removes an entry no article names, and refuses one still in use, changing nothing", async () => {
    const article = await createArticle({ slug: "ferry" });
    const section = await db.section.findUniqueOrThrow({ where: { id: article.sectionId } });
    const unused = await createTaxonomyEntry(editor, "author", { name: "Left Us", about: "" });
    if (!unused.ok) throw new Error(unused.message);
    expect(await deleteTaxonomyEntry(editor, "section", section.id)).toEqual({
      ok: false,
      error: "invalid",
      message: `“${section.name}” is on 1 article: move them first.`,
    });
    expect(await db.section.count({ where: { id: section.id } })).toBe(1);
    expect(await deleteTaxonomyEntry(editor, "author", unused.entry.id)).toMatchObject({ ok: true });
    expect(await db.author.count({ where: { id: unused.entry.id } })).toBe(0);
    expect(await deleteTaxonomyEntry(writer, "author", unused.entry.id)).toMatchObject({ ok: false, error: "not_allowed" });
  });

  it("moves a section up and down the navigation, refusing past either end", async () => {
    const ids: number[] = [];
    for (const name of ["City", "Business", "Sport"]) {
      const created = await createTaxonomyEntry(editor, "section", { name, about: "" });
      if (!created.ok) throw new Error(created.message);
      ids.push(created.entry.id);
    }
    const order = async () => (await listTaxonomy(editor)).section.map((entry) => entry.name);
    expect(await order()).toEqual(["City", "Business", "Sport"]);
    expect(await moveSection(editor, ids[2]!, "up")).toMatchObject({ ok: true });
    expect(await order()).toEqual(["City", "Sport", "Business"]);
    expect(await moveSection(editor, ids[0]!, "down")).toMatchObject({ ok: true });
    expect(await order()).toEqual(["Sport", "City", "Business"]);
    expect(await moveSection(editor, ids[1]!, "up")).toMatchObject({ ok: true });
    expect(await moveSection(editor, ids[1]!, "up")).toMatchObject({ ok: true });
    expect(await order()).toEqual(["Business", "Sport", "City"]);
    expect(await moveSection(editor, ids[1]!, "up")).toMatchObject({ ok: false, message: "“Business” is already first." });
    expect(await moveSection(editor, ids[0]!, "down")).toMatchObject({ ok: false, message: "“City” is already last." });
  });
});
