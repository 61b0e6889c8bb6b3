import { z } from "zod";

// An article body is an ordered list of blocks. READ ALSO blocks point at another article by id, so the page always
// shows that article's current headline and drops the block when the target is not published.
export const articleBlockSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("paragraph"), text: z.string().min(1) }),
  z.object({ type: z.literal("heading"), text: z.string().min(1) }),
  z.object({ type: z.literal("readAlso"), articleId: z.number().int().positive() }),
]);

export const articleBodySchema = z.array(articleBlockSchema);

export type ArticleBlock = z.infer<typeof articleBlockSchema>;

export function parseArticleBody(value: unknown): ArticleBlock[] {
  return articleBodySchema.parse(value);
}
