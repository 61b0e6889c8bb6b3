import type autocannon from "autocannon";
import type pg from "pg";
import { load, type LoadResult } from "./load";

// (d) Comment submissions through the JSON API under load, then the database checked against the answers: every
// 2xx must have exactly one stored row, and nothing may be stored that was not acknowledged or still in flight.
export type SubmissionCheck = {
  answered2xx: number;
  answeredOther: Record<string, number>;
  stored: number;
  lost: number;
  duplicated: number;
  storedWithoutSuccess: number;
  unanswered: number;
  unansweredStored: number;
};

// Each request carries its own marker (in the body, and as its Idempotency-Key) so the database can be checked
// against the answers afterwards.
export async function submissions(
  siteUrl: string,
  client: pg.Client,
  runId: string,
  articleId: number,
): Promise<{ result: LoadResult; check: SubmissionCheck }> {
  let next = 0;
  const sent = new Set<string>();
  const answers = new Map<string, number>();
  const markerOf = (n: number) => `bench${runId}x${n}`;
  const request: autocannon.Request = {
    method: "POST",
    path: "/api/comments",
    setupRequest: (request, context) => {
      const marker = markerOf((next += 1));
      sent.add(marker);
      (context as { marker?: string }).marker = marker;
      return {
        ...request,
        headers: { ...request.headers, "content-type": "application/json", "idempotency-key": marker },
        body: JSON.stringify({
          articleId,
          name: "Load Reader",
          email: `load-${marker}@example.com`,
          body: `Submitted under load, number ${marker}. The hotline should be tested every month.`,
        }),
      };
    },
    onResponse: (status, _body, context) => {
      const marker = (context as { marker?: string }).marker;
      if (marker) answers.set(marker, status);
    },
  };
  const result = await load("(d) POST /api/comments", `${siteUrl}/api/comments`, { requests: [request] });

  const storedRows = async () =>
    (
      await client.query<{ marker: string; copies: number }>(
        `SELECT substring(body FROM 'bench${runId}x[0-9]+') AS marker, count(*)::int AS copies FROM "Comment"
       WHERE body LIKE $1 GROUP BY 1`,
        [`%bench${runId}x%`],
      )
    ).rows;
  // The server goes on with the requests that were in flight when the load stopped: count once nothing changes.
  let rows = await storedRows();
  for (let waited = 0; waited < 15_000; waited += 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const again = await storedRows();
    const settled = again.length === rows.length;
    rows = again;
    if (settled) break;
  }
  const stored = new Map(rows.map((row) => [row.marker, row.copies]));
  const check: SubmissionCheck = {
    answered2xx: 0,
    answeredOther: {},
    stored: 0,
    lost: 0,
    duplicated: 0,
    storedWithoutSuccess: 0,
    unanswered: 0,
    unansweredStored: 0,
  };
  for (const copies of stored.values()) check.stored += copies;
  for (const [marker, status] of answers) {
    const copies = stored.get(marker) ?? 0;
    if (status >= 200 && status < 300) {
      check.answered2xx += 1;
      if (copies === 0) check.lost += 1;
      if (copies > 1) check.duplicated += copies - 1;
    } else {
      check.answeredOther[status] = (check.answeredOther[status] ?? 0) + 1;
      if (copies > 0) check.storedWithoutSuccess += copies;
    }
  }
  // Requests still in flight when the run stopped: stored or not, nobody was told either way.
  for (const marker of sent) if (!answers.has(marker)) check.unanswered += 1;
  for (const [marker, copies] of stored) {
    if (!sent.has(marker)) check.storedWithoutSuccess += copies;
    else if (!answers.has(marker)) {
      check.unansweredStored += 1;
      if (copies > 1) check.duplicated += copies - 1;
    }
  }
  return { result, check };
}
