import type { BlockKind, BlockMode } from "@/lib/generated/prisma/enums";
import type { CommentStatusName, ModerationActionName } from "@/lib/moderation/state-machine";
import type { EditorialActionName } from "@/lib/newsroom/workflow";

// What each code in the audit log (ModerationAction.action) means, in the words the console shows: every code the
// site writes. Moderators' decisions are recorded under the state machine's names, so a new one fails the type check
// until it has a label here; the other codes are written in lib/data/moderation/, lib/data/staff/staff-admin.ts and
// lib/data/site/settings.ts.
type BlockAction = `block_${Lowercase<BlockKind>}_${Lowercase<BlockMode>}`;

const DECISIONS = {
  approve: "Approved a comment",
  reject: "Rejected a comment",
  spam: "Marked a comment as spam",
  trash: "Moved a comment to the trash",
  unapprove: "Took a comment back for review",
  restore: "Restored a comment for review",
} as const satisfies Record<ModerationActionName, string>;

const BLOCKS = {
  block_email_refuse: "Blocked an email address (refuse)",
  block_email_hold: "Blocked an email address (hold for review)",
  block_domain_refuse: "Blocked an email domain (refuse)",
  block_domain_hold: "Blocked an email domain (hold for review)",
  block_client_refuse: "Blocked a sender fingerprint (refuse)",
  block_client_hold: "Blocked a sender fingerprint (hold for review)",
} as const satisfies Record<BlockAction, string>;

// The newsroom's moves, recorded as article_<move> (lib/data/newsroom/article-editing.ts).
const EDITORIAL = {
  article_submit: "Submitted an article for review",
  article_return: "Sent an article back to its writer",
  article_schedule: "Scheduled an article",
  article_unschedule: "Took an article off the schedule",
  article_publish: "Published an article",
  article_unpublish: "Unpublished an article",
  article_reopen: "Reopened an article as a draft",
} as const satisfies Record<`article_${EditorialActionName}`, string>;

export const AUDIT_ACTION_LABELS = {
  ...DECISIONS,
  undo: "Undid an action",
  resolve_reports: "Closed readers' reports by a decision",
  dismiss_reports: "Dismissed readers' reports",
  staff_reply: "Replied as staff",
  edit: "Edited a comment's text",
  delete: "Deleted a comment for good",
  ...BLOCKS,
  ...EDITORIAL,
  article_create: "Started an article",
  article_revise: "Saved a revision of an article",
  article_restore: "Restored an earlier revision of an article",
  article_comments_open: "Opened comments on an article",
  article_comments_close: "Closed comments on an article",
  article_correct: "Added a correction to an article",
  article_readdress: "Changed an article's address",
  article_picks: "Chose an article's related articles",
  taxonomy_create: "Added a section, topic or author",
  taxonomy_update: "Changed a section, topic or author",
  taxonomy_delete: "Removed a section, topic or author",
  taxonomy_move: "Moved a section in the navigation",
  settings_update: "Changed the comment settings",
  staff_create: "Added a staff account",
  staff_role: "Changed a staff member's role",
  staff_password_reset: "Reset a staff member's password",
  staff_deactivate: "Deactivated a staff account",
  staff_activate: "Reactivated a staff account",
} as const;

export type AuditActionCode = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTION_CODES = Object.keys(AUDIT_ACTION_LABELS) as [AuditActionCode, ...AuditActionCode[]];

// A code recorded by an older version of the site, and since retired, is shown as it was stored.
export function auditActionLabel(code: string): string {
  return Object.hasOwn(AUDIT_ACTION_LABELS, code) ? AUDIT_ACTION_LABELS[code as AuditActionCode] : code;
}

// The queue's words for each status.
const STATUS_LABELS: Record<CommentStatusName, string> = {
  UNCONFIRMED: "Unconfirmed",
  PENDING: "Pending",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  SPAM: "Spam",
  TRASH: "Trash",
};

export function commentStatusLabel(status: CommentStatusName): string {
  return STATUS_LABELS[status];
}
