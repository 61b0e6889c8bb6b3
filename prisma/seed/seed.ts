import { articleExtras, articles, authors, comments, otherComments, sections, tags } from "./content";
import type { PrismaClient } from "../../lib/generated/prisma/client";

const HOUR = 60 * 60 * 1000;

// Fills an empty database with the demo newsroom. Returns false, changing nothing, when articles already exist.
export async function seedDemoContent(db: PrismaClient, now = new Date()): Promise<boolean> {
  if ((await db.article.count()) > 0) return false;
  // Dozens of inserts in one transaction: on a busy machine they take longer than the default five seconds.
  await db.$transaction(
    async (tx) => {
      const sectionIds = new Map<string, number>();
      for (const [position, section] of sections.entries()) {
        const row = await tx.section.create({ data: { ...section, position }, select: { id: true } });
        sectionIds.set(section.slug, row.id);
      }
      const authorIds = new Map<string, number>();
      for (const author of authors) {
        authorIds.set(author.slug, (await tx.author.create({ data: author, select: { id: true } })).id);
      }

      const tagIds = new Map<string, number>();
      for (const tag of tags) tagIds.set(tag.slug, (await tx.tag.create({ data: tag, select: { id: true } })).id);

      // Articles first with empty bodies, so READ ALSO blocks can point at any article by its id.
      const articleIds = new Map<string, number>();
      for (const article of articles) {
        const row = await tx.article.create({
          data: {
            slug: article.slug,
            headline: article.headline,
            dek: article.dek,
            body: [],
            imageSrc: article.image.file,
            imageAlt: article.image.alt,
            imageCaption: article.image.caption,
            imageCredit: article.image.credit,
            imageWidth: 1200,
            imageHeight: 800,
            sectionId: sectionIds.get(article.section)!,
            status: "PUBLISHED",
            publishedAt: new Date(now.getTime() - article.hoursAgo * HOUR),
            updatedAt: article.updatedHoursAgo === undefined ? null : new Date(now.getTime() - article.updatedHoursAgo * HOUR),
            authors: { create: article.authors.map((slug, position) => ({ authorId: authorIds.get(slug)!, position })) },
            tags: { create: (articleExtras[article.slug]?.tags ?? []).map((slug) => ({ tagId: tagIds.get(slug)! })) },
            kind: articleExtras[article.slug]?.kind ?? "NEWS",
            sources: articleExtras[article.slug]?.sources ?? [],
            corrections: {
              create: (articleExtras[article.slug]?.corrections ?? []).map((correction) => ({
                text: correction.text,
                publishedAt: new Date(now.getTime() - correction.hoursAgo * HOUR),
              })),
            },
            oldSlugs: { create: (articleExtras[article.slug]?.oldSlugs ?? []).map((slug) => ({ slug })) },
          },
          select: { id: true },
        });
        articleIds.set(article.slug, row.id);
      }
      for (const article of articles) {
        const picks = articleExtras[article.slug]?.picks ?? [];
        if (picks.length > 0) {
          await tx.relatedPick.createMany({
            data: picks.map((slug, position) => ({ articleId: articleIds.get(article.slug)!, relatedId: articleIds.get(slug)!, position })),
          });
        }
        const body = article.body.map((block) => (block.type === "readAlso" ? { type: "readAlso", articleId: articleIds.get(block.slug)! } : block));
        await tx.article.update({ where: { id: articleIds.get(article.slug)! }, data: { body } });
      }

      const lead = articles[0]!;
      const leadPublished = now.getTime() - lead.hoursAgo * HOUR;
      const commentIds = new Map<string, number>();
      const depths = new Map<string, number>();
      for (const comment of comments) {
        const row = await tx.comment.create({
          data: {
            articleId: articleIds.get(lead.slug)!,
            parentId: comment.parent ? commentIds.get(comment.parent)! : null,
            depth: comment.parent ? depths.get(comment.parent)! + 1 : 0,
            authorName: comment.name,
            authorEmail: comment.email,
            authorWebsite: comment.website,
            body: comment.body,
            status: "APPROVED",
            createdAt: new Date(leadPublished + comment.minutesAfter * 60 * 1000),
          },
          select: { id: true },
        });
        commentIds.set(comment.key, row.id);
        depths.set(comment.key, comment.parent ? depths.get(comment.parent)! + 1 : 0);
      }
      for (const comment of otherComments) {
        const article = articles.find((candidate) => candidate.slug === comment.slug)!;
        await tx.comment.create({
          data: {
            articleId: articleIds.get(comment.slug)!,
            authorName: comment.name,
            authorEmail: comment.email,
            body: comment.body,
            status: "APPROVED",
            createdAt: new Date(now.getTime() - article.hoursAgo * HOUR + comment.minutesAfter * 60 * 1000),
          },
        });
      }
    },
    { timeout: 60_000 },
  );
  return true;
}
