import { NewArticleForm } from "@/components/console/new-article-form";
import { requireStaffPage } from "@/lib/auth";
import { listEditorChoices } from "@/lib/data/newsroom/article-editor";

export const metadata = { title: "New article" };

export default async function NewArticlePage() {
  const staff = await requireStaffPage("write");
  const { sections } = await listEditorChoices(staff);
  return (
    <>
      <h1 className="text-2xl font-bold">New article</h1>
      <NewArticleForm sections={sections} />
    </>
  );
}
