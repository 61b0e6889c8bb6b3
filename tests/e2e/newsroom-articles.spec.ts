import { expect, test, type Page } from "@playwright/test";
import { createStaff } from "../helpers/e2e-actions";
import { queryRows } from "../helpers/e2e-db";

// The newsroom's article list and the signed preview link, as an editor and a moderator meet them.

async function signIn(page: Page, member: { email: string; password: string }) {
  await page.goto("/admin");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(member.email);
  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/admin\/sign-in/);
}

async function insertArticle(headline: string, status: "DRAFT" | "SCHEDULED", section: { id: number }, scheduledFor: string | null = null) {
  const slug = headline.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const [row] = await queryRows<{ id: number }>(
    `INSERT INTO "Article" (slug, headline, dek, body, "sectionId", status, "scheduledFor")
     VALUES ($1, $2, 'A dek only the newsroom has read.', $3::jsonb, $4, $5::"ArticleStatus", $6) RETURNING id`,
    [slug, headline, JSON.stringify([{ type: "paragraph", text: `The first paragraph of ${headline}.` }]), section.id, status, scheduledFor],
  );
  return row!.id;
}

test("an editor finds a draft by status and section, sees a scheduled one's time, and previews the draft", async ({ page, browser }) => {
  const stamp = Date.now();
  const [section] = await queryRows<{ id: number; name: string }>(`SELECT id, name FROM "Section" ORDER BY id LIMIT 1`);
  const draftHeadline = `Harbour dredging plan drafted ${stamp}`;
  const draftId = await insertArticle(draftHeadline, "DRAFT", section!);
  const scheduledHeadline = `Ferry timetable changes scheduled ${stamp}`;
  await insertArticle(scheduledHeadline, "SCHEDULED", section!, "2031-06-01T09:30:00Z");

  await signIn(page, createStaff("list-editor", "EDITOR"));
  const nav = page.getByRole("navigation", { name: "Console" });
  await nav.getByRole("link", { name: "Articles", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Articles", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "New article" })).toHaveAttribute("href", "/admin/articles/new");

  const filters = page.getByRole("search", { name: "Filter articles" });
  await filters.getByLabel("Status").selectOption("DRAFT");
  await filters.getByLabel("Section").selectOption(String(section!.id));
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`status=DRAFT.*section=${section!.id}|section=${section!.id}.*status=DRAFT`));
  const table = page.getByRole("region", { name: "Articles", exact: true });
  const draftRow = table.getByRole("row").filter({ hasText: draftHeadline });
  await expect(draftRow).toHaveCount(1);
  await expect(draftRow.getByRole("cell").nth(1)).toHaveText("Draft");
  await expect(draftRow.getByRole("link", { name: draftHeadline, exact: true })).toHaveAttribute("href", `/admin/articles/${draftId}`);
  await expect(draftRow.getByRole("link", { name: `Edit “${draftHeadline}”` })).toBeVisible();
  // The scheduled one is not a draft.
  await expect(table.getByText(scheduledHeadline)).toHaveCount(0);

  await filters.getByLabel("Status").selectOption("SCHEDULED");
  await filters.getByRole("button", { name: "Filter" }).click();
  const scheduledRow = table.getByRole("row").filter({ hasText: scheduledHeadline });
  await expect(scheduledRow.getByRole("cell").nth(6)).toHaveText(/^June 1, 2031 at \d+:30 [AP]M /);

  // The preview opens for someone with no account at all, and stays out of search engines and shared caches.
  await filters.getByLabel("Status").selectOption("DRAFT");
  await filters.getByRole("button", { name: "Filter" }).click();
  const previewHref = await draftRow.getByRole("link", { name: `Preview “${draftHeadline}”` }).getAttribute("href");
  expect(previewHref).toMatch(new RegExp(`^/preview/articles/${draftId}\\?token=`));
  const stranger = await (await browser.newContext()).newPage();
  const answer = await stranger.goto(previewHref!);
  expect(answer!.status()).toBe(200);
  await expect(stranger.getByRole("heading", { level: 1 })).toHaveText(draftHeadline);
  await expect(stranger.getByText(`The first paragraph of ${draftHeadline}.`)).toBeVisible();
  await expect(stranger.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex, nofollow/);
  const headers = answer!.headers();
  expect(headers["cache-control"]).toContain("no-store");
  expect(headers["cache-control"]).not.toMatch(/public|s-maxage/);
  expect(headers["referrer-policy"]).toBe("no-referrer");

  // A forged or altered token is refused calmly.
  for (const forged of [
    previewHref!.replace(/.$/, (last) => (last === "A" ? "B" : "A")),
    `/preview/articles/${draftId}?token=forged`,
    `/preview/articles/${draftId}`,
  ]) {
    const refused = await stranger.goto(forged);
    expect(refused!.status(), forged).toBe(404);
    await expect(stranger.getByRole("heading", { name: "This preview link cannot be used", level: 1 })).toBeVisible();
    await expect(stranger.getByText(draftHeadline)).toHaveCount(0);
  }
  await stranger.context().close();
});

test("a writer reads a colleague's draft but gets no preview link to hand out of the newsroom", async ({ page }) => {
  const [section] = await queryRows<{ id: number }>(`SELECT id FROM "Section" ORDER BY id LIMIT 1`);
  const headline = `Council budget leak drafted ${Date.now()}`;
  await insertArticle(headline, "DRAFT", section!);
  await signIn(page, createStaff("list-writer", "WRITER"));
  await page.goto(`/admin/articles?q=${encodeURIComponent(headline)}`);
  const row = page.getByRole("region", { name: "Articles", exact: true }).getByRole("row").filter({ hasText: headline });
  await expect(row.getByRole("link", { name: `Open “${headline}”` })).toBeVisible();
  await expect(row.getByRole("link", { name: /^Preview/ })).toHaveCount(0);
  await expect(row.locator('a[href^="/preview/"]')).toHaveCount(0);
});

test("a moderator who cannot write gets no Articles link and is sent away from the list", async ({ page }) => {
  await signIn(page, createStaff("list-moderator", "MODERATOR"));
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Articles", exact: true })).toHaveCount(0);
  await page.goto("/admin/articles?status=DRAFT");
  await expect(page).toHaveURL(/\/admin\/account$/);
  await expect(page.getByText("Harbour dredging plan drafted")).toHaveCount(0);
});
