import type { ArticleStatus } from "@/lib/generated/prisma/enums";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { can, type Capability } from "@/lib/staff/capabilities";

// Every move of an article through the newsroom goes through this table, as every comment status change goes
// through lib/moderation/state-machine.ts: draft → in review → scheduled or published → unpublished. Each move names
// the capability it needs (lib/staff/capabilities.ts); "system" moves are the scheduler's.

export type ArticleStatusName = ArticleStatus;

export const EDITORIAL_ACTIONS = ["submit", "return", "schedule", "unschedule", "publish", "unpublish", "reopen"] as const;
export type EditorialActionName = (typeof EDITORIAL_ACTIONS)[number];
/** The scheduler publishing a scheduled article at its time. */
export type SystemEditorialAction = "goLive";

const MOVES: Record<EditorialActionName | SystemEditorialAction, { from: readonly ArticleStatusName[]; to: ArticleStatusName; needs: Capability | "system" }> =
  {
    // A writer hands a draft to the editors; an editor may send it back with a note.
    submit: { from: ["DRAFT"], to: "IN_REVIEW", needs: "write" },
    return: { from: ["IN_REVIEW"], to: "DRAFT", needs: "edit" },
    schedule: { from: ["DRAFT", "IN_REVIEW", "UNPUBLISHED"], to: "SCHEDULED", needs: "edit" },
    unschedule: { from: ["SCHEDULED"], to: "IN_REVIEW", needs: "edit" },
    publish: { from: ["DRAFT", "IN_REVIEW", "SCHEDULED", "UNPUBLISHED"], to: "PUBLISHED", needs: "edit" },
    unpublish: { from: ["PUBLISHED"], to: "UNPUBLISHED", needs: "edit" },
    reopen: { from: ["UNPUBLISHED"], to: "DRAFT", needs: "edit" },
    goLive: { from: ["SCHEDULED"], to: "PUBLISHED", needs: "system" },
  };

export type EditorialMove = { ok: true; to: ArticleStatusName } | { ok: false; reason: string };

/** Whether `actor` (a staff role, or the scheduler) may take `action` on an article in `from`. */
export function moveArticle(from: ArticleStatusName, action: EditorialActionName | SystemEditorialAction, actor: StaffRole | "system"): EditorialMove {
  const move = MOVES[action];
  const allowed = move.needs === "system" ? actor === "system" : actor !== "system" && can(actor, move.needs);
  if (!allowed) return { ok: false, reason: `Your role cannot ${ACTION_WORDS[action]}` };
  if (!move.from.includes(from)) return { ok: false, reason: `An article that is ${STATUS_WORDS[from]} cannot be given the action "${action}"` };
  return { ok: true, to: move.to };
}

/** The moves a staff member may offer on an article in `from`. */
export function availableMoves(from: ArticleStatusName, role: StaffRole): EditorialActionName[] {
  return EDITORIAL_ACTIONS.filter((action) => moveArticle(from, action, role).ok);
}

/**
 * Whether a staff member may change an article's content: editors any article in any status (a published one is
 * revised in place); writers only an article they started, while it is a draft of theirs.
 */
export function mayEditArticle(staff: { id: number; role: StaffRole }, article: { status: ArticleStatusName; createdById: number | null }): boolean {
  if (can(staff.role, "edit")) return true;
  return can(staff.role, "write") && article.status === "DRAFT" && article.createdById === staff.id;
}

export const STATUS_WORDS: Record<ArticleStatusName, string> = {
  DRAFT: "a draft",
  IN_REVIEW: "in review",
  SCHEDULED: "scheduled",
  PUBLISHED: "published",
  UNPUBLISHED: "unpublished",
};

const ACTION_WORDS: Record<EditorialActionName | SystemEditorialAction, string> = {
  submit: "submit articles for review",
  return: "send articles back to their writers",
  schedule: "schedule articles",
  unschedule: "take articles off the schedule",
  publish: "publish articles",
  unpublish: "unpublish articles",
  reopen: "reopen unpublished articles as drafts",
  goLive: "publish scheduled articles (the scheduler does)",
};
