"use client";

import { useActionState } from "react";
import { requestReaderDataAction } from "@/app/(site)/privacy/my-comments/actions";

// Works without JavaScript too: the form posts to the server action and the page comes back with the answer.
export function ReaderDataRequestForm() {
  const [state, action, pending] = useActionState(requestReaderDataAction, null);
  return (
    <form action={action} noValidate className="mt-6 space-y-4">
      <div className="flex flex-col gap-1">
        <label htmlFor="reader-data-email" className="font-semibold">
          Email address you commented with
        </label>
        <input
          id="reader-data-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={state?.ok === false ? state.email : ""}
          aria-invalid={state?.ok === false}
          aria-describedby="reader-data-answer"
          className="max-w-md rounded border border-neutral-400 px-3 py-2"
        />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark">
        Send me the links
      </button>
      <p id="reader-data-answer" role="status" className={state?.ok === false ? "text-red-800" : "text-green-900"}>
        {state?.message}
      </p>
    </form>
  );
}
