import { z } from "zod";
import { ArticleStatus } from "@/lib/generated/prisma/enums";
import { MAX_ID } from "@/lib/validation/primitives";
import { normalizeSearchQuery } from "@/lib/validation/search-params";

// The newsroom's article list, from its GET form: status, section, author, words of the headline, only the articles
// I started, and the page. The address is typed by hand at times: a value that is not understood is no filter (the
// form then shows what is applied), never an error.

const optionalId = z.coerce.number().int().positive().max(MAX_ID).nullable().catch(null);

export const newsroomArticlesQuerySchema = z.object({
  status: z.enum(ArticleStatus).nullable().catch(null),
  section: optionalId,
  author: optionalId,
  q: z
    .unknown()
    .optional()
    .transform(normalizeSearchQuery)
    .transform((text) => text.slice(0, 100) || null),
  mine: z
    .unknown()
    .optional()
    .transform((value) => value === "1"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type NewsroomArticlesQuery = z.infer<typeof newsroomArticlesQuerySchema>;
export type NewsroomArticleFilters = Omit<NewsroomArticlesQuery, "page">;

/** The list's address for these filters and page, with only the filters that apply, so paging keeps them. */
export function newsroomArticlesHref(filters: NewsroomArticleFilters, page = 1): string {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.section) params.set("section", String(filters.section));
  if (filters.author) params.set("author", String(filters.author));
  if (filters.q) params.set("q", filters.q);
  if (filters.mine) params.set("mine", "1");
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/articles?${query}` : "/admin/articles";
}
