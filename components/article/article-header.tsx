import type { ArticleDetailDto } from "@/lib/data/dto";
import { formatDateTime } from "@/lib/format/dates";

export function ArticleHeader({ article }: { article: ArticleDetailDto }) {
  return (
    <header>
      <p className="text-sm font-bold uppercase tracking-wider text-brand">{article.section.name}</p>
      <h1 className="mt-2 font-serif text-3xl font-bold leading-tight sm:text-4xl md:text-5xl">{article.headline}</h1>
      {article.dek && <p className="mt-4 text-lg text-neutral-700 sm:text-xl">{article.dek}</p>}
      <div className="mt-4 space-y-1 border-y border-neutral-200 py-3 text-sm text-neutral-700">
        {article.authors.length > 0 && (
          <p>
            By <span className="font-semibold text-neutral-900">{joinNames(article.authors.map((author) => author.name))}</span>
          </p>
        )}
        {article.publishedAt && (
          <p>
            Published <time dateTime={article.publishedAt}>{formatDateTime(article.publishedAt)}</time>
            {article.updatedAt && (
              <>
                {" · "}Updated <time dateTime={article.updatedAt}>{formatDateTime(article.updatedAt)}</time>
              </>
            )}
          </p>
        )}
      </div>
    </header>
  );
}

function joinNames(names: string[]): string {
  if (names.length <= 2) return names.join(" and ");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
