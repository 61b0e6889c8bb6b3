import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleEditor } from "@/components/console/article-editor";
import { requireStaffPage } from "@/lib/auth";
import { findArticleForEditing, listEditorChoices } from "@/lib/data/newsroom/article-editor";
import { countArticleRevisions } from "@/lib/data/newsroom/article-revisions";
import { newsroomTimeOf, newsroomZoneLabel } from "@/lib/format/dates";
import { blocksToMarkdown } from "@/lib/newsroom/body-markdown";
import { mayEditArticle, STATUS_WORDS } from "@/lib/newsroom/workflow";
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
  const [choices, revisionCount] = await Promise.all([listEditorChoices(staff), countArticleRevisions(staff, article.id)]);
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
        }}
        choices={choices}
        staff={{ id: staff.id, role: staff.role }}
        headlines={Object.fromEntries(article.linked.map((linked) => [linked.slug, linked.headline]))}
        zoneLabel={newsroomZoneLabel()}
      />
    </>
  );
}
