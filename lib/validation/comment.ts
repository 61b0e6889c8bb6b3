import { z } from "zod";

export const COMMENT_LIMITS = { name: 100, email: 254, website: 200, body: 5000 } as const;

// Control characters (except tab and newlines) have no place in a comment, and PostgreSQL refuses NUL outright.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function text(label: string, max: number, requiredMessage: string) {
  return z
    .string({ error: requiredMessage })
    .transform((value) => value.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, requiredMessage)
        .max(max, `${label} must be at most ${max} characters`)
        .refine((value) => !CONTROL_CHARACTERS.test(value), `${label} contains characters that are not allowed`),
    );
}

const optionalId = z
  .union([z.literal(""), z.coerce.number().int().positive()])
  .optional()
  .transform((value) => (value === "" || value === undefined ? null : value));

// The length is capped before the address syntax is checked, so no pattern ever runs over an oversized input.
const email = text("Email", COMMENT_LIMITS.email, "Please enter your email address").pipe(
  z.email("Please enter a valid email address"),
);

const website = z
  .string()
  .optional()
  .transform((value) => (value ?? "").trim())
  .pipe(
    z
      .string()
      .max(COMMENT_LIMITS.website, `Website must be at most ${COMMENT_LIMITS.website} characters`)
      .refine((value) => value === "" || isHttpUrl(value), "Please enter a website address starting with http:// or https://"),
  )
  .transform((value) => (value === "" ? null : value));

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

export const commentInputSchema = z
  .object({
    articleId: z.coerce.number({ error: "The article is missing" }).int().positive("The article is missing"),
    parentId: optionalId,
    name: text("Name", COMMENT_LIMITS.name, "Please enter your name"),
    email,
    website,
    body: text("Comment", COMMENT_LIMITS.body, "Please write a comment"),
  })
  .strict();

export type CommentInput = z.infer<typeof commentInputSchema>;
export type CommentField = "articleId" | "parentId" | "name" | "email" | "website" | "body";
export type CommentFieldErrors = Partial<Record<CommentField | "form", string>>;

export type CommentParseResult =
  | { ok: true; value: CommentInput }
  | { ok: false; errors: CommentFieldErrors };

export function parseCommentInput(raw: Record<string, unknown>): CommentParseResult {
  const result = commentInputSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const errors: CommentFieldErrors = {};
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      errors.form ??= `Unexpected field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
      continue;
    }
    const field = issue.path[0];
    const key = typeof field === "string" && field in commentInputSchema.shape ? (field as CommentField) : "form";
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
