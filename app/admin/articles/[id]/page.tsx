import Link from "next/link";
import { notFound } from "next/navigation";
import { AddressForm } from "@/components/console/address-form";
import { ArticleEditor } from "@/components/console/article-editor";
import { CorrectionForm } from "@/components/console/correction-form";
import { RelatedPicksForm } from "@/components/console/related-picks-form";
import { requireStaffPage } from "@/lib/auth";
import { listCorrections } from "@/lib/data/newsroom/article-corrections";
import { findArticleForEditing, listEditorChoices } from "@/lib/data/newsroom/article-editor";
import { countArticleRevisions } from "@/lib/data/newsroom/article-revisions";
import { listRelatedPicks, MAX_RELATED_PICKS } from "@/lib/data/newsroom/related-picks";
import { formatDateTime, newsroomTimeOf, newsroomZoneLabel } from "@/lib/format/dates";
import { blocksToMarkdown } from "@/lib/newsroom/body-markdown";
import { mayEditArticle, STATUS_WORDS } from "@/lib/newsroom/workflow";
import { can } from "@/lib/staff/capabilities";
import { parsePositiveId } from "@/lib/validation/search-params";

export const metadata = { title: "Edit article" };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaffPage("write");
  const id = parsePositiveId((await params).id);
  const article = id === null ? null : await findArticleForEditing(staff, id);
  if (!article) notFound();
  // A writer's article is theirs to change while it is a draft of theirs; after that (or another's) it is the editors'.
  if (!mayEditArticle(staff, article))
    return (
      <>
        <h1 className="text-2xl font-bold">{article.content.headline}</h1>
        <p className="mt-4 text-sm">
          This article is {STATUS_WORDS[article.status]}. Writers change only their own drafts; the editors look after it from here.
        </p>
      </>
    );
  const [choices, corrections, picks, revisionCount] = await Promise.all([
    listEditorChoices(staff),
    listCorrections(staff, article.id),
    listRelatedPicks(staff, article.id),
    countArticleRevisions(staff, article.id),
  ]);
  const slugs = new Map(article.linked.map((linked) => [linked.id, linked.slug]));
  const { content } = article;
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-2">
        <h1 className="text-2xl font-bold">Edit article</h1>
        <Link href={`/admin/articles/${article.id}/revisions`} className="text-sm underline">
          Revisions ({revisionCount})
        </Link>
      </div>
      {article.createdById === null && (
        <p className="mt-2 text-sm text-neutral-700">
          This article came from a Markdown import. Once changed here, importing its file again leaves it as the newsroom left it.
        </p>
      )}
      <ArticleEditor
        article={{
          id: article.id,
          status: article.status,
          version: article.version,
          createdById: article.createdById,
          scheduledFor: article.scheduledFor ? newsroomTimeOf(article.scheduledFor) : "",
          headline: content.headline,
          dek: content.dek,
          sectionId: content.sectionId,
          kind: content.kind,
          authorIds: content.authorIds,
          tagIds: content.tagIds,
          markdown: blocksToMarkdown(content.body, (linkedId) => slugs.get(linkedId)),
          commentsOpen: content.commentsOpen,
          image: content.image,
          sources: content.sources,
        }}
        choices={choices}
        staff={{ id: staff.id, role: staff.role }}
        headlines={Object.fromEntries(article.linked.map((linked) => [linked.slug, linked.headline]))}
        zoneLabel={newsroomZoneLabel()}
      />
      <div className="mt-10 grid gap-8 border-t border-neutral-300 pt-6 lg:grid-cols-3">
        <section aria-labelledby="address-heading" className="min-w-0">
          <h2 id="address-heading" className="text-lg font-bold">
            Address
          </h2>
          <AddressForm articleId={article.id} slug={article.slug} published={article.publishedAt !== null} />
        </section>
        <section aria-labelledby="corrections-heading" className="min-w-0">
          <h2 id="corrections-heading" className="text-lg font-bold">
            Corrections
          </h2>
          {corrections.length === 0 ? (
            <p className="text-sm text-neutral-600">None.</p>
          ) : (
            <ol className="mt-1 grid gap-2 text-sm">
              {corrections.map((correction) => (
                <li key={correction.id}>
                  <time dateTime={correction.publishedAt.toISOString()} className="font-semibold">
                    {formatDateTime(correction.publishedAt.toISOString())}
                  </time>
                  : {correction.text}
                </li>
              ))}
            </ol>
          )}
          {can(staff.role, "edit") && article.status === "PUBLISHED" ? (
            <CorrectionForm articleId={article.id} />
          ) : (
            <p className="mt-2 text-sm text-neutral-600">Editors add dated corrections to a published article; readers see them at its top.</p>
          )}
        </section>
        <section aria-labelledby="related-heading" className="min-w-0">
          <h2 id="related-heading" className="text-lg font-bold">
            Related articles
          </h2>
          <RelatedPicksForm articleId={article.id} picks={picks} max={MAX_RELATED_PICKS} />
        </section>
      </div>
    </>
  );
}
