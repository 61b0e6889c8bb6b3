import { SettingsForm } from "@/components/console/settings-form";
import { requireStaffPage } from "@/lib/auth";
import { getCommentSettingsForEditing, listArticlesForSettings } from "@/lib/data/site/settings";
import { can } from "@/lib/staff/capabilities";
import { toggleArticleCommentsAction } from "./actions";

export const metadata = { title: "Comment settings" };

export default async function SettingsPage() {
  const staff = await requireStaffPage("moderate");
  const [{ settings, version }, articles] = await Promise.all([getCommentSettingsForEditing(), listArticlesForSettings()]);
  return (
    <>
      <h1 className="text-2xl font-bold">Comment settings</h1>
      {can(staff.role, "administer") ? (
        <SettingsForm settings={settings} version={version} />
      ) : (
        <p className="mt-4 text-sm">Only administrators can change the site&apos;s comment settings.</p>
      )}
      <h2 className="mt-10 text-lg font-bold">Comments on each article</h2>
      <ul className="mt-2 divide-y divide-neutral-200 text-sm">
        {articles.map((article) => (
          <li key={article.id} className="flex items-center justify-between gap-3 py-2">
            <span>
              {article.headline} — <span className="font-semibold">{article.commentsOpen ? "open" : "closed"}</span>
            </span>
            <form action={toggleArticleCommentsAction}>
              <input type="hidden" name="articleId" value={article.id} />
              <input type="hidden" name="open" value={article.commentsOpen ? "false" : "true"} />
              <button
                type="submit"
                className="rounded border border-neutral-400 px-2 py-0.5"
                aria-label={`${article.commentsOpen ? "Close" : "Open"} comments on ${article.headline}`}
              >
                {article.commentsOpen ? "Close comments" : "Open comments"}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </>
  );
}
