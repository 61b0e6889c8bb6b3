import type { CommentFieldErrors } from "@/lib/validation/comment";

export type CommentFormValues = { name: string; email: string; website: string; body: string };

// What the server action answers. Typed values come back only with errors, and only to the person who typed them,
// so a form posted without JavaScript is shown again as it was.
export type CommentFormState = { errors: CommentFieldErrors; values: CommentFormValues | null };

export const EMPTY_COMMENT_FORM_STATE: CommentFormState = { errors: {}, values: null };
