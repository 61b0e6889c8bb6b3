"use client";

import { useActionState } from "react";
import { manageStaffAction } from "@/app/admin/staff/actions";
import { ScrollTable } from "@/components/console/scroll-table";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { ROLE_LABELS, STAFF_ROLES } from "@/lib/staff/capabilities";

export type StaffRow = { id: number; email: string; name: string; role: StaffRole; active: boolean };

const button = "rounded border border-neutral-400 px-2 py-0.5 font-semibold hover:bg-neutral-100";

// The administrators' staff page: one action at a time, its answer shown above the list. A new or reset password
// is shown once, here, and nowhere else.
export function StaffManager({ staff, selfId }: { staff: StaffRow[]; selfId: number }) {
  const [result, act, pending] = useActionState(manageStaffAction, null);
  return (
    <>
      <div role="status" aria-live="polite" className="mt-4 min-h-6 text-sm">
        {result && <p className={`font-semibold ${result.ok ? "text-green-800" : "text-red-700"}`}>{result.message}</p>}
        {result?.ok && result.password && (
          <p className="mt-1">
            Temporary password: <code className="rounded bg-neutral-100 px-1.5 py-0.5 font-mono">{result.password}</code> — give it to them in person or over a
            channel you trust; it is not shown again.
          </p>
        )}
      </div>

      <ScrollTable label="Staff accounts">
        <table className="w-full text-left text-sm [&_td]:pr-3 [&_th]:pr-3">
          <caption className="sr-only">Staff accounts</caption>
          <thead className="border-b border-neutral-300">
            <tr>
              <th className="py-2">Name</th>
              <th>Email</th>
              <th>Role</th>
              <th>Status</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-200">
            {staff.map((member) => (
              <tr key={member.id} className={member.active ? "" : "text-neutral-500"}>
                <td className="py-2 font-semibold">{member.name}</td>
                <td className="break-all">{member.email}</td>
                <td>{ROLE_LABELS[member.role].name}</td>
                <td>{member.active ? "Active" : "Deactivated"}</td>
                <td>
                  {member.id === selfId ? (
                    <span className="text-neutral-600">You</span>
                  ) : (
                    <div className="flex flex-wrap gap-2 py-1">
                      <form action={act} className="flex gap-1">
                        <input type="hidden" name="op" value="role" />
                        <input type="hidden" name="staffId" value={member.id} />
                        <select
                          name="role"
                          defaultValue={member.role}
                          aria-label={`Role of ${member.name}`}
                          className="rounded border border-neutral-400 px-1 py-0.5"
                        >
                          {STAFF_ROLES.map((role) => (
                            <option key={role} value={role}>
                              {ROLE_LABELS[role].name}
                            </option>
                          ))}
                        </select>
                        <button type="submit" disabled={pending} className={button} aria-label={`Change role: ${member.name}`}>
                          Change role
                        </button>
                      </form>
                      <form action={act}>
                        <input type="hidden" name="op" value="reset" />
                        <input type="hidden" name="staffId" value={member.id} />
                        <button type="submit" disabled={pending} className={button} aria-label={`Reset password: ${member.name}`}>
                          Reset password
                        </button>
                      </form>
                      <form action={act}>
                        <input type="hidden" name="op" value={member.active ? "deactivate" : "activate"} />
                        <input type="hidden" name="staffId" value={member.id} />
                        <button
                          type="submit"
                          disabled={pending}
                          className={button}
                          aria-label={`${member.active ? "Deactivate" : "Reactivate"}: ${member.name}`}
                        >
                          {member.active ? "Deactivate" : "Reactivate"}
                        </button>
                      </form>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>

      <h2 className="mt-10 text-lg font-bold">Add a staff member</h2>
      <form action={act} className="mt-2 grid max-w-xl gap-3 text-sm">
        <input type="hidden" name="op" value="create" />
        <label className="flex flex-col">
          <span className="font-semibold">Name</span>
          <input name="name" required maxLength={100} className="rounded border border-neutral-400 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          <span className="font-semibold">Email</span>
          <input name="email" type="email" required maxLength={254} className="rounded border border-neutral-400 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          <span className="font-semibold">Role</span>
          <select name="role" defaultValue="MODERATOR" className="rounded border border-neutral-400 px-2 py-1">
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role].name} ({ROLE_LABELS[role].does})
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={pending} className="justify-self-start rounded bg-neutral-900 px-4 py-2 font-semibold text-white">
          Create the account
        </button>
      </form>
    </>
  );
}
