import { z } from "zod";
import { EDITORIAL_ACTIONS } from "@/lib/newsroom/workflow";
import { recordId } from "@/lib/validation/primitives";

// The article editor's forms as posted. The content itself is checked again by the data layer's schema
// (lib/validation/article-content.ts); these check what the form adds: the version the page holds, the body as
// Markdown, the ticked boxes and the chosen authors and topics (a field posted once per choice).

const kind = z.enum(["NEWS", "ANALYSIS", "OPINION"], "Choose news, analysis or opinion");
const version = z.coerce.number().int().positive();

export const startArticleFormSchema = z.object({
  headline: z.string().trim().min(1, "Please give a headline").max(200, "The headline must be at most 200 characters"),
  sectionId: recordId,
  kind: kind.default("NEWS"),
});

export const articleFormSchema = z.object({
  articleId: recordId,
  version,
  headline: z.string(),
  dek: z.string().default(""),
  sectionId: recordId,
  kind,
  authorIds: z.array(recordId).max(10, "At most 10 authors"),
  tagIds: z.array(recordId).max(30, "At most 30 topics"),
  body: z.string().max(200_000, "The body must be at most 200,000 characters"),
  commentsOpen: z.boolean(),
  substantive: z.boolean(),
});

export const articleMoveFormSchema = z.object({
  articleId: recordId,
  version,
  action: z.enum(EDITORIAL_ACTIONS),
  scheduledFor: z.string().default(""),
});

// "Restore this revision": which revision, and the version of the article the revisions page was showing.
export const restoreRevisionFormSchema = z.object({
  articleId: recordId,
  number: z.coerce.number().int().positive().max(1_000_000),
  version,
});

export type ArticleForm = z.output<typeof articleFormSchema>;
