import { performance } from "node:perf_hooks";
import type pg from "pg";
import { approveThroughConsole, CookieJar, signIn } from "./console";

// (e) Approval to visibility, the way a moderator does it: signed in through next-auth, pressing Approve in the
// queue, which posts the console's server action as a plain form (the queue works without JavaScript), while a
// reader without cookies, who gets the cached page, polls the article.
export const POLL_MS = 50;
// The comment cache's own time limit is 30 s: anything slower than this means the approval was never seen.
export const VISIBILITY_TIMEOUT_MS = 45_000;

export type Visibility = { method: string; approvalRequestMs: number; visibleAfterMs: number | null; polls: number };

export async function approvalToVisible(
  siteUrl: string,
  client: pg.Client,
  runId: string,
  articleUrl: string,
  articleId: number,
  moderator: { email: string; password: string },
): Promise<Visibility> {
  const marker = `approval${runId}`;
  const submitted = await fetch(`${siteUrl}/api/comments`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": marker },
    body: JSON.stringify({ articleId, name: "Approval Reader", email: "approval@example.com", body: `Waiting for a moderator: ${marker}.` }),
  });
  const { id } = (await submitted.json()) as { id: number };
  if (submitted.status !== 202) throw new Error(`The comment to approve was answered with HTTP ${submitted.status}, not 202 (held)`);
  if ((await (await fetch(articleUrl)).text()).includes(marker)) throw new Error("The held comment is public before its approval");

  const jar = new CookieJar();
  await signIn(siteUrl, jar, moderator);
  const started = performance.now();
  // A reader polls from the moment the moderator presses the button, not from when the console has answered.
  const polling = (async () => {
    let polls = 0;
    while (performance.now() - started < VISIBILITY_TIMEOUT_MS) {
      polls += 1;
      const html = await (await fetch(articleUrl)).text();
      if (html.includes(marker)) return { visibleAfterMs: performance.now() - started, polls };
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return { visibleAfterMs: null, polls };
  })();
  let method = "moderation console server action over HTTP (signed-in moderator, Approve button)";
  await approveThroughConsole(siteUrl, jar, id, marker).catch((error: Error) => {
    method = `console action failed (${error.message})`;
  });
  const approvalRequestMs = performance.now() - started;
  const status = (await client.query<{ status: string }>(`SELECT status FROM "Comment" WHERE id = $1`, [id])).rows[0]?.status;
  if (status !== "APPROVED") {
    // The console did not take it (its form changed?): approve in the database, which only the cache's time limit
    // makes visible, and say so.
    await client.query(`UPDATE "Comment" SET status = 'APPROVED', "statusChangedAt" = now() WHERE id = $1`, [id]);
    method = `SQL UPDATE after ${method.startsWith("console") ? method : `the console left the comment ${status}`}; visible only once the 30 s comment cache expires`;
  }
  return { method, approvalRequestMs, ...(await polling) };
}
