import { areCommentsOpen } from "@/lib/comments/comments-open";
import type { FormTokenCheck } from "@/lib/comments/form-token";
import { countLinks, findListedWords, nameSkeleton, nameWords } from "@/lib/moderation/text-match";
import type { CommentSettings } from "@/lib/validation/settings";

// The moderation pipeline: small ordered checks, each of which passes, holds the comment with reasons the moderator
// will see, or refuses it with an answer for the commenter. The first refusal ends the run; holds add up.
// Everything a check needs is gathered beforehand (lib/data/comments/comment-facts.ts), so the checks are pure.

export type PipelineComment = { name: string; email: string; website: string | null; body: string };

export type PipelineFacts = {
  settings: CommentSettings;
  now: Date;
  article: { commentsOpen: boolean; publishedAt: Date };
  /** False when the comment answers one that is not an approved comment of the same article. */
  replyTargetAvailable: boolean;
  /** The same address's same words on this article, still waiting for their confirmation mail; null if none. */
  waitingCopyId: number | null;
  /** Null when the submission came without a form token (the JSON API). */
  formToken: FormTokenCheck | null;
  honeypotFilled: boolean;
  staffNameSkeletons: string[];
  blocks: { kind: "EMAIL" | "DOMAIN" | "CLIENT"; mode: "REFUSE" | "HOLD" }[];
  isDuplicate: boolean;
  isPreviouslyApprovedCommenter: boolean;
  /** When this client or address last had a comment stored within the flood interval; null if not. */
  lastStoredBySenderAt: Date | null;
};

export type Refusal = {
  status: 400 | 403 | 409 | 422 | 429;
  code: string;
  message: string;
  field?: "name" | "email" | "website" | "body" | "form";
  retryAfterSeconds?: number;
};

type CheckResult = { refuse: Refusal } | { hold: string[] } | { resend: number } | null;
type Check = (comment: PipelineComment, facts: PipelineFacts) => CheckResult;

export type PipelineOutcome =
  { decision: "refuse"; refusal: Refusal } | { decision: "resend"; waitingId: number } | { decision: "approve" | "hold"; reasons: string[] };

const RESERVED_WORDS = ["admin", "administrator", "moderator", "mod", "staff", "editor", "newsroom", "security", "support", "official"];
const RESERVED_NAMES = ["theharborledger", "harborledger"];
const NOT_ACCEPTED = "Your comment could not be accepted.";

export const CLOSED: Refusal = { status: 403, code: "comments_closed", message: "Comments are closed on this article.", field: "form" };
const UNAVAILABLE_PARENT: Refusal = { status: 400, code: "parent_unavailable", message: "The comment you are replying to is not available", field: "form" };

export function floodRefusal(retryAfterSeconds: number): Refusal {
  return {
    status: 429,
    code: "flood",
    message: `You are posting comments too quickly. Please wait ${retryAfterSeconds} seconds and try again.`,
    field: "form",
    retryAfterSeconds,
  };
}

/** The answer to a sender whose last comment was stored at lastStoredAt, or null once the interval has passed. */
export function floodRefusalAfter(lastStoredAt: Date | null, intervalSeconds: number, now: Date): Refusal | null {
  if (!lastStoredAt) return null;
  const waitMs = lastStoredAt.getTime() + intervalSeconds * 1000 - now.getTime();
  return waitMs > 0 ? floodRefusal(Math.ceil(waitMs / 1000)) : null;
}

const FIELDS = ["name", "email", "website", "body"] as const;

export const checks: { name: string; run: Check }[] = [
  {
    name: "comments closed",
    run: (_comment, { article, settings, now }) => (areCommentsOpen(article, settings, now) ? null : { refuse: CLOSED }),
  },
  {
    // Replies go only to approved comments of the same article. How deep threads are drawn is the page's business
    // (lib/comments/thread.ts).
    name: "reply target",
    run: (_comment, { replyTargetAvailable }) => (replyTargetAvailable ? null : { refuse: UNAVAILABLE_PARENT }),
  },
  {
    // A commenter whose confirmation mail went missing posts again: the mail is sent again, rather than the comment
    // refused as a duplicate of itself.
    name: "waiting for confirmation",
    run: (_comment, { waitingCopyId }) => (waitingCopyId === null ? null : { resend: waitingCopyId }),
  },
  {
    name: "honeypot and time on the form",
    run: (_comment, { formToken, honeypotFilled }) => {
      if (honeypotFilled) return { refuse: { status: 400, code: "honeypot", message: NOT_ACCEPTED, field: "form" } };
      if (!formToken || formToken.ok) return null;
      const message =
        formToken.reason === "too_fast"
          ? "That was quick! Please take a moment to read your comment, then post it again."
          : formToken.reason === "expired"
            ? "This form has expired. Please post your comment again."
            : "This form could not be verified. Please reload the page and post your comment again.";
      return { refuse: { status: 400, code: `form_token_${formToken.reason}`, message, field: "form" } };
    },
  },
  {
    name: "staff names",
    run: (comment, { staffNameSkeletons }) => {
      const skeleton = nameSkeleton(comment.name);
      const taken =
        staffNameSkeletons.includes(skeleton) || RESERVED_NAMES.includes(skeleton) || nameWords(comment.name).some((word) => RESERVED_WORDS.includes(word));
      if (!taken) return null;
      return {
        refuse: { status: 400, code: "reserved_name", message: "This name is reserved for the newsroom's staff. Please choose another.", field: "name" },
      };
    },
  },
  {
    name: "blocked senders (refuse)",
    run: (_comment, { blocks }) =>
      blocks.some((block) => block.mode === "REFUSE") ? { refuse: { status: 403, code: "blocked", message: NOT_ACCEPTED, field: "form" } } : null,
  },
  {
    name: "exact duplicates",
    run: (_comment, { isDuplicate }) =>
      isDuplicate ? { refuse: { status: 409, code: "duplicate", message: "You have already posted this comment.", field: "body" } } : null,
  },
  {
    name: "refused words",
    run: (comment, { settings }) => {
      for (const field of FIELDS) {
        if (findListedWords(comment[field] ?? "", settings.refuseWords).length > 0) {
          return {
            refuse: {
              status: 400,
              code: `refuse_word:${field}`,
              message: "Your comment contains language this site does not publish. Please rephrase it.",
              field,
            },
          };
        }
      }
      return null;
    },
  },
  {
    name: "held words",
    run: (comment, { settings }) => {
      const reasons = FIELDS.flatMap((field) => findListedWords(comment[field] ?? "", settings.holdWords).map((word) => `hold_word:${field}:${word}`));
      return reasons.length > 0 ? { hold: reasons } : null;
    },
  },
  {
    name: "no form token",
    run: (_comment, { formToken }) => (formToken === null ? { hold: ["no_form_token"] } : null),
  },
  {
    name: "links",
    run: (comment, { settings }) => (countLinks(comment.body) >= settings.linkHoldThreshold ? { hold: ["too_many_links"] } : null),
  },
  {
    name: "blocked senders (hold)",
    run: (_comment, { blocks }) => {
      const reasons = blocks.filter((block) => block.mode === "HOLD").map((block) => `blocked_${block.kind.toLowerCase()}`);
      return reasons.length > 0 ? { hold: reasons } : null;
    },
  },
  {
    name: "moderation mode",
    run: (_comment, { settings, isPreviouslyApprovedCommenter }) => {
      if (settings.moderationMode === "HOLD_ALL") return { hold: ["moderation_mode_hold_all"] };
      if (settings.moderationMode === "HOLD_FIRST_TIME" && !isPreviouslyApprovedCommenter) return { hold: ["first_time_commenter"] };
      return null;
    },
  },
  {
    // Last, so that it counts only comments every other check would let through: one stored comment per client and
    // per address in each interval. The stored comments are the count, so a request that dies before storing its
    // comment has spent nothing, and its retry is judged afresh.
    name: "flood interval",
    run: (_comment, { settings, now, lastStoredBySenderAt }) => {
      const refusal = floodRefusalAfter(lastStoredBySenderAt, settings.floodIntervalSeconds, now);
      return refusal ? { refuse: refusal } : null;
    },
  },
];

export function runPipeline(comment: PipelineComment, facts: PipelineFacts): PipelineOutcome {
  const reasons: string[] = [];
  for (const check of checks) {
    const result = check.run(comment, facts);
    if (!result) continue;
    if ("refuse" in result) return { decision: "refuse", refusal: result.refuse };
    if ("resend" in result) return { decision: "resend", waitingId: result.resend };
    reasons.push(...result.hold);
  }
  return reasons.length > 0 ? { decision: "hold", reasons } : { decision: "approve", reasons: [] };
}
