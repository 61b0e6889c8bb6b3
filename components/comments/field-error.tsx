import type { CommentField, CommentFieldErrors } from "@/lib/validation/comment";

export function fieldProps(field: CommentField, errors: CommentFieldErrors) {
  const message = errors[field];
  return message ? { "aria-invalid": true as const, "aria-describedby": `${field}-error` } : {};
}

export function FieldError({ field, errors }: { field: CommentField; errors: CommentFieldErrors }) {
  const message = errors[field];
  if (!message) return null;
  return (
    <p id={`${field}-error`} className="mt-1 text-sm font-medium text-red-700">
      {message}
    </p>
  );
}
