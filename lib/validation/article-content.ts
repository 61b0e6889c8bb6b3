import { z } from "zod";
import { articleBodySchema } from "@/lib/validation/article-body";
import { articleSourcesSchema } from "@/lib/validation/article-sources";
import { normalizeText, recordId } from "@/lib/validation/primitives";

const text = (max: number, label: string) =>
  z
    .string()
    .transform(normalizeText)
    .pipe(z.string().max(max, `${label} must be at most ${max} characters`));

const distinct = (ids: z.ZodArray<typeof recordId>, message: string) => ids.refine((list) => new Set(list).size === list.length, message);

// What the newsroom edits of an article: every revision stores exactly this, and restoring one saves it again.
export const articleContentSchema = z
  .object({
    headline: text(200, "The headline").pipe(z.string().min(1, "Please give a headline")),
    dek: text(400, "The summary").default(""),
    sectionId: recordId,
    kind: z.enum(["NEWS", "ANALYSIS", "OPINION"]),
    authorIds: distinct(z.array(recordId).max(10, "At most 10 authors"), "Each author once").default([]),
    tagIds: distinct(z.array(recordId).max(30, "At most 30 topics"), "Each topic once").default([]),
    body: articleBodySchema,
    sources: articleSourcesSchema.default([]),
    image: z
      .object({
        src: z.string().min(1).max(500),
        alt: text(300, "The photo's description").pipe(z.string().min(1, "A photo needs a description for readers who cannot see it")),
        caption: text(500, "The caption").default(""),
        credit: text(200, "The credit").default(""),
        width: z.number().int().positive().max(20_000),
        height: z.number().int().positive().max(20_000),
      })
      .strict()
      .nullable()
      .default(null),
    commentsOpen: z.boolean().default(true),
  })
  .strict();

export type ArticleContent = z.output<typeof articleContentSchema>;
export type ArticleContentInput = z.input<typeof articleContentSchema>;
