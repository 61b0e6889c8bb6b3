"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { expireNewsroomArticle } from "@/lib/cache-expiry";
import { formFields } from "@/lib/comments/form-fields";
import { moveArticleStatus, restoreRevision, saveArticleContent, startArticle, type EditOutcome } from "@/lib/data/newsroom/article-editing";
import { findArticleForEditing, findArticleIdsBySlug } from "@/lib/data/newsroom/article-editor";
import { instantOfNewsroomTime } from "@/lib/format/dates";
import { photoFromForm } from "@/lib/newsroom/article-photo";
import { markdownToDraftBlocks, readAlsoSlugs, resolveDraftBlocks } from "@/lib/newsroom/body-markdown";
import type { ArticleStatusName, EditorialActionName } from "@/lib/newsroom/workflow";
import { staffAction, type ActionOutcome, type Needs } from "@/lib/staff/staff-action";
import {
  articleFormSchema,
  articleMoveFormSchema,
  describeArticleFormIssue,
  readSourceRows,
  restoreRevisionFormSchema,
  startArticleFormSchema,
} from "@/lib/validation/article-form";

// The article editor's actions. Each names the version of the article the page holds; the data layer
// (lib/data/newsroom/article-editing.ts) checks the role, the workflow and that version itself, so a request sent by
// hand is held to the same rules as the buttons the page offers.

const WRITERS: Needs = { capability: "write", refusal: "Only the newsroom's writers and editors work on articles." };

export type SavedArticle = { version: number };
export type MovedArticle = { version: number; status: ArticleStatusName };

const describe = (issue: { message: string; path: PropertyKey[] }) => `${issue.path.map(String).join(".") || "Article"}: ${issue.message}`;

export const startArticleAction = staffAction(
  { needs: WRITERS, parse: (fields) => startArticleFormSchema.safeParse(fields), describe },
  async (staff, { headline, sectionId, kind }): Promise<ActionOutcome> => {
    const outcome = await startArticle(staff, { headline, sectionId, kind, body: [] });
    if (!outcome.ok) return { ok: false, message: outcome.message };
    redirect(`/admin/articles/${outcome.articleId}`);
  },
);

// The chosen authors and topics are posted once per choice, and a box not ticked is not posted at all.
function readArticleForm(formData: FormData): Record<string, unknown> {
  return {
    ...formFields(formData),
    authorIds: formData.getAll("authorIds"),
    tagIds: formData.getAll("tagIds"),
    commentsOpen: formData.get("commentsOpen") === "on",
    substantive: formData.get("substantive") === "on",
    sources: readSourceRows(formData),
  };
}

export const saveArticleAction = staffAction(
  { needs: WRITERS, parse: (fields) => articleFormSchema.safeParse(fields), read: readArticleForm, describe: describeArticleFormIssue },
  async (staff, form): Promise<ActionOutcome<SavedArticle>> => {
    const article = await findArticleForEditing(staff, form.articleId);
    if (!article) return { ok: false, message: "That article no longer exists." };
    const draft = markdownToDraftBlocks(form.body);
    if (draft.errors.length > 0) return { ok: false, message: draft.errors.map((error) => `${error.field}: ${error.message}`).join(" ") };
    const ids = await findArticleIdsBySlug(readAlsoSlugs(draft.blocks));
    const body = resolveDraftBlocks(draft.blocks, (slug) => ids.get(slug));
    if (!body.ok) return { ok: false, message: body.errors.map((error) => `${error.field}: ${error.message}`).join(" ") };
    const photo = await photoFromForm(form, article.content.image);
    if (!photo.ok) return { ok: false, message: photo.message };
    const { headline, dek, sectionId, kind, authorIds, tagIds, commentsOpen, sources } = form;
    const content = { ...article.content, headline, dek, sectionId, kind, authorIds, tagIds, commentsOpen, sources, image: photo.image, body: body.blocks };
    const outcome = await saveArticleContent(staff, form.articleId, form.version, content, { substantive: form.substantive });
    if (!outcome.ok) return refusal(outcome);
    if (outcome.status === "PUBLISHED") expireNewsroomArticle();
    return { ok: true, message: "Saved", version: outcome.version };
  },
);

const DONE: Record<EditorialActionName, string> = {
  submit: "Submitted for review.",
  return: "Sent back to its writer.",
  schedule: "Scheduled.",
  unschedule: "Taken off the schedule; it is in review again.",
  publish: "Published.",
  unpublish: "Unpublished: readers no longer see it.",
  reopen: "Reopened as a draft.",
};

export const moveArticleAction = staffAction(
  { needs: WRITERS, parse: (fields) => articleMoveFormSchema.safeParse(fields), describe },
  async (staff, { articleId, version, action, scheduledFor }): Promise<ActionOutcome<MovedArticle>> => {
    const at = action === "schedule" ? instantOfNewsroomTime(scheduledFor) : null;
    if (action === "schedule" && !at) return { ok: false, message: "Choose a date and a time that exist on the newsroom's clock." };
    const outcome = await moveArticleStatus(staff, articleId, version, action, { scheduledFor: at });
    if (!outcome.ok) return refusal(outcome);
    if (action === "publish" || action === "unpublish") expireNewsroomArticle();
    return { ok: true, message: DONE[action], version: outcome.version, status: outcome.status };
  },
);

// An earlier revision's content saved again as a new revision. The revisions page re-reads its list and its version
// from the answer's refresh, with or without JavaScript.
export const restoreRevisionAction = staffAction(
  { needs: WRITERS, parse: (fields) => restoreRevisionFormSchema.safeParse(fields), describe },
  async (staff, { articleId, number, version }): Promise<ActionOutcome<SavedArticle>> => {
    const outcome = await restoreRevision(staff, articleId, number, version);
    if (!outcome.ok) return refusal(outcome);
    if (outcome.status === "PUBLISHED") expireNewsroomArticle();
    refresh();
    return { ok: true, message: `Revision ${outcome.revision} restores revision ${number}.`, version: outcome.version };
  },
);

// A refusal because someone saved or moved the article since the page was opened carries `stale`: trying again from
// that page cannot succeed, so the editor stops saving on its own (read with isStale).
function refusal(outcome: Extract<EditOutcome, { ok: false }>): { ok: false; message: string } {
  const answer = { ok: false as const, message: outcome.message };
  return outcome.error === "conflict" ? Object.assign(answer, { stale: true }) : answer;
}
