import { z } from "zod";
import { EDITORIAL_ACTIONS } from "@/lib/newsroom/workflow";
import { articleSourcesSchema } from "@/lib/validation/article-sources";
import { normalizeText, recordId } from "@/lib/validation/primitives";
import { SLUG_PATTERN } from "@/lib/validation/search-params";

// The article editor's forms as posted. The content itself is checked again by the data layer's schema
// (lib/validation/article-content.ts); these check what the form adds: the version the page holds, the body as
// Markdown, the ticked boxes and the chosen authors and topics (a field posted once per choice), the photo as hidden
// fields beside its texts, and the sources as rows of three fields.

const kind = z.enum(["NEWS", "ANALYSIS", "OPINION"], "Choose news, analysis or opinion");
const version = z.coerce.number().int().positive();

export const startArticleFormSchema = z.object({
  headline: z.string().trim().min(1, "Please give a headline").max(200, "The headline must be at most 200 characters"),
  sectionId: recordId,
  kind: kind.default("NEWS"),
});

// A photo's size as the upload answered it; empty when there is no photo.
const size = z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().positive().max(20_000).optional());

export const articleFormSchema = z
  .object({
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
    // No photo when imageSrc is empty. Which addresses may be saved is the save's check (lib/newsroom/article-photo.ts).
    imageSrc: z.string().trim().max(500).default(""),
    imageAlt: z.string().default(""),
    imageCaption: z.string().default(""),
    imageCredit: z.string().default(""),
    imageWidth: size,
    imageHeight: size,
    sources: articleSourcesSchema,
  })
  // A photo readers cannot see is described to them: checked here too, so the form says so by the field's name.
  .superRefine((form, context) => {
    if (form.imageSrc !== "" && form.imageAlt.trim() === "") {
      context.addIssue({ code: "custom", path: ["imageAlt"], message: "a photo needs a description for readers who cannot see it" });
    }
  });

const FIELD_NAMES: Record<string, string> = {
  imageSrc: "Photo",
  imageAlt: "Photo description",
  imageCaption: "Caption",
  imageCredit: "Credit",
  imageWidth: "Photo",
  imageHeight: "Photo",
};

/** A refusal of the article form, naming the field as the editor labels it ("Source 2: …", "Photo description: …"). */
export function describeArticleFormIssue(issue: { message: string; path: PropertyKey[] }): string {
  const [field, index] = issue.path;
  if (field === "sources" && typeof index === "number") return `Source ${index + 1}: ${issue.message}`;
  if (field === "sources") return `Sources: ${issue.message}`;
  const name = typeof field === "string" ? (FIELD_NAMES[field] ?? field) : "Article";
  return `${name}: ${issue.message}`;
}

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

/**
 * The sources as the editor posts them: one title, publisher and address per row, in order (each field posted once
 * per row). A row left wholly empty is no source; an address left empty is none.
 */
export function readSourceRows(formData: FormData): { title: string; publisher: string; url?: string }[] {
  const text = (name: string) => formData.getAll(name).map((value) => (typeof value === "string" ? value : ""));
  const [titles, publishers, urls] = [text("sourceTitle"), text("sourcePublisher"), text("sourceUrl")];
  const rows = Array.from({ length: Math.max(titles.length, publishers.length, urls.length) }, (_, index) => ({
    title: titles[index] ?? "",
    publisher: publishers[index] ?? "",
    url: urls[index]?.trim() || undefined,
  }));
  return rows.filter((row) => row.title.trim() !== "" || row.publisher.trim() !== "" || row.url !== undefined);
}

export const correctionTextSchema = z
  .string()
  .transform(normalizeText)
  .pipe(z.string().min(1, "Write the correction readers will see").max(1000, "A correction must be at most 1,000 characters"));

export const articleSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(
    z
      .string()
      .min(1, "Give the new address")
      .max(200, "An address must be at most 200 characters")
      .regex(SLUG_PATTERN, "An address is lower-case letters and digits joined by single hyphens, like new-ferry-timetable"),
  );

export const correctionFormSchema = z.object({ articleId: recordId, text: z.string() });
export const addressFormSchema = z.object({ articleId: recordId, slug: z.string() });
export const picksFormSchema = z.object({ articleId: recordId, relatedIds: z.array(recordId) });
export const findArticlesFormSchema = z.object({ articleId: recordId, query: z.string().max(200) });
