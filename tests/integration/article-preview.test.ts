import { beforeEach, describe, expect, it } from "vitest";
import { findArticleByPreviewToken } from "@/lib/data/articles/article-preview";
import { serverEnv } from "@/lib/env";
import { isPreviewToken, PREVIEW_LINK_HOURS, previewPath } from "@/lib/newsroom/preview-link";
import { signToken } from "@/lib/security/signed-token";
import { createArticle, resetDatabase } from "../helpers/integration-db";

const tokenOf = (path: string) => new URL(path, "http://localhost").searchParams.get("token")!;

beforeEach(resetDatabase);

describe("signed preview links", () => {
  it("open an unpublished article by its link alone", async () => {
    const draft = await createArticle({ status: "DRAFT" });
    const path = previewPath(draft.id);
    expect(path).toMatch(new RegExp(`^/preview/articles/${draft.id}\\?token=[^&]+$`));
    expect(await findArticleByPreviewToken(draft.id, tokenOf(path))).toMatchObject({ id: draft.id, headline: "A test headline", publishedAt: null });
  });

  it("refuse a token that was altered, names another article, or is missing", async () => {
    const draft = await createArticle({ status: "DRAFT" });
    const other = await createArticle({ status: "DRAFT" });
    const token = tokenOf(previewPath(draft.id));
    const [subject, expires, signature] = token.split(".") as [string, string, string];
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    for (const forged of [
      `${subject}.${expires}.${flipped}`,
      `${other.id.toString(36)}.${expires}.${signature}`,
      `${subject}.${(parseInt(expires, 36) + 86_400).toString(36)}.${signature}`,
      "",
      undefined,
      ["x"],
    ]) {
      expect(await findArticleByPreviewToken(draft.id, forged), String(forged)).toBeNull();
    }
    // A real token for one article opens no other.
    expect(await findArticleByPreviewToken(other.id, token)).toBeNull();
  });

  it("expire after 48 hours", () => {
    const issued = Date.UTC(2026, 0, 1);
    const token = tokenOf(previewPath(7, issued));
    expect(isPreviewToken(7, token, issued + (PREVIEW_LINK_HOURS - 1) * 3_600_000)).toBe(true);
    expect(isPreviewToken(7, token, issued + (PREVIEW_LINK_HOURS + 1) * 3_600_000)).toBe(false);
  });

  it("are signed for this purpose alone: a comment's link for the same id opens nothing", async () => {
    const draft = await createArticle({ status: "DRAFT" });
    const secret = serverEnv().NEXTAUTH_SECRET;
    const elsewhere = signToken("comment-status", draft.id, Date.now() + 3_600_000, secret);
    expect(await findArticleByPreviewToken(draft.id, elsewhere)).toBeNull();
    // The same signature made with the preview's purpose does open it: the purpose alone made the difference.
    expect(await findArticleByPreviewToken(draft.id, signToken("article-preview", draft.id, Date.now() + 3_600_000, secret))).not.toBeNull();
  });
});
