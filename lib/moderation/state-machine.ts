import { CommentStatus } from "@/lib/generated/prisma/enums";

// Every comment status change goes through this table, so the console, bulk actions and any future API agree on
// what is allowed.
export const COMMENT_STATUSES = Object.values(CommentStatus);
export type CommentStatusName = CommentStatus;

export const MODERATION_ACTIONS = ["approve", "reject", "spam", "trash", "unapprove", "restore"] as const;
export type ModerationActionName = (typeof MODERATION_ACTIONS)[number];

const TRANSITIONS: Record<ModerationActionName, { from: readonly CommentStatusName[]; to: CommentStatusName }> = {
  approve: { from: ["PENDING", "REJECTED", "SPAM"], to: "APPROVED" },
  reject: { from: ["PENDING", "APPROVED"], to: "REJECTED" },
  spam: { from: ["PENDING", "APPROVED", "REJECTED"], to: "SPAM" },
  trash: { from: ["PENDING", "APPROVED", "REJECTED", "SPAM"], to: "TRASH" },
  unapprove: { from: ["APPROVED"], to: "PENDING" },
  restore: { from: ["TRASH", "SPAM", "REJECTED"], to: "PENDING" },
};

export type Transition = { ok: true; to: CommentStatusName } | { ok: false; reason: string };

export function transition(from: CommentStatusName, action: ModerationActionName): Transition {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) {
    return { ok: false, reason: `A ${from.toLowerCase()} comment cannot be given the action "${action}"` };
  }
  return { ok: true, to: rule.to };
}

export function allowedActions(from: CommentStatusName): ModerationActionName[] {
  return MODERATION_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(from));
}
