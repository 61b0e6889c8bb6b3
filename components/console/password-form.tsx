"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/app/admin/account/actions";

const FIELDS = [
  ["currentPassword", "Current password", "current-password"],
  ["newPassword", "New password (at least 12 characters)", "new-password"],
  ["repeatPassword", "New password again", "new-password"],
] as const;

export function PasswordForm() {
  const [result, submit, pending] = useActionState(changePasswordAction, null);
  return (
    <form action={submit} className="mt-2 grid max-w-md gap-3 text-sm">
      {FIELDS.map(([name, label, autoComplete]) => (
        <label key={name} className="flex flex-col">
          <span className="font-semibold">{label}</span>
          <input name={name} type="password" required maxLength={200} autoComplete={autoComplete} className="rounded border border-neutral-400 px-2 py-1" />
        </label>
      ))}
      <button type="submit" disabled={pending} className="justify-self-start rounded bg-neutral-900 px-4 py-2 font-semibold text-white">
        Change my password
      </button>
      {result && (
        <p role="alert" className="font-semibold text-red-700">
          {result.message}
        </p>
      )}
    </form>
  );
}
