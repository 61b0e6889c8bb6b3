import { ArticleCard } from "@/components/article/article-card";
import type { ArticleSummaryDto } from "@/lib/data/comments/dto";

export function ArticleGrid({ articles }: { articles: ArticleSummaryDto[] }) {
  return (
    <div className="grid gap-8 sm:grid-cols-2 lg:grid-cols-3">
      {articles.map((article) => (
        <ArticleCard key={article.id} article={article} />
      ))}
    </div>
  );
}
