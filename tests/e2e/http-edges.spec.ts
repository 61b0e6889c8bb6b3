import { expect, test } from "@playwright/test";
import { SEED_ARTICLE_PATH } from "../helpers/e2e-env";

test("addresses that are not valid percent-encoding get 400, not a server error", async ({ request }) => {
  for (const path of ["/articles/%", "/articles/%E0%A4%A", "/api/auth/%"]) {
    expect((await request.get(path)).status(), path).toBe(400);
  }
});

test("unknown articles get a calm 404 page and odd query parameters are ignored", async ({ page, request }) => {
  const missing = await page.goto("/articles/no-such-story");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found", level: 1 })).toBeVisible();
  expect((await request.get("/articles/Not_A_Slug")).status()).toBe(404);
  for (const query of ["?replyto=%", "?replyto=99999999999", "?comment=-1", "?replyto=1&replyto=2"]) {
    expect((await request.get(`${SEED_ARTICLE_PATH}${query}`)).status(), query).toBe(200);
  }
});

test("staff pages are never stored by a shared cache", async ({ request }) => {
  for (const path of ["/admin", "/admin/sign-in"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.headers()["cache-control"], path).toBe("private, no-store");
  }
});

test("a form post from another site, or one far too large, is refused before any work", async ({ request }) => {
  const crossSite = await request.post(SEED_ARTICLE_PATH, { headers: { origin: "https://elsewhere.example" }, multipart: { body: "hi" } });
  expect(crossSite.status()).toBe(403);
  const nullOrigin = await request.post("/admin", { headers: { origin: "null" }, multipart: { commentId: "1" } });
  expect(nullOrigin.status()).toBe(403);
  const huge = await request.post(SEED_ARTICLE_PATH, { multipart: { body: "x".repeat(100_000) } });
  expect(huge.status()).toBe(413);
});
