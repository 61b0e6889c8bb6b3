import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { postComment, signInAsModerator } from "../helpers/e2e-actions";
import { findCommentsByEmail, queryRows, uniqueEmail } from "../helpers/e2e-db";
import { SEED_ARTICLE_PATH } from "../helpers/e2e-env";

type Captured = { path: string; headers: Record<string, string>; body: Buffer };

// Every staff action is a public POST endpoint. Each test captures a real request from a signed-in moderator
// (without letting it through), replays it without a session, with a reader's cookie, with a tampered session and
// from another origin, and checks that nothing changed and that the answer is a refusal (401/403) or a redirect to
// the sign-in page. The same replay with the real session must then work, or the test would prove nothing.
async function capture(page: Page, trigger: () => Promise<void>): Promise<Captured> {
  let captured: Captured | undefined;
  await page.route("**/admin**", async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    captured = { path: new URL(request.url()).pathname, headers: await request.allHeaders(), body: request.postDataBuffer()! };
    await route.abort();
  });
  await trigger();
  await expect.poll(() => captured).toBeDefined();
  await page.unroute("**/admin**");
  return captured!;
}

async function replay(baseURL: string, captured: Captured, cookie: string | null, origin: string) {
  const client = await playwrightRequest.newContext({ baseURL });
  const headers: Record<string, string> = { "content-type": captured.headers["content-type"]!, origin };
  for (const name of ["next-action", "next-router-state-tree", "accept"]) if (captured.headers[name]) headers[name] = captured.headers[name]!;
  if (cookie) headers.cookie = cookie;
  const response = await client.post(captured.path, { headers, data: captured.body, maxRedirects: 0 });
  const result = { status: response.status(), redirect: response.headers()["x-action-redirect"] ?? response.headers().location ?? "" };
  await client.dispose();
  return result;
}

async function expectRefusedEverywhere(page: Page, baseURL: string, captured: Captured, unchanged: () => Promise<void>) {
  const session = (await page.context().cookies()).find((cookie) => cookie.name.includes("session-token"))!;
  const real = `${session.name}=${session.value}`;
  const attempts: [string, string | null, string][] = [
    ["no session", null, baseURL],
    ["a reader's cookie", "pending_comments=abc.def", baseURL],
    ["a tampered session", `${session.name}=${session.value.slice(0, -6)}AAAAAA`, baseURL],
    ["another origin", real, "https://elsewhere.example"],
  ];
  for (const [name, cookie, origin] of attempts) {
    const { status, redirect } = await replay(baseURL, captured, cookie, origin);
    const refused = status === 401 || status === 403 || /\/admin\/sign-in/.test(redirect);
    expect(refused, `${name}: status ${status}, redirect "${redirect}"`).toBe(true);
    await unchanged();
  }
  return real;
}

async function pendingComment(browser: import("@playwright/test").Browser, label: string) {
  const email = uniqueEmail(label);
  const body = `Authorization probe ${email.split("@")[0]}`;
  await postComment(await (await browser.newContext()).newPage(), SEED_ARTICLE_PATH, { body, name: "Ivy Probe", email });
  return { email, body };
}

test("approving needs a valid staff session from the site's own origin", async ({ page, browser, baseURL }) => {
  const { email, body } = await pendingComment(browser, "authz-approve");
  await signInAsModerator(page);
  await page.goto(`/admin?q=${encodeURIComponent(body)}`);
  const captured = await capture(page, () => page.locator("ol > li", { hasText: body }).getByRole("button", { name: "Approve" }).click());
  const status = async () => (await findCommentsByEmail(email))[0]?.status;
  const real = await expectRefusedEverywhere(page, baseURL!, captured, async () => expect(await status()).toBe("PENDING"));
  expect((await replay(baseURL!, captured, real, baseURL!)).status).toBe(200);
  expect(await status()).toBe("APPROVED");
});

test("replying as staff needs a valid staff session from the site's own origin", async ({ page, browser, baseURL }) => {
  const { body } = await pendingComment(browser, "authz-reply");
  await signInAsModerator(page);
  await page.goto(`/admin?q=${encodeURIComponent(body)}`);
  const item = page.locator("ol > li", { hasText: body });
  await item.getByText("Reply as staff").click();
  await item.getByRole("textbox", { name: /^Staff reply to/ }).fill(`Staff answer to ${body}`);
  const captured = await capture(page, () => item.getByRole("button", { name: "Approve and publish reply" }).click());
  const replies = async () => (await queryRows(`SELECT id FROM "Comment" WHERE body = $1`, [`Staff answer to ${body}`])).length;
  const real = await expectRefusedEverywhere(page, baseURL!, captured, async () => expect(await replies()).toBe(0));
  await replay(baseURL!, captured, real, baseURL!);
  expect(await replies()).toBe(1);
});

test("blocking a sender needs a valid staff session from the site's own origin", async ({ page, browser, baseURL }) => {
  const { email } = await pendingComment(browser, "authz-block");
  await signInAsModerator(page);
  const [comment] = await findCommentsByEmail(email);
  await page.goto(`/admin/comments/${comment!.id}`);
  const captured = await capture(page, () => page.getByRole("button", { name: "Block" }).click());
  const blocks = async () => (await queryRows(`SELECT id FROM "Block" WHERE value = $1`, [email])).length;
  const real = await expectRefusedEverywhere(page, baseURL!, captured, async () => expect(await blocks()).toBe(0));
  await replay(baseURL!, captured, real, baseURL!);
  expect(await blocks()).toBe(1);
});

test("staff pages send everyone without a valid session to sign in", async ({ request }) => {
  const [comment] = await queryRows<{ id: number }>(`SELECT id FROM "Comment" ORDER BY id LIMIT 1`);
  for (const path of ["/admin", "/admin?status=SPAM", `/admin/comments/${comment!.id}`]) {
    for (const cookie of [undefined, "pending_comments=abc.def", "next-auth.session-token=forged.token.value"]) {
      const response = await request.get(path, { headers: cookie ? { cookie } : {}, maxRedirects: 0 });
      expect(response.status(), `${path} with ${cookie}`).toBe(307);
      expect(response.headers().location).toContain("/admin/sign-in");
      expect(await response.text()).not.toContain("@example.");
    }
  }
});
