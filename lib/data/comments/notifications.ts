import "server-only";
import { getDb } from "@/lib/db";

// Reads for outgoing mail: the system's own use of a commenter's address, to write to that commenter only.
const mailSelect = {
  id: true,
  status: true,
  authorName: true,
  authorEmail: true,
  body: true,
  statusReason: true,
  notifyOnApproval: true,
  notifyOnReply: true,
  article: { select: { slug: true, headline: true } },
} as const;

export async function findCommentForMail(id: number) {
  return getDb().comment.findUnique({
    where: { id },
    select: { ...mailSelect, parent: { select: mailSelect } },
  });
}

// One-click unsubscribe stops every notification to the address that wrote this comment.
export async function unsubscribeCommenter(commentId: number): Promise<boolean> {
  const comment = await getDb().comment.findUnique({ where: { id: commentId }, select: { authorEmail: true } });
  if (!comment) return false;
  await getDb().comment.updateMany({
    where: { authorEmail: comment.authorEmail },
    data: { notifyOnApproval: false, notifyOnReply: false },
  });
  return true;
}
