import { z } from "zod";
import { COMMENT_STATUSES, MODERATION_ACTIONS } from "@/lib/moderation/state-machine";

export const moderateCommentSchema = z
  .object({
    commentId: z.coerce.number().int().positive(),
    action: z.enum(MODERATION_ACTIONS),
    expectedStatus: z.enum(COMMENT_STATUSES),
  })
  .strict();

export const queueStatusSchema = z
  .enum(COMMENT_STATUSES)
  .catch("PENDING");
