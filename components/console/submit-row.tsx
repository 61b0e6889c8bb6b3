import type { ReactNode } from "react";

// A small console form's button with the action's answer beside it, announced when it changes (not a status
// region: the editor's own save answer is the page's one status).
export function SubmitRow({
  pending,
  result,
  primary = false,
  children,
}: {
  pending: boolean;
  result: { ok: boolean; message: string } | null;
  primary?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="submit"
        disabled={pending}
        className={`rounded px-3 py-1.5 font-semibold ${primary ? "bg-neutral-900 text-white" : "border border-neutral-700"}`}
      >
        {children}
      </button>
      <p aria-live="polite" className={`font-medium ${result?.ok === false ? "text-red-700" : "text-green-800"}`}>
        {result?.message}
      </p>
    </div>
  );
}
