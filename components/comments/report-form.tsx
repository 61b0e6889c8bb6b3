"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import { reportCommentAction } from "@/app/(site)/comments/[id]/report/actions";
import { EMPTY_REPORT_FORM_STATE } from "@/components/comments/report-form-state";
import { REPORT_REASON_LABELS, REPORT_REASONS } from "@/lib/comments/report-reasons";
import { REPORT_NOTE_MAX } from "@/lib/validation/report";

type Props = { commentId: number };

// A plain form that works without JavaScript: radio buttons for the reason, a short text for "something else",
// and errors next to the field they concern. An accepted report leads to the thank-you page.
export function ReportForm({ commentId }: Props) {
  const [state, action, sending] = useActionState(reportCommentAction, EMPTY_REPORT_FORM_STATE);
  const formRef = useRef<HTMLFormElement>(null);
  const { errors } = state;

  // After a refused report, take keyboard and screen-reader users to the first thing to fix.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"] input, input[aria-invalid="true"]')?.focus();
  }, [state]);

  return (
    <form
      ref={formRef}
      action={action}
      // With JavaScript the action is called directly so React keeps what was chosen; without it the form posts.
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
      noValidate
      className="space-y-5"
    >
      <input type="hidden" name="commentId" value={commentId} />
      <div role="alert" aria-live="assertive">
        {errors.form && <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{errors.form}</p>}
      </div>
      <fieldset
        role="radiogroup"
        aria-labelledby="reason-legend"
        aria-invalid={errors.reason ? true : undefined}
        aria-describedby={errors.reason ? "reason-error" : undefined}
        className="space-y-2"
      >
        <legend id="reason-legend" className="font-semibold">
          Why are you reporting this comment?
        </legend>
        {REPORT_REASONS.map((reason) => (
          <label key={reason} className="flex items-center gap-2">
            <input type="radio" name="reason" value={reason} defaultChecked={state.values?.reason === reason} />
            {REPORT_REASON_LABELS[reason]}
          </label>
        ))}
        {errors.reason && (
          <p id="reason-error" className="text-sm font-medium text-red-700">
            {errors.reason}
          </p>
        )}
      </fieldset>
      <div>
        <label htmlFor="report-note" className="block font-semibold">
          What is wrong with it? (needed for “Something else”)
        </label>
        <input
          id="report-note"
          name="note"
          type="text"
          maxLength={REPORT_NOTE_MAX}
          defaultValue={state.values?.note ?? ""}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? "note-error" : undefined}
          className="mt-1 w-full rounded border border-neutral-400 px-3 py-2"
        />
        {errors.note && (
          <p id="note-error" className="mt-1 text-sm font-medium text-red-700">
            {errors.note}
          </p>
        )}
      </div>
      <button type="submit" disabled={sending} className="rounded bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60">
        {sending ? "Sending…" : "Send report"}
      </button>
    </form>
  );
}
