import { CommentStatus } from "@/lib/generated/prisma/enums";

// Every comment status change goes through this table, so the console, bulk actions, email confirmation, readers'
// reports and any future API agree on what is allowed. ESLint refuses a comment status written from anything but a
// transition's result (`status: next.to`), see eslint.config.mjs.
export const COMMENT_STATUSES = Object.values(CommentStatus);
export type CommentStatusName = CommentStatus;

// What moderators can do; the console offers exactly these.
export const MODERATION_ACTIONS = ["approve", "reject", "spam", "trash", "unapprove", "restore"] as const;
export type ModerationActionName = (typeof MODERATION_ACTIONS)[number];

// What the system does on others' behalf: confirming an email address releases a comment either into the queue or,
// when nothing held it, straight onto the page; enough readers' reports take a published comment back to the queue
// ("hidden by reports": pending, with the reports as its reason); a moderator dismissing those reports publishes it
// again.
export type SystemActionName = "confirm" | "confirmAndPublish" | "hideByReports" | "dismissReports";
export type CommentActionName = ModerationActionName | SystemActionName;

const TRANSITIONS: Record<CommentActionName, { from: readonly CommentStatusName[]; to: CommentStatusName }> = {
  approve: { from: ["PENDING", "REJECTED", "SPAM"], to: "APPROVED" },
  reject: { from: ["PENDING", "APPROVED"], to: "REJECTED" },
  spam: { from: ["PENDING", "APPROVED", "REJECTED"], to: "SPAM" },
  trash: { from: ["PENDING", "APPROVED", "REJECTED", "SPAM"], to: "TRASH" },
  unapprove: { from: ["APPROVED"], to: "PENDING" },
  restore: { from: ["TRASH", "SPAM", "REJECTED"], to: "PENDING" },
  confirm: { from: ["UNCONFIRMED"], to: "PENDING" },
  confirmAndPublish: { from: ["UNCONFIRMED"], to: "APPROVED" },
  hideByReports: { from: ["APPROVED"], to: "PENDING" },
  dismissReports: { from: ["PENDING"], to: "APPROVED" },
};

export type Transition = { ok: true; to: CommentStatusName } | { ok: false; reason: string };

export function transition(from: CommentStatusName, action: CommentActionName): Transition {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) {
    return { ok: false, reason: `A ${from.toLowerCase()} comment cannot be given the action "${action}"` };
  }
  return { ok: true, to: rule.to };
}

export function allowedActions(from: CommentStatusName): ModerationActionName[] {
  return MODERATION_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(from));
}

// The queue's tabs: unconfirmed comments are the commenter's business until they confirm.
export const QUEUE_STATUSES = ["PENDING", "APPROVED", "SPAM", "REJECTED", "TRASH"] as const satisfies readonly CommentStatusName[];
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

// Undo takes a comment back to where a moderator action found it. It is allowed exactly when some moderator
// action leads from `previous` to `current`, so undo can only retrace steps the table permits.
export function undoTransition(previous: CommentStatusName, current: CommentStatusName): Transition {
  const retraceable = MODERATION_ACTIONS.some((action) => TRANSITIONS[action].to === current && TRANSITIONS[action].from.includes(previous));
  return retraceable ? { ok: true, to: previous } : { ok: false, reason: `A move from ${previous.toLowerCase()} to ${current.toLowerCase()} cannot be undone` };
}
