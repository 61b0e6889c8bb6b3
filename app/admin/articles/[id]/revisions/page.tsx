import Link from "next/link";
import { notFound } from "next/navigation";
import { RevisionDiffView } from "@/components/console/revision-diff";
import { RestoreButton, RevisionRestore } from "@/components/console/revision-restore";
import { requireStaffPage } from "@/lib/auth";
import { findArticleForEditing } from "@/lib/data/newsroom/article-editor";
import { findRevisionPair, listArticleRevisions, type RevisionSummary } from "@/lib/data/newsroom/article-revisions";
import { formatDateTime } from "@/lib/format/dates";
import { chooseComparison, diffRevisions } from "@/lib/newsroom/revision-diff";
import { mayEditArticle, STATUS_WORDS } from "@/lib/newsroom/workflow";
import { parsePositiveId } from "@/lib/validation/search-params";

export const metadata = { title: "Revisions" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const field = "rounded border border-neutral-400 px-2 py-1";

// Every saved revision of an article, any two compared (chosen with a plain GET form, so it works without
// JavaScript), and any earlier one restored as a new revision. For those who may edit the article, as the editor is.
export default async function ArticleRevisionsPage({ params, searchParams }: Props) {
  const staff = await requireStaffPage("write");
  const id = parsePositiveId((await params).id);
  const article = id === null ? null : await findArticleForEditing(staff, id);
  if (!article) notFound();
  const back = (
    <p className="text-sm">
      <Link href={`/admin/articles/${article.id}`} className="inline-block py-1 underline">
        Back to the article
      </Link>
    </p>
  );
  if (!mayEditArticle(staff, article))
    return (
      <>
        {back}
        <h1 className="mt-2 text-2xl font-bold">{article.content.headline}</h1>
        <p className="mt-4 text-sm">
          This article is {STATUS_WORDS[article.status]}. Its revisions are for those who may edit it: its writer while it is their draft, and the editors.
        </p>
      </>
    );
  const query = await searchParams;
  const revisions = await listArticleRevisions(staff, article.id);
  const numbers = revisions.map((revision) => revision.number);
  const comparison = chooseComparison(numbers, parsePositiveId(query.from), parsePositiveId(query.to));
  const pair = comparison && (await findRevisionPair(staff, article.id, comparison.from, comparison.to));
  const diff =
    pair &&
    diffRevisions(pair.from.content, pair.to.content, {
      section: (sectionId) => pair.names.sections.get(sectionId),
      author: (authorId) => pair.names.authors.get(authorId),
      tag: (tagId) => pair.names.tags.get(tagId),
      slug: (articleId) => pair.names.slugs.get(articleId),
    });
  return (
    <>
      {back}
      <h1 className="mt-2 text-2xl font-bold">Revisions</h1>
      <p className="mt-1 text-sm break-words">
        Of “{article.content.headline}”, {STATUS_WORDS[article.status]}. Restoring a revision saves its content again as a new revision: nothing in this list is
        lost.
      </p>

      <section aria-labelledby="revision-list" className="mt-6">
        <h2 id="revision-list" className="text-lg font-bold">
          Every revision, the latest first
        </h2>
        {revisions.length === 0 ? (
          <p className="mt-2 text-sm">No revisions yet: this article has not been saved in the editor.</p>
        ) : (
          <RevisionRestore>
            <ol className="divide-y divide-neutral-300 border-y border-neutral-300 text-sm">
              {revisions.map((revision, index) => (
                <RevisionRow key={revision.number} articleId={article.id} version={article.version} revision={revision} latest={index === 0} />
              ))}
            </ol>
          </RevisionRestore>
        )}
      </section>

      {comparison && diff && (
        <section aria-labelledby="changes" className="mt-8">
          <h2 id="changes" className="text-lg font-bold">
            Changes from revision {comparison.from} to revision {comparison.to}
          </h2>
          <form method="get" action={`/admin/articles/${article.id}/revisions#changes`} className="mt-2 flex flex-wrap items-end gap-3 text-sm">
            <RevisionSelect name="from" label="From" numbers={numbers} chosen={comparison.from} />
            <RevisionSelect name="to" label="To" numbers={numbers} chosen={comparison.to} />
            <button type="submit" className="rounded bg-neutral-900 px-3 py-1.5 font-semibold text-white">
              Compare
            </button>
          </form>
          <RevisionDiffView diff={diff} from={comparison.from} to={comparison.to} />
        </section>
      )}
    </>
  );
}

function RevisionRow({ articleId, version, revision, latest }: { articleId: number; version: number; revision: RevisionSummary; latest: boolean }) {
  const { number } = revision;
  return (
    <li className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3">
      <div className="min-w-0">
        <p>
          <span className="font-semibold">Revision {number}</span>
          {latest && " (the article as it stands)"}
          {revision.substantive && <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-amber-900">Substantive</span>}
        </p>
        <p className="text-neutral-700">
          Saved by {revision.savedBy ?? "someone no longer on the staff"}, <time dateTime={revision.savedAt}>{formatDateTime(revision.savedAt)}</time>
          {revision.restores !== null && `. Restores revision ${revision.restores}`}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {number > 1 && (
          <Link href={`/admin/articles/${articleId}/revisions?from=${number - 1}&to=${number}#changes`} className="inline-block py-1 underline">
            Changes<span className="sr-only"> in revision {number}</span>
          </Link>
        )}
        {!latest && <RestoreButton articleId={articleId} number={number} version={version} />}
      </div>
    </li>
  );
}

function RevisionSelect({ name, label, numbers, chosen }: { name: string; label: string; numbers: number[]; chosen: number }) {
  return (
    <label className="flex flex-col">
      <span className="font-semibold">{label}</span>
      <select name={name} defaultValue={chosen} className={field}>
        {numbers.map((number) => (
          <option key={number} value={number}>
            Revision {number}
          </option>
        ))}
      </select>
    </label>
  );
}
