import type { ArticleStatusName } from "@/lib/newsroom/workflow";

// An article's status as the newsroom's lists name it (STATUS_WORDS in ./workflow.ts reads inside a sentence).
export const STATUS_LABELS: Record<ArticleStatusName, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  UNPUBLISHED: "Unpublished",
};

export const ARTICLE_STATUSES = Object.keys(STATUS_LABELS) as ArticleStatusName[];
