import { z } from "zod";
import { normalizeText, recordId } from "@/lib/validation/primitives";

// The newsroom's lists an editor keeps (lib/data/newsroom/taxonomy.ts): sections, topics (tags) and authors.

export const TAXONOMY_KINDS = ["section", "tag", "author"] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];

export const TAXONOMY_WORDS: Record<TaxonomyKind, { one: string; many: string; about: string; path: string }> = {
  section: { one: "Section", many: "Sections", about: "Description", path: "sections" },
  tag: { one: "Topic", many: "Topics", about: "Description", path: "tags" },
  author: { one: "Author", many: "Authors", about: "Biography", path: "authors" },
};

const text = (max: number, message: string) => z.string().transform(normalizeText).pipe(z.string().max(max, message));

export const taxonomyEntrySchema = z.object({
  name: text(80, "A name must be at most 80 characters").pipe(z.string().min(1, "Give a name")),
  about: text(500, "A description must be at most 500 characters").default(""),
});

export const taxonomyFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), kind: z.enum(TAXONOMY_KINDS), name: z.string(), about: z.string().default("") }),
  z.object({ intent: z.literal("update"), kind: z.enum(TAXONOMY_KINDS), id: recordId, name: z.string(), about: z.string().default("") }),
  z.object({ intent: z.literal("delete"), kind: z.enum(TAXONOMY_KINDS), id: recordId }),
  z.object({ intent: z.enum(["up", "down"]), kind: z.literal("section"), id: recordId }),
]);
