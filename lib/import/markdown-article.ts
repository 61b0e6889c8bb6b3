import { parseDocument } from "yaml";
import { z } from "zod";
import { parseBody, type DraftBlock } from "@/lib/import/markdown-body";
import type { FieldError, Parsed } from "@/lib/import/parse-result";
import { articleSourcesSchema } from "@/lib/validation/article-sources";
import { SLUG_PATTERN } from "@/lib/validation/search-params";

// An article written as Markdown with YAML front matter, as the newsroom's archive is kept. Parsing is pure: it
// needs no database, so every file is checked before anything is written. READ ALSO blocks name their target by
// slug here; the importer turns the slug into an article id once it knows the ids of every file in the run.

// Files served from public/images; no "." or ".." segments, so a path cannot leave that folder.
const IMAGE_PATH = /^\/images\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.[A-Za-z0-9]+$/;

export type Named = { slug: string; name: string };
export type MarkdownArticle = {
  slug: string;
  headline: string;
  dek: string;
  section: Named;
  authors: Named[];
  tags: Named[];
  kind: "NEWS" | "ANALYSIS" | "OPINION";
  status: "DRAFT" | "PUBLISHED";
  publishedAt: Date | null;
  updatedAt: Date | null;
  commentsOpen: boolean;
  image: { src: string; alt: string; caption: string | null; credit: string | null; width: number; height: number } | null;
  sources: z.infer<typeof articleSourcesSchema>;
  corrections: { text: string; publishedAt: Date }[];
  previousSlugs: string[];
  body: DraftBlock[];
};

const slug = z.string().regex(SLUG_PATTERN, "Must be lower-case letters and digits joined by single hyphens, like new-ferry-timetable");
const text = z.string().trim().min(1, "Must not be empty");
const isoDate = z.iso
  .datetime({
    offset: true,
    error: (issue) => (issue.input === undefined ? undefined : "Invalid ISO date: write it with a timezone, like 2025-03-01T09:30:00+01:00"),
  })
  .transform((value) => new Date(value));

// A string is a slug; a mapping may also give the name used when the author, tag or section is created.
const named = z.preprocess(
  (value) => (typeof value === "string" ? { slug: value } : value),
  z
    .object(
      { slug, name: text.optional() },
      { error: (issue) => (issue.code === "invalid_type" ? "Expected a slug or a mapping with slug and name" : undefined) },
    )
    .strict(),
);

const imageSchema = z
  .object({
    src: z.string().regex(IMAGE_PATH, "Must be a file path under /images/, like /images/2025/ferry.jpg"),
    alt: text,
    caption: z.string().trim().optional(),
    credit: z.string().trim().optional(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  })
  .strict();

const frontMatterSchema = z
  .object({
    slug,
    headline: text,
    dek: z.string().trim().default(""),
    section: slug,
    sectionName: text.optional(),
    authors: z.array(named).default([]),
    tags: z.array(named).default([]),
    kind: z.enum(["NEWS", "ANALYSIS", "OPINION"]).default("NEWS"),
    status: z.enum(["DRAFT", "PUBLISHED"]).default("PUBLISHED"),
    publishedAt: isoDate.optional(),
    updatedAt: isoDate.optional(),
    commentsOpen: z.boolean().default(true),
    image: imageSchema.optional(),
    sources: articleSourcesSchema.default([]),
    corrections: z.array(z.object({ text, publishedAt: isoDate }).strict()).default([]),
    previousSlugs: z.array(slug).default([]),
  })
  .strict()
  .superRefine((fields, context) => {
    const problem = (path: (string | number)[], message: string) => context.addIssue({ code: "custom", path, message });
    if (fields.status === "PUBLISHED" && !fields.publishedAt) problem(["publishedAt"], "Required when status is PUBLISHED");
    if (fields.updatedAt && fields.publishedAt && fields.updatedAt < fields.publishedAt) problem(["updatedAt"], "Must not be before publishedAt");
    for (const key of ["authors", "tags"] as const) {
      const seen = new Set<string>();
      fields[key].forEach((entry, index) => {
        if (seen.has(entry.slug)) problem([key, index, "slug"], `"${entry.slug}" is listed twice`);
        seen.add(entry.slug);
      });
    }
    fields.previousSlugs.forEach((old, index) => {
      if (old === fields.slug) problem(["previousSlugs", index], "Must not include the article's own slug");
      if (fields.previousSlugs.indexOf(old) !== index) problem(["previousSlugs", index], `"${old}" is listed twice`);
    });
  });

const EXPECTED: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping of fields",
};

// Wording for the issues zod words for programmers; everything else keeps the schema's own message.
const readableMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== "invalid_type") return undefined;
  if (issue.input === undefined || issue.input === null) return "Required";
  return `Expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describe(issue.input)}`;
};

export function parseMarkdownArticle(source: string): Parsed<MarkdownArticle> {
  const lines = source.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return failed("front matter", "Missing: the file must start with a line of three dashes (---)");
  const closing = lines.findIndex((line, index) => index > 0 && (line.trim() === "---" || line.trim() === "..."));
  if (closing === -1) return failed("front matter", "No closing line of three dashes (---)");

  const document = parseDocument(lines.slice(1, closing).join("\n"));
  const yamlError = document.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0].line;
    const message = yamlError.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    return failed(line === undefined ? "front matter" : `front matter (line ${line + 1})`, message);
  }
  let data: unknown;
  try {
    data = document.toJS() ?? {};
  } catch (error) {
    // Aliases that would blow up into a huge value are refused rather than expanded.
    return failed("front matter", error instanceof Error ? error.message : String(error));
  }
  if (typeof data !== "object" || Array.isArray(data)) return failed("front matter", "Expected a mapping of fields");

  const fields = frontMatterSchema.safeParse(withoutNulls(data), { error: readableMessages });
  const body = parseBody(lines.slice(closing + 1), closing + 2);
  const errors = [...(fields.success ? [] : fields.error.issues.flatMap(toFieldErrors)), ...body.errors];
  if (fields.success) {
    const { data: front } = fields;
    for (const block of body.blocks) {
      if (block.type === "readAlso" && block.slug === front.slug)
        errors.push({ field: `body (line ${block.line})`, message: "READ ALSO points at the article itself" });
    }
    if (front.status === "PUBLISHED" && body.blocks.length === 0)
      errors.push({ field: "body", message: "A published article needs some text below the front matter" });
  }
  if (!fields.success || errors.length > 0) return { ok: false, errors };

  const front = fields.data;
  return {
    ok: true,
    value: {
      slug: front.slug,
      headline: front.headline,
      dek: front.dek,
      section: { slug: front.section, name: front.sectionName ?? nameFromSlug(front.section) },
      authors: front.authors.map((author) => ({ slug: author.slug, name: author.name ?? nameFromSlug(author.slug, "every word") })),
      tags: front.tags.map((tag) => ({ slug: tag.slug, name: tag.name ?? nameFromSlug(tag.slug) })),
      kind: front.kind,
      status: front.status,
      publishedAt: front.publishedAt ?? null,
      updatedAt: front.updatedAt ?? null,
      commentsOpen: front.commentsOpen,
      image: front.image ? { ...front.image, caption: front.image.caption || null, credit: front.image.credit || null } : null,
      sources: front.sources,
      corrections: front.corrections,
      previousSlugs: front.previousSlugs,
      body: body.blocks,
    },
  };
}

export function formatFieldError(file: string, error: FieldError): string {
  return `${file}: ${error.field}: ${error.message}`;
}

// "harbor-city" becomes "Harbor city" (a section or tag) or "Harbor City" (a person's name).
export function nameFromSlug(value: string, capitalize: "first word" | "every word" = "first word"): string {
  return value
    .split("-")
    .map((word, index) => (index === 0 || capitalize === "every word" ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(" ");
}

function toFieldErrors(issue: z.core.$ZodIssue): FieldError[] {
  if (issue.code === "unrecognized_keys") return issue.keys.map((key) => ({ field: fieldName([...issue.path, key]), message: "Unknown field" }));
  return [{ field: fieldName(issue.path), message: issue.message }];
}

function fieldName(path: PropertyKey[]): string {
  const name = path.reduce<string>((joined, key) => (typeof key === "number" ? `${joined}[${key}]` : joined ? `${joined}.${String(key)}` : String(key)), "");
  return name || "front matter";
}

function failed<T>(field: string, message: string): Parsed<T> {
  return { ok: false, errors: [{ field, message }] };
}

// An empty YAML value (`dek:`) is null: treat it as not given, so optional fields take their defaults and required
// ones are reported as missing.
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== null)
      .map(([key, entry]) => [key, withoutNulls(entry)]),
  );
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `"${value}"`;
  if (typeof value === "object") return "a mapping";
  return String(value);
}
