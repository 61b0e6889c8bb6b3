import { beforeEach, describe, expect, it } from "vitest";
import { findPublishedArticleBySlug } from "@/lib/data/articles/articles";
import { findFrontPage, findSectionListing } from "@/lib/data/articles/listings";
import { findRelatedArticles } from "@/lib/data/articles/related";
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

  it("count each article's approved comments only, wherever they are listed", async () => {
    const busy = await createArticle({ slug: "busy" });
    const quiet = await createArticle({ slug: "quiet" });
    const comment = (articleId: number, status: "APPROVED" | "PENDING" | "SPAM") => ({
      articleId,
      authorName: "Ray",
      authorEmail: "ray@example.com",
      body: `A ${status.toLowerCase()} comment`,
      status,
    });
    await db.comment.createMany({
      data: [comment(busy.id, "APPROVED"), comment(busy.id, "APPROVED"), comment(busy.id, "PENDING"), comment(busy.id, "SPAM"), comment(quiet.id, "PENDING")],
    });
    const counts = (articles: { slug: string; commentCount: number }[]) => Object.fromEntries(articles.map((article) => [article.slug, article.commentCount]));

    const front = await findFrontPage(10, 4);
    expect(counts(front.latest)).toEqual({ busy: 2, quiet: 0 });
    expect(counts(front.sections.flatMap((block) => block.articles))).toEqual({ busy: 2, quiet: 0 });
    expect(counts((await findSectionListing("test-section", 1))!.listing.articles)).toEqual({ busy: 2, quiet: 0 });
    expect((await findPublishedArticleBySlug("busy"))?.commentCount).toBe(2);
    const related = await findRelatedArticles({ id: quiet.id, sectionId: quiet.sectionId, publishedAt: null, tagSlugs: [], linkedIds: [] }, 3);
    expect(counts(related)).toEqual({ busy: 2 });
  });

  it("refuse a body that does not match the block schema", async () => {
    await createArticle({ slug: "broken", body: [{ type: "script", text: "x" }] });
    await expect(findPublishedArticleBySlug("broken")).rejects.toThrow();
  });
});
