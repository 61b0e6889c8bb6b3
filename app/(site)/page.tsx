import { connection } from "next/server";
import { ArticleCard } from "@/components/article/article-card";
import { getLatestArticles } from "@/lib/data/cached";

export default async function FrontPage() {
  await connection();
  const articles = await getLatestArticles(13);
  const [lead, ...rest] = articles;
  return (
    <>
      <h1 className="sr-only">The Harbor Ledger: latest news</h1>
      {!lead ? (
        <p>No stories have been published yet.</p>
      ) : (
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading" className="mb-6 border-b border-neutral-200 pb-2 text-sm font-bold uppercase tracking-wider">
            Latest news
          </h2>
          <div className="grid gap-8 md:grid-cols-3">
            <ArticleCard article={lead} lead />
            {rest.map((article) => (
              <ArticleCard key={article.id} article={article} />
            ))}
          </div>
        </section>
      )}
    </>
  );
}
