import type { StaffIdentity } from "@/lib/data/staff/staff";

// The signed-in staff member the staff-only reads ask for; they check the role, not the row.
export const MODERATOR: StaffIdentity = { id: 1, email: "moderator@example.com", name: "Test Moderator", role: "MODERATOR" };
export const ADMIN: StaffIdentity = { id: 2, email: "admin@example.com", name: "Test Admin", role: "ADMIN" };
