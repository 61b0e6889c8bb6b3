import { expect, test, type Page } from "@playwright/test";
import { ensureArchiveSection } from "../helpers/e2e-archive";
import { queryRows } from "../helpers/e2e-db";

test.beforeAll(ensureArchiveSection);

type Parsed = { error: string | null; items: Record<string, string | string[]>[] };

// Parsed by the browser's own XML parser: a feed or sitemap that is not well-formed XML fails here.
async function parseXml(page: Page, xml: string, itemTag: string, fields: string[]): Promise<Parsed> {
  return page.evaluate(
    ({ xml, itemTag, fields }) => {
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      const error = doc.querySelector("parsererror")?.textContent ?? null;
      const items = [...doc.getElementsByTagName(itemTag)].map((item) =>
        Object.fromEntries(
          fields.map((field) => {
            const values = [...item.getElementsByTagName(field)].map((node) => node.textContent ?? "");
            return [field, values.length > 1 ? values : (values[0] ?? "")];
          }),
        ),
      );
      return { error, items };
    },
    { xml, itemTag, fields },
  );
}

const published = () =>
  queryRows<{ slug: string; headline: string; publishedAt: Date; updatedAt: Date | null; section: string }>(
    `SELECT a.slug, a.headline, a."publishedAt", a."updatedAt", s.slug AS section FROM "Article" a JOIN "Section" s ON s.id = a."sectionId"
     WHERE a.status = 'PUBLISHED' AND a."publishedAt" IS NOT NULL ORDER BY a."publishedAt" DESC, a.id DESC`,
  );

test("the site feed is RSS 2.0 with the newest 30 stories, each with its authors", async ({ page, request }) => {
  const response = await request.get("/feed.xml");
  expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  const feed = await parseXml(page, await response.text(), "item", ["title", "link", "pubDate", "dc:creator"]);
  expect(feed.error).toBeNull();
  const expected = (await published()).slice(0, 30);
  expect(feed.items.map((item) => item.title)).toEqual(expected.map((article) => article.headline));
  expect(feed.items[0]!.link).toMatch(new RegExp(`/articles/${expected[0]!.slug}$`));
  const seed = feed.items.find((item) => String(item.title).startsWith("Defense ministers"))!;
  expect(seed["dc:creator"]).toEqual(["Marta Okafor", "Tomás Ferreira"]);
  expect(new Date(String(seed.pubDate)).getTime()).not.toBeNaN();
});

test("a section feed holds that section's stories only; an unknown section's feed is 404", async ({ page, request }) => {
  const feed = await parseXml(page, await (await request.get("/sections/business/feed.xml")).text(), "item", ["title"]);
  expect(feed.error).toBeNull();
  expect(feed.items.map((item) => item.title)).toEqual(
    (await published()).filter((article) => article.section === "business").map((article) => article.headline),
  );
  expect((await request.get("/sections/nothing-here/feed.xml")).status()).toBe(404);
});

test("the sitemap lists every public page with a truthful lastmod, and robots.txt points to it", async ({ page, request }) => {
  const sitemap = await parseXml(page, await (await request.get("/sitemap.xml")).text(), "url", ["loc", "lastmod"]);
  expect(sitemap.error).toBeNull();
  const byPath = new Map(sitemap.items.map((item) => [new URL(String(item.loc)).pathname, item.lastmod]));
  for (const article of await published()) {
    expect(byPath.get(`/articles/${article.slug}`), article.slug).toBe((article.updatedAt ?? article.publishedAt).toISOString());
  }
  for (const path of ["/", "/sections/city", "/tags/shipping", "/authors/marta-okafor"]) expect(byPath.has(path), path).toBe(true);

  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Disallow: \/admin/);
  expect(robots).toMatch(/Sitemap: http\S+\/sitemap\.xml/);
  expect(robots).toMatch(/Sitemap: http\S+\/news-sitemap\.xml/);
});

test("the news sitemap holds exactly the stories first published in the last 48 hours", async ({ page, request }) => {
  const news = await parseXml(page, await (await request.get("/news-sitemap.xml")).text(), "url", ["loc", "news:publication_date", "news:title", "news:name"]);
  expect(news.error).toBeNull();
  const recent = (await published()).filter((article) => article.publishedAt.getTime() > Date.now() - 48 * 3_600_000);
  expect(recent.length).toBeGreaterThan(0);
  expect(news.items.map((item) => item["news:title"])).toEqual(recent.map((article) => article.headline));
  expect(news.items.map((item) => item["news:publication_date"])).toEqual(recent.map((article) => article.publishedAt.toISOString()));
  expect(new Set(news.items.map((item) => item["news:name"]))).toEqual(new Set(["The Harbor Ledger"]));
});
