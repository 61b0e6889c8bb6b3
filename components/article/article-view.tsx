import { ArticleBody } from "@/components/article/article-body";
import { ArticleFooter } from "@/components/article/article-footer";
import { ArticleHeader } from "@/components/article/article-header";
import { FeaturedImage } from "@/components/article/featured-image";
import { RelatedArticles } from "@/components/article/related-articles";
import { CommentsSection, type CommentsView } from "@/components/comments/comments-section";
import { JsonLd } from "@/components/seo/json-ld";
import { getRelatedArticles, getSectionNeighbours } from "@/lib/data/cached";
import type { ArticleDetailDto } from "@/lib/data/comments/dto";
import { newsArticleJsonLd } from "@/lib/seo/news-article";
import { paths, SITE } from "@/lib/site";

// An article page: the story, its neighbours and related stories, and its comments as this view asks for them.
export async function ArticleView({ article, comments }: { article: ArticleDetailDto; comments: CommentsView }) {
  const relation = {
    id: article.id,
    sectionId: article.sectionId,
    publishedAt: article.publishedAt,
    tagSlugs: article.tags.map((tag) => tag.slug),
    linkedIds: article.linkedIds,
  };
  const [related, neighbours] = await Promise.all([getRelatedArticles(relation, 4), getSectionNeighbours(relation)]);

  return (
    <article className="mx-auto max-w-3xl">
      <JsonLd data={newsArticleJsonLd(article)} />
      <ArticleHeader article={article} />
      <FeaturedImage article={article} />
      <ArticleBody blocks={article.blocks} />
      <ArticleFooter article={article} previous={neighbours.previous} next={neighbours.next} />
      <RelatedArticles articles={related} />
      <CommentsSection
        articleId={article.id}
        articlePath={paths.article(article.slug)}
        pageTitle={`${article.headline} · ${SITE.name}`}
        openness={{ commentsOpen: article.commentsOpen, publishedAt: article.publishedAt }}
        view={comments}
      />
    </article>
  );
}
