import { z } from "zod";
import { CommentStatus } from "@/lib/generated/prisma/enums";
import { MODERATION_ACTIONS, QUEUE_STATUSES } from "@/lib/moderation/state-machine";
import { MAX_ID } from "@/lib/validation/comment";

export const moderateCommentSchema = z
  .object({
    commentId: z.coerce.number().int().positive().max(MAX_ID),
    action: z.enum(MODERATION_ACTIONS),
    expectedStatus: z.enum(CommentStatus),
  })
  .strict();

// Queue addresses are typed by hand at times: anything unexpected falls back to the first page of pending comments.
export const queueQuerySchema = z.object({
  status: z.enum(QUEUE_STATUSES).catch("PENDING"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
