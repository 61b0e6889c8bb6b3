import { StaffManager } from "@/components/console/staff-manager";
import { requireStaffPage } from "@/lib/auth";
import { listStaff } from "@/lib/data/staff/staff-admin";
import { can } from "@/lib/staff/capabilities";

export const metadata = { title: "Staff" };

export default async function StaffPage() {
  const self = await requireStaffPage();
  if (!can(self.role, "administer")) {
    return (
      <>
        <h1 className="text-2xl font-bold">Staff</h1>
        <p className="mt-4 text-sm">Only administrators can manage staff accounts.</p>
      </>
    );
  }
  const staff = await listStaff(self);
  return (
    <>
      <h1 className="text-2xl font-bold">Staff</h1>
      <p className="mt-1 text-sm text-neutral-700">Deactivating an account, resetting its password or changing its role signs it out everywhere at once.</p>
      <StaffManager staff={staff} selfId={self.id} />
    </>
  );
}
