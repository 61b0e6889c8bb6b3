import { z } from "zod";
import { CommentStatus } from "@/lib/generated/prisma/enums";
import { MODERATION_ACTIONS, QUEUE_STATUSES } from "@/lib/moderation/state-machine";
import { commentBodySchema } from "@/lib/validation/comment";
import { MAX_ID, normalizeText } from "@/lib/validation/primitives";

// One action on one or more comments; each item is "id:STATUS", the status the moderator saw.
const item = z
  .string()
  .max(40)
  .regex(/^\d{1,10}:[A-Z]{4,11}$/)
  .transform((value) => {
    const [id, status] = value.split(":") as [string, string];
    return { commentId: Number(id), expectedStatus: status };
  })
  .pipe(z.object({ commentId: z.number().int().positive().max(MAX_ID), expectedStatus: z.enum(CommentStatus) }));

// Shown to the commenter when a comment is rejected.
export const rejectionReasonSchema = z
  .string()
  .max(300, "The reason must be at most 300 characters")
  .transform((value) => normalizeText(value) || null)
  .nullable()
  .default(null);

export const moderateSelectionSchema = z.object({
  action: z.enum(MODERATION_ACTIONS),
  items: z.array(item).min(1, "Select at least one comment").max(200),
  reason: rejectionReasonSchema,
});

// Dismissing a comment's reports: the comment as the moderator saw it ("id:STATUS").
export const dismissReportsSchema = z.object({ item });

export const staffReplySchema = z.object({
  commentId: z.coerce.number().int().positive().max(MAX_ID),
  body: commentBodySchema,
});

const optionalId = z.coerce.number().int().positive().max(MAX_ID).nullable().catch(null);

// Queue addresses are typed by hand at times: anything unexpected falls back to the defaults.
export const queueQuerySchema = z.object({
  status: z.enum([...QUEUE_STATUSES, "REPORTED"]).catch("PENDING"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  // Priority: comments readers reported first (the most reported first), then the longest waiting.
  order: z.enum(["priority", "oldest", "newest"]).catch("priority"),
  article: optionalId,
  reason: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z_:]+$/)
    .nullable()
    .catch(null),
  q: z
    .string()
    .trim()
    .max(100)
    .transform((value) => value || null)
    .nullable()
    .catch(null),
});

export const blockSenderSchema = z.object({
  commentId: z.coerce.number().int().positive().max(MAX_ID),
  kind: z.enum(["EMAIL", "DOMAIN", "CLIENT"]),
  mode: z.enum(["REFUSE", "HOLD"]),
  // Empty means the block lasts until lifted.
  days: z.union([z.literal(""), z.coerce.number().int().min(1).max(3650)]).transform((value) => (value === "" ? null : value)),
  reason: z
    .string()
    .max(300)
    .transform((value) => normalizeText(value) || null),
});
