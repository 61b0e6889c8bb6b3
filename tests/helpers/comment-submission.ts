import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { issueFormToken } from "@/lib/comments/form-token";
import type { submitComment, Submission } from "@/lib/data/comments/comment-submission";
import { db } from "./integration-db";

// A comment form as a reader sends it to an article. Each submission comes from its own client and address unless a
// test says otherwise, so flood control only steps in where a test means it to.
export function commentSubmission(articleId: number, overrides: Partial<Submission> = {}): Submission {
  const unique = randomUUID().slice(0, 8);
  const target = overrides.articleId ?? articleId;
  return {
    articleId: target,
    parentId: null,
    name: "Kim Reader",
    email: `kim-${unique}@example.com`,
    website: null,
    body: `Well reported, thank you (${unique}).`,
    // A form token issued a few seconds ago, as the comment form sends; each one is a new idempotency key.
    formToken: issueFormToken(target, Date.now() - 5000),
    honeypot: "",
    notifyOnApproval: false,
    notifyOnReply: false,
    clientHash: `client-${unique}`,
    ...overrides,
  };
}

export function expectRefused(result: Awaited<ReturnType<typeof submitComment>>, status: number, code: string | RegExp) {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.refusal.status).toBe(status);
    expect(result.refusal.code).toMatch(code);
  }
}

export async function expectStored(result: Awaited<ReturnType<typeof submitComment>>) {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return db.comment.findUniqueOrThrow({ where: { id: result.ok ? result.id : 0 } });
}
