import { PasswordForm } from "@/components/console/password-form";
import { requireStaffPage } from "@/lib/auth";
import { findModeratorMail } from "@/lib/data/moderation/moderator-notifications";
import { can, ROLE_LABELS } from "@/lib/staff/capabilities";
import { saveMailPreferenceAction } from "./actions";

export const metadata = { title: "Your account" };

const CHOICES = [
  ["OFF", "No email"],
  ["IMMEDIATE", "An email for each comment held for review, with links to approve, reject or mark it as spam"],
  ["HOURLY", "A digest every hour, when new comments wait"],
  ["DAILY", "A digest every day, when new comments wait"],
] as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: Props) {
  const staff = await requireStaffPage();
  const [current, { saved, error }] = await Promise.all([findModeratorMail(staff.id), searchParams]);
  return (
    <>
      <h1 className="text-2xl font-bold">Your account</h1>
      <p className="mt-1 text-sm text-neutral-700">
        {staff.name} · {staff.email} · {ROLE_LABELS[staff.role].name.toLowerCase()}
      </p>
      {/* Mail about waiting comments is for those who can act on them. */}
      {can(staff.role, "moderate") && (
        <form action={saveMailPreferenceAction} className="mt-6 max-w-2xl text-sm">
          <fieldset>
            <legend className="text-lg font-bold">Email me about comments waiting for review</legend>
            {CHOICES.map(([value, label]) => (
              <label key={value} className="mt-2 flex items-start gap-2">
                <input type="radio" name="moderatorMail" value={value} defaultChecked={current === value} className="mt-1" />
                <span>{label}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="mt-4 rounded bg-neutral-900 px-4 py-2 font-semibold text-white">
            Save
          </button>
          {saved && (
            <p role="status" className="mt-3 font-semibold text-green-800">
              Saved.
            </p>
          )}
          {error && (
            <p role="alert" className="mt-3 font-semibold text-red-700">
              Please choose one of the options.
            </p>
          )}
        </form>
      )}
      <h2 className="mt-10 text-lg font-bold">Change your password</h2>
      <p className="mt-1 text-sm text-neutral-700">Do this first with a temporary password. It signs you out everywhere.</p>
      <PasswordForm />
    </>
  );
}
