import { beforeEach, describe, expect, it } from "vitest";
import { findPublishedArticleBySlug } from "@/lib/data/articles/articles";
import { findFrontPage } from "@/lib/data/articles/listings";
import { createArticle, db, resetDatabase } from "../helpers/integration-db";

beforeEach(resetDatabase);

describe("articles", () => {
  it("resolve READ ALSO blocks to the target's current headline and drop unpublished targets", async () => {
    const target = await createArticle({ slug: "target" });
    const draft = await createArticle({ slug: "draft", status: "DRAFT" });
    await createArticle({
      slug: "main",
      body: [
        { type: "paragraph", text: "Intro." },
        { type: "readAlso", articleId: target.id },
        { type: "heading", text: "More" },
        { type: "readAlso", articleId: draft.id },
        { type: "readAlso", articleId: 999_999 },
      ],
    });
    await db.article.update({ where: { id: target.id }, data: { headline: "A corrected headline" } });

    const article = await findPublishedArticleBySlug("main");
    expect(article?.blocks).toEqual([
      { type: "paragraph", text: "Intro." },
      { type: "readAlso", id: expect.any(Number), slug: "target", headline: "A corrected headline" },
      { type: "heading", text: "More" },
    ]);
  });

  it("are never shown while in draft", async () => {
    await createArticle({ slug: "hidden", status: "DRAFT" });
    await createArticle({ slug: "shown" });
    expect(await findPublishedArticleBySlug("hidden")).toBeNull();
    expect((await findFrontPage(10, 4)).latest.map((article) => article.slug)).toEqual(["shown"]);
  });

  it("refuse a body that does not match the block schema", async () => {
    await createArticle({ slug: "broken", body: [{ type: "script", text: "x" }] });
    await expect(findPublishedArticleBySlug("broken")).rejects.toThrow();
  });
});
