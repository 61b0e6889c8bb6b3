import "server-only";
import { getDb } from "@/lib/db";
import type { FormTokenCheck } from "@/lib/comments/form-token";
import type { PipelineFacts } from "@/lib/moderation/pipeline";
import { nameSkeleton } from "@/lib/moderation/text-match";
import type { CommentSettings } from "@/lib/validation/settings";
import type { CommentInput } from "@/lib/validation/comment";

// Everything the pipeline's checks need to know about a submission, read from the database in one place.
export async function gatherFacts(
  comment: CommentInput & { honeypot: string; clientHash: string },
  context: {
    settings: CommentSettings;
    formToken: FormTokenCheck | null;
    article: { commentsOpen: boolean; publishedAt: Date };
    now: Date;
  },
): Promise<PipelineFacts> {
  const db = getDb();
  const { settings, now } = context;
  const email = comment.email;
  const floodSince = new Date(now.getTime() - settings.floodIntervalSeconds * 1000);
  const [staff, blocks, duplicates, approvedBefore, lastStoredBySender] = await Promise.all([
    db.staffUser.findMany({ where: { active: true }, select: { name: true } }),
    db.block.findMany({
      where: {
        OR: [
          { kind: "EMAIL", value: email },
          { kind: "DOMAIN", value: email.slice(email.lastIndexOf("@") + 1) },
          { kind: "CLIENT", value: comment.clientHash },
        ],
        AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }],
      },
      select: { kind: true, mode: true },
    }),
    // Only the same sender's repeat counts: answering "already posted" to anyone else would tell them who wrote a
    // public comment, one guessed address at a time.
    db.comment.count({
      where: {
        articleId: comment.articleId,
        authorEmail: email,
        body: comment.body,
        clientHash: comment.clientHash,
        status: { not: "TRASH" },
      },
    }),
    // Anyone can type a regular's address, so an earlier approval earns trust only when addresses are confirmed.
    settings.requireEmailConfirmation
      ? db.comment.count({ where: { authorEmail: email, status: "APPROVED", confirmedAt: { not: null } } })
      : Promise.resolve(0),
    // Flood control counts the comments themselves, not a counter that a request could spend and then die.
    settings.floodIntervalSeconds > 0
      ? db.comment.findFirst({
          where: { createdAt: { gt: floodSince }, OR: [{ clientHash: comment.clientHash }, { authorEmail: email }] },
          orderBy: { createdAt: "desc" },
          select: { createdAt: true },
        })
      : Promise.resolve(null),
  ]);
  return {
    settings,
    now,
    article: context.article,
    formToken: context.formToken,
    honeypotFilled: comment.honeypot.trim() !== "",
    staffNameSkeletons: staff.map((member) => nameSkeleton(member.name)),
    blocks,
    isDuplicate: duplicates > 0,
    isPreviouslyApprovedCommenter: approvedBefore > 0,
    lastStoredBySenderAt: lastStoredBySender?.createdAt ?? null,
  };
}
