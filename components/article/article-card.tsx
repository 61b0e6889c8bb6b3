import Image from "next/image";
import Link from "next/link";
import { RelativeTime } from "@/components/layout/relative-time";
import type { ArticleSummaryDto } from "@/lib/data/comments/dto";
import { formatDateTime } from "@/lib/format/dates";

export function ArticleCard({ article, lead = false, headingLevel = 2 }: { article: ArticleSummaryDto; lead?: boolean; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article>
      {article.image && (
        <Link href={`/articles/${article.slug}`} tabIndex={-1} aria-hidden="true">
          <Image
            src={article.image.src}
            alt=""
            width={article.image.width}
            height={article.image.height}
            sizes={lead ? "(min-width: 1024px) 45vw, (min-width: 768px) 66vw, 100vw" : "(min-width: 768px) 33vw, 100vw"}
            className="aspect-video w-full rounded object-cover"
            priority={lead}
          />
        </Link>
      )}
      <p className="mt-3 text-xs font-semibold tracking-wider text-brand uppercase">{article.section.name}</p>
      <Heading className={`mt-1 font-serif leading-tight font-bold ${lead ? "text-3xl lg:text-4xl" : "text-xl"}`}>
        <Link href={`/articles/${article.slug}`} className="hover:underline">
          {article.headline}
        </Link>
      </Heading>
      {article.dek && <p className="mt-2 text-neutral-700">{article.dek}</p>}
      <p className="mt-2 text-sm text-neutral-600">
        {article.publishedAt && <RelativeTime iso={article.publishedAt}>{formatDateTime(article.publishedAt)}</RelativeTime>}
        {article.commentCount > 0 && (
          <>
            {" · "}
            <Link href={`/articles/${article.slug}#comments`} className="hover:underline">
              {article.commentCount} {article.commentCount === 1 ? "comment" : "comments"}
            </Link>
          </>
        )}
      </p>
    </article>
  );
}
