import type { CommentFieldErrors } from "@/lib/validation/comment";

export type CommentFormValues = { name: string; email: string; website: string; body: string };

// What the server action answers. Typed values come back only with errors and only to a form posted without
// JavaScript; a fresh form token comes back when the old one can no longer be used.
export type CommentFormState = { errors: CommentFieldErrors; values: CommentFormValues | null; token?: string };

export const EMPTY_COMMENT_FORM_STATE: CommentFormState = { errors: {}, values: null };
