import type { StaffRole } from "@/lib/generated/prisma/enums";

// What each role may do. Pages, actions and staff-only reads ask for a capability, never for a role, so a new role
// is one row here rather than a search through every check.
const CAPABILITIES = {
  /** The comment queue, decisions, staff replies, blocks, readers' addresses, per-article comment switches. */
  moderate: ["MODERATOR", "ADMIN"],
  /** Start articles and edit one's own drafts, submit them for review. */
  write: ["WRITER", "EDITOR", "ADMIN"],
  /** Edit every article, publish, schedule, unpublish, correct. */
  edit: ["EDITOR", "ADMIN"],
  /** Staff accounts, site settings, the whole audit log, deleting comments for good. */
  administer: ["ADMIN"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Capability = keyof typeof CAPABILITIES;

export function can(role: StaffRole, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly StaffRole[]).includes(role);
}

/** The roles with a capability, for queries (who receives moderators' mail). */
export function rolesThat(capability: Capability): StaffRole[] {
  return [...CAPABILITIES[capability]];
}

export const ROLE_LABELS: Record<StaffRole, { name: string; does: string }> = {
  MODERATOR: { name: "Moderator", does: "the comment queue, replies, blocks, per-article comment settings" },
  WRITER: { name: "Writer", does: "writes articles and submits them for review" },
  EDITOR: { name: "Editor", does: "edits, publishes, schedules and corrects every article" },
  ADMIN: { name: "Administrator", does: "everything, including staff and site settings" },
};

export const STAFF_ROLES = Object.keys(ROLE_LABELS) as StaffRole[];
