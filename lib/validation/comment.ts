import { z } from "zod";
import { characterCount, hasForbiddenCharacters, MAX_ID, normalizeText, recordId } from "@/lib/validation/primitives";

export const COMMENT_LIMITS = { name: 100, email: 254, website: 200, body: 5000 } as const;

function text(label: string, max: number, requiredMessage: string, { multiline = false } = {}) {
  return z
    .string({ error: requiredMessage })
    .transform(normalizeText)
    .pipe(
      z
        .string()
        .min(1, requiredMessage)
        // Characters as people count them (code points), not UTF-16 units: an emoji is one character.
        .refine((value) => characterCount(value) <= max, `${label} must be at most ${max} characters`)
        .refine((value) => !hasForbiddenCharacters(value) && (multiline || !/[\r\n\t]/.test(value)), `${label} contains characters that are not allowed`),
    );
}

const optionalId = z
  .union([z.literal(""), recordId])
  .optional()
  .transform((value) => (value === "" || value === undefined ? null : value));

// The length is capped before the address syntax is checked, so no pattern ever runs over an oversized input.
// Stored lower-cased, so blocks, duplicates, trust and unsubscribing all see one address however it was typed.
const email = text("Email", COMMENT_LIMITS.email, "Please enter your email address")
  .pipe(z.email("Please enter a valid email address"))
  .transform((value) => value.toLowerCase());

// Also what a commenter types to ask for their own comments (the privacy pages).
export const commentEmailSchema = email;

const WEBSITE_MESSAGE = "Please enter a website address starting with http:// or https://";

// Stored in the normalised form the browser would use, so what is saved is exactly what a link points to.
const website = z
  .string()
  .optional()
  .transform((value) => normalizeText(value ?? ""))
  .pipe(
    z
      .string()
      .max(COMMENT_LIMITS.website, `Website must be at most ${COMMENT_LIMITS.website} characters`)
      .refine((value) => !hasForbiddenCharacters(value) && !/[\r\n\t]/.test(value), "Website contains characters that are not allowed"),
  )
  .transform((value, context) => {
    if (value === "") return null;
    const url = parseHttpUrl(value);
    if (!url) {
      context.addIssue({ code: "custom", message: WEBSITE_MESSAGE });
      return z.NEVER;
    }
    return url;
  });

// ASCII a URL cannot hold. The parser would percent-encode it into an address the commenter never typed (a quote
// and an attribute, say); such input is refused instead.
const NOT_IN_URLS = /[\s"<>`{}|\\^]/;

function parseHttpUrl(value: string): string | null {
  if (!/^https?:\/\//i.test(value) || NOT_IN_URLS.test(value)) return null;
  try {
    const url = new URL(value);
    if (!url.hostname.includes(".") || url.username || url.password) return null;
    return url.href.length <= COMMENT_LIMITS.website ? url.href : null;
  } catch {
    return null;
  }
}

const textFields = {
  name: text("Name", COMMENT_LIMITS.name, "Please enter your name").refine(
    (value) => /[\p{L}\p{N}]/u.test(value),
    "Please enter a name with at least one letter or digit",
  ),
  email,
  website,
  body: text("Comment", COMMENT_LIMITS.body, "Please write a comment", { multiline: true }),
};

// Staff write through the same rules as readers (a reply from the console is a comment like any other).
export const commentBodySchema = textFields.body;

const checkbox = z
  .union([z.literal("on"), z.literal("true")])
  .optional()
  .transform((value) => value !== undefined);

// The comment form as posted by a browser: every value is a string; ticked boxes send "on".
export const commentFormSchema = z
  .object({
    articleId: z.coerce.number({ error: "The article is missing" }).int().positive("The article is missing").max(MAX_ID, "The article is missing"),
    parentId: optionalId,
    ...textFields,
    token: z.string().max(200).optional(),
    company: z.string().max(200).optional(),
    notifyOnApproval: checkbox,
    notifyOnReply: checkbox,
  })
  .strict();

const jsonId = z.number({ error: "Must be a number" }).int().positive().max(MAX_ID);

// The same comment as JSON: types are exact, so an object or array where a value belongs is refused, never coerced.
export const commentJsonSchema = z
  .object({
    articleId: jsonId,
    parentId: jsonId
      .nullable()
      .optional()
      .transform((value) => value ?? null),
    ...textFields,
    website: z
      .string()
      .nullable()
      .optional()
      .transform((value) => value ?? undefined)
      .pipe(website),
    token: z.string().max(200).optional(),
    notifyOnApproval: z.boolean().default(false),
    notifyOnReply: z.boolean().default(false),
  })
  .strict();

export type CommentForm = z.infer<typeof commentFormSchema>;
export type CommentJson = z.infer<typeof commentJsonSchema>;
/** A comment's own fields, however it was posted (the two schemas agree on them). */
export type CommentInput = Pick<CommentForm & CommentJson, "articleId" | "parentId" | "name" | "email" | "website" | "body">;
export type CommentField = "articleId" | "parentId" | "name" | "email" | "website" | "body";
export type CommentFieldErrors = Partial<Record<CommentField | "form", string>>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: CommentFieldErrors };

const FIELD_KEYS = new Set<string>(["articleId", "parentId", "name", "email", "website", "body"]);

function parseWith<T>(schema: z.ZodType<T>, raw: unknown): ParseResult<T> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const errors: CommentFieldErrors = {};
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      errors.form ??= `Unexpected field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
      continue;
    }
    const field = issue.path[0];
    const key = typeof field === "string" && FIELD_KEYS.has(field) ? (field as CommentField) : "form";
    errors[key] ??= key === "form" && typeof field === "string" ? `${field}: ${issue.message}` : issue.message;
  }
  return { ok: false, errors };
}

export function parseCommentForm(raw: Record<string, unknown>): ParseResult<CommentForm> {
  return parseWith(commentFormSchema, raw);
}

export function parseCommentJson(raw: unknown): ParseResult<CommentJson> {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: { form: "The request body must be a JSON object" } };
  }
  return parseWith(commentJsonSchema, raw);
}
