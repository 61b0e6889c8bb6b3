// What parsing an article file answers, shared by its front matter (markdown-article.ts) and its body
// (markdown-body.ts): the value, or every problem found, each named by the field it is in.
export type FieldError = { field: string; message: string };
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
