import "server-only";
import { moderateComment } from "@/lib/data/moderation/moderation";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { getDb } from "@/lib/db";

export type StaffReplyResult = { ok: true; id: number; articleId: number; approvedParentId: number | null } | { ok: false; message: string };

// A staff reply is published at once under the staff member's name, with a badge. Answering a comment that still
// waits approves it first, in the same batch, so the reply never hangs under an invisible comment.
export async function replyAsStaff(staff: StaffIdentity, parentId: number, body: string): Promise<StaffReplyResult> {
  const db = getDb();
  const parent = await db.comment.findUnique({ where: { id: parentId }, select: { id: true, status: true, articleId: true, depth: true } });
  if (!parent || (parent.status !== "APPROVED" && parent.status !== "PENDING")) {
    return { ok: false, message: "Only a published or waiting comment can be answered." };
  }
  // Not an undoable batch: undoing the approval would leave the published reply under a hidden comment.
  if (parent.status === "PENDING") {
    const approved = await moderateComment({ staffUserId: staff.id, commentId: parent.id, action: "approve", expectedStatus: "PENDING" });
    if (!approved.ok) return { ok: false, message: approved.message };
  }
  const reply = await db.$transaction(async (tx) => {
    const created = await tx.comment.create({
      data: {
        articleId: parent.articleId,
        parentId: parent.id,
        depth: parent.depth + 1,
        authorName: staff.name,
        authorEmail: staff.email,
        body,
        status: "APPROVED",
        staffAuthorId: staff.id,
        confirmedAt: new Date(),
      },
      select: { id: true },
    });
    await tx.moderationAction.create({
      data: { commentId: created.id, staffUserId: staff.id, action: "staff_reply", toStatus: "APPROVED" },
    });
    return created;
  });
  return { ok: true, id: reply.id, articleId: parent.articleId, approvedParentId: parent.status === "PENDING" ? parent.id : null };
}
