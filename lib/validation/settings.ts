import { z } from "zod";
import { ModerationMode } from "@/lib/generated/prisma/enums";

// How long an emailed confirmation link works (lib/mail/links.ts).
export const CONFIRMATION_LINK_DAYS = 2;

const wordList = z.array(z.string().trim().min(1).max(100)).max(1000);

// Comment settings with safe defaults: every comment held for review, links held from two on, one comment per
// 15 seconds per client and per email, replies five levels deep, an approved comment hidden for review after three
// reader reports; client hashes kept 30 days, rejected and spam comments 90, unconfirmed ones 7. The database row
// overrides these.
export const commentSettingsSchema = z.object({
  moderationMode: z.enum(ModerationMode).default("HOLD_ALL"),
  requireEmailConfirmation: z.boolean().default(false),
  linkHoldThreshold: z.number().int().min(1).max(100).default(2),
  holdWords: wordList.default([]),
  refuseWords: wordList.default([]),
  autoCloseDays: z.number().int().min(1).max(3650).nullable().default(null),
  floodIntervalSeconds: z.number().int().min(0).max(3600).default(15),
  attemptsPerMinute: z.number().int().min(1).max(10_000).default(30),
  minFormSeconds: z.number().int().min(0).max(600).default(3),
  maxThreadDepth: z.number().int().min(1).max(10).default(5),
  commentsPerPage: z.number().int().min(5).max(500).default(50),
  fingerprintRetentionDays: z.number().int().min(1).max(3650).default(30),
  rejectedRetentionDays: z.number().int().min(1).max(3650).default(90),
  // A confirmation link is valid for two days: purging sooner would break links still in people's mailboxes.
  unconfirmedRetentionDays: z
    .number()
    .int()
    .min(CONFIRMATION_LINK_DAYS, `Must be at least ${CONFIRMATION_LINK_DAYS} days, the life of a confirmation link`)
    .max(3650)
    .default(7),
  reportThreshold: z.number().int().min(1, "Please enter a number from 1 to 100").max(100, "Please enter a number from 1 to 100").default(3),
});

export type CommentSettings = z.infer<typeof commentSettingsSchema>;

export const DEFAULT_COMMENT_SETTINGS: CommentSettings = commentSettingsSchema.parse({});
