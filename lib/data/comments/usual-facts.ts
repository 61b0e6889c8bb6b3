import "server-only";
import { checkFormToken } from "@/lib/comments/form-token";
import type { PipelineFacts } from "@/lib/moderation/pipeline";
import { nameSkeleton } from "@/lib/moderation/text-match";
import { commentSettingsSchema, DEFAULT_COMMENT_SETTINGS, type CommentSettings } from "@/lib/validation/settings";

// The facts a submission's checks usually find, kept from the last facts statement (comment-facts.ts), so that a
// usual comment is checked before the statement runs and stored by it (comment-submission.ts: predictStore).

/** The facts a prediction was made on that the statement reads again: the rest is a sender with nothing against it. */
export type AssumedFacts = { settingsText: string | null; commentsOpen: boolean; publishedAtText: string; staffNames: string[] };

/** The part of a facts statement's row kept here. */
type SeenRow = {
  settings: string | null;
  staffNames: string[];
  article: { commentsOpen: boolean; publishedAt: string | null } | null;
};

// What the last statement read that changes seldom (the settings, the staff's names, articles' comment facts), kept to
// predict the next submission's checks on. Each instance keeps its own; the statement checks them all again.
let lastSeen: { settingsText: string | null; settings: CommentSettings; staffNames: string[]; staffNameSkeletons: string[] } | null = null;
// publishedAt as the database wrote it, to compare exactly (a Date keeps milliseconds, the column microseconds).
const articlesSeen = new Map<number, { commentsOpen: boolean; publishedAt: Date; publishedAtText: string }>();
// A site has a few hundred stories open for comments at most; past this the memory starts again.
const ARTICLES_REMEMBERED = 1_000;

/** Keeps what a facts statement just read, for the predictions after it. */
export function remember(articleId: number, row: SeenRow) {
  const settings = settingsFrom(row.settings);
  if (lastSeen?.settingsText !== row.settings || JSON.stringify(lastSeen.staffNames) !== JSON.stringify(row.staffNames))
    lastSeen = { settingsText: row.settings, settings, staffNames: row.staffNames, staffNameSkeletons: row.staffNames.map(nameSkeleton) };
  if (row.article?.publishedAt) {
    if (articlesSeen.size >= ARTICLES_REMEMBERED && !articlesSeen.has(articleId)) articlesSeen.clear();
    const { commentsOpen, publishedAt } = row.article;
    articlesSeen.set(articleId, { commentsOpen, publishedAt: new Date(publishedAt), publishedAtText: publishedAt });
  } else articlesSeen.delete(articleId);
}

/**
 * The pipeline's facts as they usually are: the settings, staff names and article as last read, and a sender with
 * no block, no earlier copy, duplicate or recent comment and a reply target that exists. Null until those were read.
 */
export function assumeUsualFacts(
  comment: { articleId: number; honeypot: string },
  context: { formToken: string | null; now: Date },
): { facts: PipelineFacts; assumed: AssumedFacts } | null {
  const article = articlesSeen.get(comment.articleId);
  if (!lastSeen || !article) return null;
  const { settings } = lastSeen;
  const formToken =
    context.formToken === null
      ? null
      : checkFormToken(context.formToken, comment.articleId, { minSeconds: settings.minFormSeconds, now: context.now.getTime() });
  return {
    facts: {
      settings,
      now: context.now,
      article: { commentsOpen: article.commentsOpen, publishedAt: article.publishedAt },
      formToken,
      honeypotFilled: comment.honeypot.trim() !== "",
      staffNameSkeletons: lastSeen.staffNameSkeletons,
      blocks: [],
      replyTargetAvailable: true,
      waitingCopyId: null,
      isDuplicate: false,
      isPreviouslyApprovedCommenter: false,
      lastStoredBySenderAt: null,
    },
    assumed: {
      settingsText: lastSeen.settingsText,
      commentsOpen: article.commentsOpen,
      publishedAtText: article.publishedAtText,
      staffNames: lastSeen.staffNames,
    },
  };
}

// The stored settings as the app uses them (the schema keeps only the settings and checks them). The row changes a
// few times a year and is read with every submission: it is checked once per change, by its text, so a change saved
// through any instance applies to the next comment, and its word lists stay the same arrays (folded once,
// lib/moderation/text-match.ts).
let lastSettings: { text: string; settings: CommentSettings } | null = null;

export function settingsFrom(text: string | null): CommentSettings {
  if (text === null) return DEFAULT_COMMENT_SETTINGS;
  if (lastSettings?.text !== text) lastSettings = { text, settings: Object.freeze(commentSettingsSchema.parse(JSON.parse(text))) };
  return lastSettings.settings;
}

/** The staff's names as the last statement read them, folded once per change (lib/moderation/text-match.ts). */
export function seenStaffNameSkeletons(): string[] {
  if (!lastSeen) throw new Error("No facts statement has been read yet");
  return lastSeen.staffNameSkeletons;
}
