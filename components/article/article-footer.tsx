import Link from "next/link";
import type { ArticleDetailDto } from "@/lib/data/comments/dto";
import { absolute, paths } from "@/lib/site";

type Neighbour = { slug: string; headline: string } | null;

// Plain links: sharing loads no third-party script and tells no one anything until the reader clicks.
function shareLinks(article: ArticleDetailDto) {
  const url = encodeURIComponent(absolute(paths.article(article.slug)));
  const title = encodeURIComponent(article.headline);
  return [
    ["Email", `mailto:?subject=${title}&body=${url}`],
    ["Bluesky", `https://bsky.app/intent/compose?text=${title}%20${url}`],
    ["X", `https://x.com/intent/post?text=${title}&url=${url}`],
    ["Facebook", `https://www.facebook.com/sharer/sharer.php?u=${url}`],
    ["LinkedIn", `https://www.linkedin.com/sharing/share-offsite/?url=${url}`],
  ] as const;
}

export function ArticleFooter({ article, previous, next }: { article: ArticleDetailDto; previous: Neighbour; next: Neighbour }) {
  return (
    <footer className="mt-10 space-y-8 border-t border-neutral-200 pt-6">
      {article.sources.length > 0 && (
        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading" className="text-lg font-bold">
            Sources
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
            {article.sources.map((source) => (
              <li key={`${source.title}-${source.url ?? ""}`}>
                {source.url ? (
                  <a href={source.url} rel="nofollow noopener" className="underline">
                    {source.title}
                  </a>
                ) : (
                  source.title
                )}
                {source.publisher && <span className="text-neutral-600"> ({source.publisher})</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {article.tags.length > 0 && (
        <nav aria-label="Topics">
          <ul className="flex flex-wrap gap-2 text-sm">
            {article.tags.map((tag) => (
              <li key={tag.slug}>
                <Link href={paths.tag(tag.slug)} className="inline-block rounded-full border border-neutral-300 px-3 py-1 hover:bg-neutral-100">
                  {tag.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <nav aria-label="Share this article" className="flex flex-wrap items-center gap-3 text-sm">
        <span className="font-semibold">Share:</span>
        {shareLinks(article).map(([name, href]) => (
          <a key={name} href={href} rel="noopener noreferrer" className="underline">
            {name}
          </a>
        ))}
      </nav>
      {(previous || next) && (
        <nav aria-label={`More in ${article.section.name}`} className="grid gap-4 text-sm sm:grid-cols-2">
          {previous ? (
            <Link href={paths.article(previous.slug)} rel="prev" className="block rounded border border-neutral-200 p-3 hover:bg-neutral-50">
              <span className="block text-neutral-600">← Previous in {article.section.name}</span>
              <span className="font-semibold">{previous.headline}</span>
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link href={paths.article(next.slug)} rel="next" className="block rounded border border-neutral-200 p-3 text-right hover:bg-neutral-50">
              <span className="block text-neutral-600">Next in {article.section.name} →</span>
              <span className="font-semibold">{next.headline}</span>
            </Link>
          )}
        </nav>
      )}
    </footer>
  );
}
