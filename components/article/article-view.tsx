import { ArticleBody } from "@/components/article/article-body";
import { ArticleFooter } from "@/components/article/article-footer";
import { ArticleHeader } from "@/components/article/article-header";
import { FeaturedImage } from "@/components/article/featured-image";
import { RelatedArticles } from "@/components/article/related-articles";
import { CommentsSection, type CommentsView } from "@/components/comments/comments-section";
import { JsonLd } from "@/components/seo/json-ld";
import { areCommentsOpen } from "@/lib/comments/comments-open";
import { getApprovedComments, getArticleSurroundings } from "@/lib/data/cached";
import type { ArticleDetailDto } from "@/lib/data/comments/dto";
import { getCommentSettings } from "@/lib/data/site/settings";
import { newsArticleJsonLd } from "@/lib/seo/news-article";
import { paths, SITE } from "@/lib/site";

// An article page: the story, its neighbours, its comments as this view asks for them, then related stories. The
// header links to the comments, so that nobody has to get through everything in between to reach them. A preview
// (`comments: null`) shows no comments and no form: nobody may comment on an article readers cannot see yet.
export async function ArticleView({ article, comments }: { article: ArticleDetailDto; comments: CommentsView | null }) {
  const relation = {
    id: article.id,
    sectionId: article.sectionId,
    publishedAt: article.publishedAt,
    tagSlugs: article.tags.map((tag) => tag.slug),
    linkedIds: article.linkedIds,
  };
  const [{ previous, next, related }, approved, settings] = await Promise.all([
    getArticleSurroundings(relation, 4),
    getApprovedComments(article.id),
    getCommentSettings(),
  ]);

  return (
    <article className="mx-auto max-w-3xl">
      <JsonLd data={newsArticleJsonLd(article)} />
      <ArticleHeader article={article} commentCount={approved.length} commentsOpen={comments !== null && areCommentsOpen(article, settings)} />
      <FeaturedImage article={article} />
      <ArticleBody blocks={article.blocks} />
      <ArticleFooter article={article} previous={previous} next={next} />
      {comments ? (
        <CommentsSection
          articleId={article.id}
          articlePath={paths.article(article.slug)}
          pageTitle={`${article.headline} · ${SITE.name}`}
          openness={{ commentsOpen: article.commentsOpen, publishedAt: article.publishedAt }}
          view={comments}
        />
      ) : (
        <p id="comments" className="mt-12 border-t-2 border-neutral-900 pt-6 text-sm">
          Comments are not shown in a preview.
        </p>
      )}
      <RelatedArticles articles={related} />
    </article>
  );
}
