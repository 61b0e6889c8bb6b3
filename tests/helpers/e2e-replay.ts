import { expect, request as playwrightRequest, type Page } from "@playwright/test";

export type Captured = { path: string; headers: Record<string, string>; body: Buffer };

// Every staff action is a public POST endpoint. Each test captures a real request from a signed-in moderator
// (without letting it through), replays it without a session, with a reader's cookie, with a tampered session and
// from another origin, and checks that nothing changed and that the answer is a refusal (401/403) or a redirect to
// the sign-in page. The same replay with the real session must then work, or the test would prove nothing.
export async function capture(page: Page, trigger: () => Promise<void>): Promise<Captured> {
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

export async function replay(baseURL: string, captured: Captured, cookie: string | null, origin: string) {
  const client = await playwrightRequest.newContext({ baseURL });
  const headers: Record<string, string> = { "content-type": captured.headers["content-type"]!, origin };
  for (const name of ["next-action", "next-router-state-tree", "accept"]) if (captured.headers[name]) headers[name] = captured.headers[name]!;
  if (cookie) headers.cookie = cookie;
  const response = await client.post(captured.path, { headers, data: captured.body, maxRedirects: 0 });
  const result = { status: response.status(), redirect: response.headers()["x-action-redirect"] ?? response.headers().location ?? "" };
  await client.dispose();
  return result;
}

export async function expectRefusedEverywhere(page: Page, baseURL: string, captured: Captured, unchanged: () => Promise<void>) {
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
