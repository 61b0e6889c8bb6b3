import { expect, test } from "@playwright/test";
import { queryRows, uniqueEmail } from "../helpers/e2e-db";
import { signInNewMember, startDraft } from "../helpers/e2e-newsroom";

// An editor schedules an article in the editor; it goes live at its time through the server's scheduler, and shows at
// once on the front page, its section and the feed: the scheduler expires the cached pages, so readers do not wait for
// them to expire. Serial, because the new story leads the front page that other tests look at.
test.describe.configure({ timeout: 300_000 });

const NEWSROOM_TIME_ZONE = "Europe/Stockholm";

// The first whole minute at least two minutes away (the field takes minutes), as the editor's datetime-local field
// takes it on the newsroom's clock.
function twoMinutesAhead(): { at: Date; field: string } {
  const at = new Date(Math.ceil((Date.now() + 120_000) / 60_000) * 60_000);
  const parts = new Intl.DateTimeFormat("sv-SE", { timeZone: NEWSROOM_TIME_ZONE, dateStyle: "short", timeStyle: "short" }).format(at);
  return { at, field: parts.replace(" ", "T") };
}

test("an article scheduled in the editor appears on the front page, its section and the feed at its time, and not before", async ({ browser, request }) => {
  const { page } = await signInNewMember(browser, "EDITOR", `scheduler-${Date.now()}`);
  const headline = `Night ferry trial starts ${uniqueEmail("scheduled").split("@")[0]}`;
  const id = await startDraft(page, headline);
  await page.getByRole("textbox", { name: "Body" }).fill("The first night crossing leaves at midnight.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(/^Saved at/);

  const { at, field } = twoMinutesAhead();
  await page.getByLabel(/Publication time/).fill(field);
  await page.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Scheduled.");
  const [row] = await queryRows<{ slug: string; status: string; scheduledFor: Date }>(
    `SELECT slug, status::text AS status, "scheduledFor" FROM "Article" WHERE id = $1`,
    [id],
  );
  expect(row).toMatchObject({ status: "SCHEDULED", scheduledFor: at });

  const shows = async (path: string) => (await (await request.get(path)).text()).includes(headline);
  const notYetShown = async () => {
    for (const path of ["/", "/sections/city", "/feed.xml"]) expect(await shows(path)).toBe(false);
    expect((await request.get(`/articles/${row!.slug}`)).status()).toBe(404);
  };
  const status = async () => (await queryRows<{ status: string }>(`SELECT status FROM "Article" WHERE id = $1`, [id]))[0]?.status;
  // Load the pages into the cache while the article waits, and look again shortly before its time (with room for the
  // four requests on a busy machine).
  await notYetShown();
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, at.getTime() - Date.now() - 20_000)));
  await notYetShown();
  expect(await status()).toBe("SCHEDULED");

  await expect.poll(status, { timeout: 60_000, intervals: [500] }).toBe("PUBLISHED");
  expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());
  // Seconds after it went live, well before the cached lists would expire on their own (5 minutes). The pages
  // themselves are past their 30 s by now, so the first request may be answered stale while they are drawn again.
  await expect.poll(() => shows("/"), { timeout: 15_000, intervals: [250] }).toBe(true);
  expect(await shows("/sections/city")).toBe(true);
  expect(await shows("/feed.xml")).toBe(true);
  await page.goto(`/articles/${row!.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(headline);
  const [stored] = await queryRows<{ status: string; publishedAt: Date }>(`SELECT status, "publishedAt" FROM "Article" WHERE id = $1`, [id]);
  expect(stored).toEqual({ status: "PUBLISHED", publishedAt: at });
});
