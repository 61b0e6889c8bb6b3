import { ArticleCard } from "@/components/article/article-card";
import type { ArticleSummaryDto } from "@/lib/data/comments/dto";

export function RelatedArticles({ articles }: { articles: ArticleSummaryDto[] }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="mt-12">
      <h2 id="related-heading" className="mb-4 border-b border-neutral-200 pb-2 text-sm font-bold tracking-wider uppercase">
        Related
      </h2>
      <div className="grid gap-6 sm:grid-cols-2">
        {articles.map((article) => (
          <ArticleCard key={article.id} article={article} headingLevel={3} />
        ))}
      </div>
    </section>
  );
}
