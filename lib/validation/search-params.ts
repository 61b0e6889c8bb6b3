import { z } from "zod";
import { parseCommentOrder } from "@/lib/comments/order";
import { MAX_ID } from "@/lib/validation/primitives";

// Lower-case letters and digits joined by single hyphens: every slug of an article, section, tag or author.
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const slugSchema = z.string().max(200).regex(SLUG_PATTERN);

// A row id in an address: a plain positive whole number that fits the database's id column, or null.
export function parsePositiveId(value: unknown): number | null {
  return typeof value === "string" && /^[1-9]\d{0,9}$/.test(value) && Number(value) <= MAX_ID ? Number(value) : null;
}

// Query parameters are hints, never errors: anything malformed is simply ignored.
const optionalPositiveId = z.unknown().optional().transform(parsePositiveId);

export const articleSearchParamsSchema = z.object({
  replyto: optionalPositiveId,
  comment: optionalPositiveId,
  cpage: optionalPositiveId,
  corder: z.unknown().optional().transform(parseCommentOrder),
});

// A listing's page number: absent means the first page; anything that is not a plain page number is answered 404 by
// the page (a crawler must not see endless variants of page 1).
export function parseListingPage(value: unknown): number | null {
  if (value === undefined) return 1;
  return typeof value === "string" && /^[1-9]\d{0,4}$/.test(value) ? Number(value) : null;
}

// Search queries are free text: trimmed, control characters dropped, capped, never an error.
export const MAX_SEARCH_LENGTH = 200;
export function normalizeSearchQuery(value: unknown): string {
  const text = typeof value === "string" ? value : Array.isArray(value) && typeof value[0] === "string" ? value[0] : "";
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .trim()
    .slice(0, MAX_SEARCH_LENGTH);
}

// How search results are ordered: best match first (the default) or newest first.
export const SEARCH_SORTS = ["relevance", "newest"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

// The search page's address (?q=&sort=newest&section=<slug>&page=n). Like every query parameter a hint: an unknown
// sort is relevance, a section that is not a slug is no filter (whether a slug names a section is the page's to
// check), a page that is not a number is the first.
export const searchPageParamsSchema = z.object({
  q: z.unknown().optional().transform(normalizeSearchQuery),
  sort: z
    .unknown()
    .optional()
    .transform((value): SearchSort => (value === "newest" ? "newest" : "relevance")),
  section: z
    .unknown()
    .optional()
    .transform((value) => slugSchema.safeParse(value).data ?? null),
  page: z
    .unknown()
    .optional()
    .transform((value) => parseListingPage(value) ?? 1),
});
export type SearchPageParams = z.infer<typeof searchPageParamsSchema>;
