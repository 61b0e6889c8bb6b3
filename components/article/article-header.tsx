import Link from "next/link";
import type { ArticleDetailDto } from "@/lib/data/comments/dto";
import { formatDateTime } from "@/lib/format/dates";
import { paths } from "@/lib/site";

const KIND_LABELS = { NEWS: null, ANALYSIS: "Analysis", OPINION: "Opinion" } as const;

type Props = { article: ArticleDetailDto; commentCount: number; commentsOpen: boolean };

export function ArticleHeader({ article, commentCount, commentsOpen }: Props) {
  const kind = KIND_LABELS[article.kind];
  return (
    <header>
      <p className="text-sm font-bold tracking-wider text-brand uppercase">
        <Link href={paths.section(article.section.slug)} className="hover:underline">
          {article.section.name}
        </Link>
        {kind && <span className="ml-2 rounded bg-neutral-900 px-1.5 py-0.5 text-xs text-white">{kind}</span>}
      </p>
      <h1 className="mt-2 font-serif text-3xl leading-tight font-bold sm:text-4xl md:text-5xl">{article.headline}</h1>
      {article.dek && <p className="mt-4 text-lg text-neutral-700 sm:text-xl">{article.dek}</p>}
      <div className="mt-4 space-y-1 border-y border-neutral-200 py-3 text-sm text-neutral-700">
        {article.authors.length > 0 && (
          <p>
            By{" "}
            {article.authors.map((author, index) => (
              <span key={author.slug}>
                {index > 0 && (index === article.authors.length - 1 ? " and " : ", ")}
                <Link href={paths.author(author.slug)} className="font-semibold text-neutral-900 hover:underline">
                  {author.name}
                </Link>
              </span>
            ))}
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
            {" · "}
            <span className="whitespace-nowrap">{article.readingMinutes} min read</span>
          </p>
        )}
        <CommentsLink count={commentCount} open={commentsOpen} />
      </div>
      {article.corrections.length > 0 && (
        <aside aria-label="Corrections" className="mt-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-sm">
          {article.corrections.map((correction) => (
            <p key={correction.publishedAt}>
              <span className="font-semibold">Correction, {formatDateTime(correction.publishedAt)}:</span> {correction.text}
            </p>
          ))}
        </aside>
      )}
    </header>
  );
}

// "12 comments" leads to the thread and "Leave a comment" straight to the form, past the thread (a keyboard user
// would otherwise tab through every comment's links); with none yet, "Click to comment" leads to the form; a closed
// article with no comments has nothing to link to.
function CommentsLink({ count, open }: { count: number; open: boolean }) {
  if (count === 0 && !open) return null;
  const link = "font-semibold text-brand hover:underline";
  if (count === 0) {
    return (
      <p>
        <a href="#respond" className={link}>
          Click to comment
        </a>
      </p>
    );
  }
  return (
    <p className="flex flex-wrap gap-x-4">
      <a href="#comments" className={link}>
        {`${count} ${count === 1 ? "comment" : "comments"}`}
      </a>
      {open && (
        <a href="#respond" className={link}>
          Leave a comment
        </a>
      )}
    </p>
  );
}
