import { expect, request as playwrightRequest, test } from "@playwright/test";
import { postComment, signInAsModerator } from "../helpers/e2e-actions";
import { findCommentsByEmail, uniqueEmail } from "../helpers/e2e-db";
import { SEED_ARTICLE_PATH } from "../helpers/e2e-env";

// The moderation server action is a public POST endpoint. Capture a real Approve request from a signed-in
// moderator (without letting it through), then replay it without a session, with a tampered session and from
// another origin: nothing may change. The same replay with the real session must work, or the test proves nothing.
test("the moderation action changes nothing without a valid staff session from the site's own origin", async ({ browser, baseURL }) => {
  const email = uniqueEmail("authz");
  const body = `Authorization probe ${email.split("@")[0]}`;
  await postComment(await (await browser.newContext()).newPage(), SEED_ARTICLE_PATH, { body, name: "Ivy Probe", email });

  const moderator = await browser.newContext();
  const page = await moderator.newPage();
  await signInAsModerator(page);
  let captured: { headers: Record<string, string>; body: Buffer } | undefined;
  await page.route("**/admin**", async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    captured = { headers: await request.allHeaders(), body: request.postDataBuffer()! };
    await route.abort();
  });
  await page.locator("li", { hasText: body }).getByRole("button", { name: "Approve" }).click();
  await expect.poll(() => captured).toBeDefined();
  const sessionCookie = (await moderator.cookies()).find((cookie) => cookie.name.includes("session-token"))!;

  const replay = async (cookie: string | null, origin: string) => {
    const client = await playwrightRequest.newContext({ baseURL });
    const headers: Record<string, string> = {
      "content-type": captured!.headers["content-type"]!,
      "next-action": captured!.headers["next-action"]!,
      "next-router-state-tree": captured!.headers["next-router-state-tree"] ?? "",
      accept: "text/x-component",
      origin,
    };
    if (cookie) headers.cookie = cookie;
    const response = await client.post("/admin", { headers, data: captured!.body, maxRedirects: 0 });
    await client.dispose();
    return response.status();
  };
  const status = async () => (await findCommentsByEmail(email))[0]?.status;

  await replay(null, baseURL!);
  expect(await status()).toBe("PENDING");
  const tampered = `${sessionCookie.name}=${sessionCookie.value.slice(0, -4)}AAAA`;
  await replay(tampered, baseURL!);
  expect(await status()).toBe("PENDING");
  const real = `${sessionCookie.name}=${sessionCookie.value}`;
  await replay(real, "http://evil.example");
  expect(await status()).toBe("PENDING");

  expect(await replay(real, baseURL!)).toBe(200);
  expect(await status()).toBe("APPROVED");
  await moderator.close();
});
