import { attributes } from "./html";

// The moderation console driven over HTTP, the way a moderator without JavaScript uses it: signed in through
// next-auth, pressing Approve in the queue, which posts the console's server action as a plain form.

export class CookieJar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export async function signIn(siteUrl: string, jar: CookieJar, moderator: { email: string; password: string }) {
  const csrfResponse = await fetch(`${siteUrl}/api/auth/csrf`);
  jar.take(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await fetch(`${siteUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email: moderator.email, password: moderator.password, callbackUrl: `${siteUrl}/admin`, json: "true" }),
  });
  jar.take(response);
  if (!jar.header().includes("session-token")) throw new Error(`Signing in failed (HTTP ${response.status})`);
}

export type ConsoleForm = { path: string; fields: FormData };

// The Approve form of the comment in the queue, as a moderator's browser has it: every hidden field of that form,
// plus the button.
export async function findApproveForm(siteUrl: string, jar: CookieJar, commentId: number, marker: string): Promise<ConsoleForm> {
  const queuePath = `/admin?status=PENDING&q=${marker}`;
  const page = await fetch(`${siteUrl}${queuePath}`, { headers: { cookie: jar.header() } });
  const html = await page.text();
  const itemValue = `${commentId}:PENDING`;
  const form = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/g)]
    .map((match) => match[0])
    .find((candidate) => candidate.includes(`name="item" value="${itemValue}"`) && candidate.includes('value="approve"'));
  if (!form) throw new Error(`The queue at ${queuePath} has no Approve form for comment ${commentId} (HTTP ${page.status})`);
  const fields = new FormData();
  for (const input of form.matchAll(/<input\b[^>]*>/g)) {
    const attrs = attributes(input[0]);
    if (attrs.name && attrs.type === "hidden") fields.append(attrs.name, attrs.value ?? "");
  }
  fields.append("action", "approve");
  return { path: queuePath, fields };
}

// Presses the button: posts the form as the page without JavaScript does.
export async function submitConsoleForm(siteUrl: string, jar: CookieJar, form: ConsoleForm): Promise<void> {
  const response = await fetch(`${siteUrl}${form.path}`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: jar.header(), origin: siteUrl },
    body: form.fields,
  });
  await response.arrayBuffer();
  if (response.status >= 400) throw new Error(`The approval was answered with HTTP ${response.status}`);
}

export async function approveThroughConsole(siteUrl: string, jar: CookieJar, commentId: number, marker: string): Promise<void> {
  await submitConsoleForm(siteUrl, jar, await findApproveForm(siteUrl, jar, commentId, marker));
}
