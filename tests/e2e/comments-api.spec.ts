import { expect, test } from "@playwright/test";
import { signInAsModerator } from "../helpers/e2e-actions";
import { findCommentsByEmail, queryRows, uniqueEmail } from "../helpers/e2e-db";

async function articleId(slug: string): Promise<number> {
  const [row] = await queryRows<{ id: number }>(`SELECT id FROM "Article" WHERE slug = $1`, [slug]);
  return row!.id;
}

const SLUG = "council-votes-to-pedestrianize-old-market-street";

test.describe("POST /api/comments", () => {
  test("holds a valid comment (202) and never answers with the email", async ({ request }) => {
    const email = uniqueEmail("api");
    const response = await request.post("/api/comments", {
      data: { articleId: await articleId(SLUG), name: "Api Reader", email, body: "Posted by a program." },
    });
    expect(response.status()).toBe(202);
    const text = await response.text();
    expect(text).not.toContain(email);
    expect(JSON.parse(text)).toMatchObject({ status: "pending", replayed: false, url: expect.stringMatching(/#comment-\d+$/) });
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(await findCommentsByEmail(email)).toHaveLength(1);
  });

  test("answers the same Idempotency-Key once, and a duplicate comment with 409", async ({ request }) => {
    const email = uniqueEmail("idem");
    const data = { articleId: await articleId(SLUG), name: "Retry Reader", email, body: `Retried ${email}` };
    const key = `key-${Date.now()}`;
    const first = await (await request.post("/api/comments", { data, headers: { "Idempotency-Key": key } })).json();
    const again = await request.post("/api/comments", { data, headers: { "Idempotency-Key": key } });
    expect(again.status()).toBe(202);
    expect(await again.json()).toMatchObject({ id: first.id, replayed: true });
    const duplicate = await request.post("/api/comments", { data });
    expect(duplicate.status()).toBe(409);
    // The key sent again with another comment is refused (the IETF Idempotency-Key draft's 422), storing nothing.
    const reused = await request.post("/api/comments", { data: { ...data, body: `Other words ${email}` }, headers: { "Idempotency-Key": key } });
    expect(reused.status()).toBe(422);
    expect(await findCommentsByEmail(email)).toHaveLength(1);
  });

  test("refuses what is not a JSON comment with the documented status codes, storing nothing", async ({ request }) => {
    const id = await articleId(SLUG);
    const email = uniqueEmail("bad");
    const valid = { articleId: id, name: "Bad Input", email, body: "Fine text." };
    const cases: [string, Parameters<typeof request.post>[1], number][] = [
      ["text/plain", { headers: { "content-type": "text/plain" }, data: JSON.stringify(valid) }, 415],
      ["form encoding", { form: { ...valid, articleId: String(id) } }, 415],
      ["oversized", { data: { ...valid, body: "x".repeat(40_000) } }, 413],
      ["not JSON", { headers: { "content-type": "application/json" }, data: "{nope" }, 400],
      ["an array", { data: [valid] }, 400],
      ["operator in articleId", { data: { ...valid, articleId: { gt: 0 } } }, 400],
      ["array in email", { data: { ...valid, email: [email] } }, 400],
      ["operator in name", { data: { ...valid, name: { contains: "a" } } }, 400],
      ["status field", { data: { ...valid, status: "APPROVED" } }, 400],
      ["id field", { data: { ...valid, id: 1 } }, 400],
      ["control characters", { data: { ...valid, body: "a\u0000b" } }, 400],
      ["bell in name", { data: { ...valid, name: "Ring\u0007" } }, 400],
      ["javascript website", { data: { ...valid, website: "javascript:alert(1)" } }, 400],
      ["another site", { data: valid, headers: { origin: "https://elsewhere.example" } }, 403],
      ["unknown article", { data: { ...valid, articleId: 999_999 } }, 403],
    ];
    for (const [name, options, status] of cases) {
      const response = await request.post("/api/comments", options);
      expect(response.status(), name).toBe(status);
      if (status === 400) expect(Object.keys((await response.json()).errors).length, name).toBeGreaterThan(0);
      expect(await response.text(), name).not.toContain(email);
    }
    expect(await findCommentsByEmail(email)).toHaveLength(0);
  });
});

test("a reader who starts to write on the cached page gets a form token of their own", async ({ page, request }) => {
  const id = await articleId(SLUG);
  const own = await request.get(`/api/comments/form-token?articleId=${id}`);
  expect([own.status(), own.headers()["cache-control"]]).toEqual([200, "private, no-store"]);
  expect((await own.json()).token).toMatch(new RegExp(`^[0-9a-z]+\\.[\\w-]+\\.${id}\\.[\\w-]+$`));
  for (const bad of ["", "0", "abc", "1.5", "99999999999"]) expect((await request.get(`/api/comments/form-token?articleId=${bad}`)).status(), bad).toBe(400);

  await page.goto(`/articles/${SLUG}`);
  const token = page.locator('#respond input[name="token"]');
  const shared = await token.inputValue();
  await page.getByRole("textbox", { name: "Comment", exact: true }).focus();
  await expect.poll(() => token.inputValue()).not.toBe(shared);
  expect(await token.inputValue()).toMatch(new RegExp(`\\.${id}\\.`));
});

test("GET /api/articles/:id/comments lists approved comments without emails", async ({ request }) => {
  const id = await articleId("defense-ministers-agree-naval-hotline-after-strait-talks");
  const response = await request.get(`/api/articles/${id}/comments`);
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.count).toBeGreaterThanOrEqual(4);
  expect(Object.keys(body.comments[0]).sort()).toEqual(["authorName", "authorWebsite", "body", "createdAt", "id", "isStaff", "parentId"]);
  expect(JSON.stringify(body)).not.toMatch(/@example\.(org|net|com)/);
  for (const bad of ["999999", "abc", "0", "99999999999"]) {
    expect((await request.get(`/api/articles/${bad}/comments`)).status(), bad).toBe(404);
  }
});

test("script and markup in every field are shown as text on the article and in the queue", async ({ request, browser }) => {
  const email = uniqueEmail("markup");
  const marker = email.split("@")[0]!;
  const hostile = {
    name: `<img src=x onerror=alert(1)>${marker}`,
    // Quotes and angle brackets are refused in a website (see the validation tests); a single quote is a URL's own.
    website: `https://example.org/'onmouseover='alert(2)'`,
    body: `<script>alert(3)</script><b>bold</b> ${marker}`,
  };
  const response = await request.post("/api/comments", { data: { articleId: await articleId(SLUG), email, ...hostile } });
  expect(response.status()).toBe(202);

  const moderator = await (await browser.newContext()).newPage();
  const dialogs: string[] = [];
  moderator.on("dialog", (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
  await signInAsModerator(moderator);
  const item = moderator.locator("li", { hasText: marker });
  await expect(item.getByText(hostile.body)).toBeVisible();
  await expect(item.getByText(hostile.name)).toBeVisible();
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(moderator.locator("li", { hasText: marker })).toHaveCount(0);

  const reader = await (await browser.newContext()).newPage();
  reader.on("dialog", (dialog) => void dialog.dismiss().then(() => dialogs.push(dialog.message())));
  await reader.goto(`/articles/${SLUG}`);
  const comment = reader.locator('article[id^="comment-"]', { hasText: marker });
  await expect(comment.getByText(hostile.body)).toBeVisible();
  await expect(comment.getByRole("link", { name: hostile.name, exact: true })).toHaveAttribute("href", /^https:\/\/example\.org\//);
  await expect(comment.locator("img, script, b")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
