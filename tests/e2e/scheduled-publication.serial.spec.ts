import { expect, test } from "@playwright/test";
import { queryRows, uniqueEmail } from "../helpers/e2e-db";

// A scheduled article goes live at its time through the server's scheduler, and shows at once on the front page, its
// section and the feed: the scheduler expires the cached pages, so readers do not wait for them to expire. Serial,
// because the new story leads the front page that other tests look at.
test.describe.configure({ timeout: 120_000 });

test("a scheduled article appears on the front page, its section and the feed at its time, and not before", async ({ page, request }) => {
  const slug = uniqueEmail("scheduled").split("@")[0]!;
  const headline = `Night ferry trial starts ${slug}`;
  const [row] = await queryRows<{ id: number; scheduledFor: Date }>(
    `INSERT INTO "Article" (slug, headline, dek, body, "sectionId", status, "scheduledFor")
     VALUES ($1, $2, 'A trial of night crossings.', '[{"type":"paragraph","text":"The first night crossing leaves at midnight."}]',
             (SELECT id FROM "Section" WHERE slug = 'city'), 'SCHEDULED', now() + interval '15 seconds')
     RETURNING id, "scheduledFor"`,
    [slug, headline],
  );
  const shows = async (path: string) => (await (await request.get(path)).text()).includes(headline);
  // Load the pages into the cache while the article waits.
  for (const path of ["/", "/sections/city", "/feed.xml"]) expect(await shows(path)).toBe(false);
  expect((await request.get(`/articles/${slug}`)).status()).toBe(404);

  const status = async () => (await queryRows<{ status: string }>(`SELECT status FROM "Article" WHERE id = $1`, [row!.id]))[0]?.status;
  await expect.poll(status, { timeout: 60_000, intervals: [500] }).toBe("PUBLISHED");
  expect(Date.now()).toBeGreaterThanOrEqual(row!.scheduledFor.getTime());
  // Seconds after it went live, well before the pages would expire on their own (30 s and more).
  await expect.poll(() => shows("/"), { timeout: 5_000, intervals: [250] }).toBe(true);
  expect(await shows("/sections/city")).toBe(true);
  expect(await shows("/feed.xml")).toBe(true);
  await page.goto(`/articles/${slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  const [stored] = await queryRows<{ status: string; publishedAt: Date }>(`SELECT status, "publishedAt" FROM "Article" WHERE id = $1`, [row!.id]);
  expect(stored).toEqual({ status: "PUBLISHED", publishedAt: row!.scheduledFor });
});
