import { z } from "zod";

// What an article is based on, shown as its "Sources" list and given to search engines as citations.
export const articleSourceSchema = z
  .object({
    title: z.string().trim().min(1, "a source needs a title").max(300),
    publisher: z.string().trim().max(200).default(""),
    url: z
      .url({ protocol: /^https?$/, error: "a source's url must be an http(s) address" })
      .max(2000)
      .optional(),
  })
  .strict();

export const articleSourcesSchema = z.array(articleSourceSchema).max(50);

export type ArticleSource = z.infer<typeof articleSourceSchema>;

export function parseArticleSources(value: unknown): ArticleSource[] {
  return articleSourcesSchema.parse(value);
}
