import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

// Explicit select shapes: public queries never name authorEmail, so it cannot leak through them.
export const articleSummarySelect = {
  id: true,
  slug: true,
  headline: true,
  dek: true,
  publishedAt: true,
  imageSrc: true,
  imageAlt: true,
  imageWidth: true,
  imageHeight: true,
  section: { select: { slug: true, name: true } },
} satisfies Prisma.ArticleSelect;

export const articleDetailSelect = {
  ...articleSummarySelect,
  body: true,
  imageCaption: true,
  imageCredit: true,
  updatedAt: true,
  commentsOpen: true,
  kind: true,
  sources: true,
  sectionId: true,
  authors: { orderBy: { position: "asc" }, select: { author: { select: { slug: true, name: true } } } },
  tags: { orderBy: { tag: { name: "asc" } }, select: { tag: { select: { slug: true, name: true } } } },
  corrections: { orderBy: { publishedAt: "asc" }, select: { text: true, publishedAt: true } },
} satisfies Prisma.ArticleSelect;

export const publicCommentSelect = {
  id: true,
  parentId: true,
  authorName: true,
  authorWebsite: true,
  body: true,
  createdAt: true,
  staffAuthorId: true,
} satisfies Prisma.CommentSelect;

/** What a commenter sent: the fields a submission is checked against (a retry, a confirmation's recheck). Staff only. */
export const submittedCommentSelect = {
  articleId: true,
  parentId: true,
  authorName: true,
  authorEmail: true,
  authorWebsite: true,
  body: true,
} satisfies Prisma.CommentSelect;

export type ImageDto = { src: string; alt: string; width: number; height: number };

export type ArticleSummaryDto = {
  id: number;
  slug: string;
  headline: string;
  dek: string;
  publishedAt: string | null;
  section: { slug: string; name: string };
  image: ImageDto | null;
  commentCount: number;
};

export type RenderBlock =
  { type: "paragraph"; text: string } | { type: "heading"; text: string } | { type: "readAlso"; id: number; slug: string; headline: string };

export type LinkDto = { slug: string; name: string };

export type ArticleDetailDto = ArticleSummaryDto & {
  updatedAt: string | null;
  commentsOpen: boolean;
  kind: "NEWS" | "ANALYSIS" | "OPINION";
  sectionId: number;
  authors: LinkDto[];
  tags: LinkDto[];
  sources: { title: string; publisher: string; url?: string }[];
  corrections: { text: string; publishedAt: string }[];
  caption: string | null;
  credit: string | null;
  blocks: RenderBlock[];
  readingMinutes: number;
  /** Articles linked inline by READ ALSO blocks, left out of the related list. */
  linkedIds: number[];
};

// Dates travel as ISO strings: cached data is serialised, and client components receive plain values.
export type PublicCommentDto = {
  id: number;
  parentId: number | null;
  authorName: string;
  authorWebsite: string | null;
  body: string;
  createdAt: string;
  isStaff: boolean;
};

export type SummaryRow = Prisma.ArticleGetPayload<{ select: typeof articleSummarySelect }>;

/** A summary from its row and its approved comments (counted by lib/data/articles/summaries.ts). */
export function toArticleSummary(row: SummaryRow, commentCount: number): ArticleSummaryDto {
  const hasImage = row.imageSrc && row.imageWidth && row.imageHeight;
  return {
    id: row.id,
    slug: row.slug,
    headline: row.headline,
    dek: row.dek,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    section: row.section,
    commentCount,
    image: hasImage ? { src: row.imageSrc!, alt: row.imageAlt ?? "", width: row.imageWidth!, height: row.imageHeight! } : null,
  };
}

export function toPublicComment(row: Prisma.CommentGetPayload<{ select: typeof publicCommentSelect }>): PublicCommentDto {
  const { staffAuthorId, ...rest } = row;
  // Which staff member wrote it stays private; that staff wrote it is what readers see (a badge).
  return { ...rest, createdAt: row.createdAt.toISOString(), isStaff: staffAuthorId !== null };
}
