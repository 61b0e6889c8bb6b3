import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { issueFormToken } from "@/lib/comments/form-token";
import { confirmComment } from "@/lib/data/comments/comment-confirmation";
import { submitComment } from "@/lib/data/comments/comment-submission";
import { updateCommentSettings } from "@/lib/data/site/settings";
import { createArticle, db, resetDatabase } from "../helpers/integration-db";

let articleId: number;

async function postUnconfirmed(parentId: number | null = null): Promise<number> {
  const unique = randomUUID().slice(0, 8);
  const result = await submitComment({
    articleId,
    parentId,
    name: "Uma Unconfirmed",
    email: `uma-${unique}@example.com`,
    website: null,
    body: `Confirm me ${unique}`,
    formToken: issueFormToken(articleId, Date.now() - 5000),
    honeypot: "",
    notifyOnApproval: false,
    notifyOnReply: false,
    clientHash: `client-${unique}`,
  });
  if (!result.ok || result.status !== "UNCONFIRMED") throw new Error(JSON.stringify(result));
  return result.id;
}

beforeEach(async () => {
  await resetDatabase();
  articleId = (await createArticle()).id;
  await updateCommentSettings({ moderationMode: "PUBLISH", requireEmailConfirmation: true });
});

describe("confirming a comment", () => {
  it("publishes it when nothing holds it, once", async () => {
    const id = await postUnconfirmed();
    expect(await confirmComment(id)).toEqual({ ok: true, status: "APPROVED", articleId, alreadyConfirmed: false });
    expect(await confirmComment(id)).toEqual({ ok: true, status: "APPROVED", articleId, alreadyConfirmed: true });
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).confirmedAt).not.toBeNull();
  });

  it("checks it again under the settings in force now", async () => {
    const id = await postUnconfirmed();
    await updateCommentSettings({ moderationMode: "HOLD_ALL" });
    expect(await confirmComment(id)).toMatchObject({ ok: true, status: "PENDING" });
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).heldReasons).toEqual(["moderation_mode_hold_all"]);
  });

  it("sends it to a moderator, not onto the page, when the article has closed meanwhile", async () => {
    const id = await postUnconfirmed();
    await db.article.update({ where: { id: articleId }, data: { commentsOpen: false } });
    expect(await confirmComment(id)).toMatchObject({ ok: true, status: "PENDING" });
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).heldReasons).toContain("refused_at_confirmation");
  });

  it("sends a reply to a moderator when the comment it answers left the page meanwhile", async () => {
    const parent = await db.comment.create({ data: { articleId, authorName: "P", authorEmail: "p@example.com", body: "parent", status: "APPROVED" } });
    const id = await postUnconfirmed(parent.id);
    await db.comment.update({ where: { id: parent.id }, data: { status: "REJECTED" } });
    expect(await confirmComment(id)).toMatchObject({ ok: true, status: "PENDING" });
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).heldReasons).toContain("refused_at_confirmation");
  });

  it("refuses to confirm a comment that was never waiting for confirmation", async () => {
    const held = await db.comment.create({ data: { articleId, authorName: "H", authorEmail: "h@example.com", body: "held" } });
    expect(await confirmComment(held.id)).toEqual({ ok: false });
    expect(await confirmComment(123_456)).toEqual({ ok: false });
  });
});
