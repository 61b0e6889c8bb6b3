import Link from "next/link";

export function CommentPages({ articlePath, page, pageCount }: { articlePath: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  const href = (target: number) => `${articlePath}?cpage=${target}#comments`;
  return (
    <nav aria-label="Comment pages" className="mt-6 flex flex-wrap items-center gap-3 text-sm">
      {page > 1 && (
        <Link href={href(page - 1)} className="font-semibold text-brand underline">
          ← Older comments
        </Link>
      )}
      {Array.from({ length: pageCount }, (_, index) => index + 1).map((target) =>
        target === page ? (
          <span key={target} aria-current="page" className="rounded bg-neutral-900 px-2 py-0.5 font-semibold text-white">
            {target}
          </span>
        ) : (
          <Link key={target} href={href(target)} className="underline">
            {target}
          </Link>
        ),
      )}
      {page < pageCount && (
        <Link href={href(page + 1)} className="font-semibold text-brand underline">
          Newer comments →
        </Link>
      )}
    </nav>
  );
}
