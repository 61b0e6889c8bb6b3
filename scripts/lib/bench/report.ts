import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { DATA_DIR } from "../paths";
import { VISIBILITY_TIMEOUT_MS, POLL_MS, type Visibility } from "./approval";
import type { FloorRun, PostComparison, PostRun } from "./ceiling";
import { APPROVALS_PER_SECOND, type EdgeResult } from "./edge";
import { CONNECTIONS, SECONDS, type LoadResult } from "./load";
import type { Weight } from "./page-weight";
import type { SubmissionCheck } from "./submissions";
import type { Turns } from "./turns";

export type Runs = {
  articleSmall: LoadResult;
  staticPage: LoadResult;
  bare: LoadResult;
  compressed: LoadResult;
  articleLarge: LoadResult;
  archiveArticle: LoadResult;
  frontPage: LoadResult;
  submit: LoadResult;
};
export type Memory = { seedOnly: { rssAtStartKb: number; peakKb: number }; archive: { rssAtStartKb: number; peakKb: number } };
export type Archive = { articles: number; comments: number; seconds: number; slug: string };

const ms = (value: number) => value.toFixed(1);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mb = (kilobytes: number) => (kilobytes / 1024).toFixed(0);
const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

// The benchmark's table and findings, printed; returns the figures derived from the runs for the JSON output.
export function printReport(
  runs: Runs,
  archive: Archive,
  check: SubmissionCheck,
  visibility: Visibility,
  memory: Memory,
  weights: Weight[],
  /** a/b in each round (scripts/lib/bench/turns.ts); runs holds the median round's (a) and (b). */
  aOverBRounds: number[],
) {
  const rows = [runs.articleSmall, runs.staticPage, runs.bare, runs.compressed, runs.articleLarge, runs.archiveArticle, runs.frontPage, runs.submit];
  console.log(`\nEach run: ${SECONDS} s, ${CONNECTIONS} connections; reads with wrk after an unmeasured 1 s warm-up, comment posts with autocannon`);
  console.log(
    `${"case".padEnd(46)}${"req/s".padStart(10)}${"median ms".padStart(11)}${"p99 ms".padStart(9)}${"2xx".padStart(9)}${"other".padStart(8)}${"bytes".padStart(9)}`,
  );
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(46)}${row.requestsPerSecond.toFixed(0).padStart(10)}${ms(row.medianMs).padStart(11)}${ms(row.p99Ms).padStart(9)}` +
        `${String(row.ok).padStart(9)}${String(row.non2xx + row.errors + row.timeouts).padStart(8)}${String(row.bytesPerResponse ?? "").padStart(9)}`,
    );
  }
  const ratios = {
    aOverB: ratio(runs.articleSmall.requestsPerSecond, runs.staticPage.requestsPerSecond),
    aOverC: ratio(runs.articleSmall.requestsPerSecond, runs.bare.requestsPerSecond),
    largeOverSmall: ratio(runs.articleLarge.requestsPerSecond, runs.articleSmall.requestsPerSecond),
  };
  console.log(`\n(b) is Next's static file handler (a file in public/) on the same server, not a prerendered route.`);
  console.log(
    `a/b = ${ratios.aOverB.toFixed(3)}, the median of ${aOverBRounds.map((share) => share.toFixed(3)).join(", ")} ` +
      `(target 0.5: ${ratios.aOverB >= 0.5 ? "met" : "NOT met"})   a/c = ${ratios.aOverC.toFixed(3)}   (both with the seed-only database)`,
  );
  console.log(`compressed answers (gzip or br, as browsers ask) ${runs.compressed.bytesPerResponse ?? "?"} bytes each`);
  console.log(
    `article page with archive / without: ${ratios.largeOverSmall.toFixed(3)} ` +
      `(${runs.articleLarge.requestsPerSecond.toFixed(0)} vs ${runs.articleSmall.requestsPerSecond.toFixed(0)} req/s; within 20%: ${Math.abs(1 - ratios.largeOverSmall) <= 0.2 ? "yes" : "NO"})`,
  );
  console.log(
    `archive: ${archive.articles.toLocaleString("en")} articles and ${archive.comments.toLocaleString("en")} comments loaded in ${archive.seconds.toFixed(1)} s; (a') is /articles/${archive.slug}`,
  );

  const other =
    Object.entries(check.answeredOther)
      .map(([status, count]) => `${count}×${status}`)
      .join(", ") || "none";
  console.log(
    `\n(d) submissions: ${check.answered2xx} answered 2xx, other answers: ${other}, ${check.unanswered} unanswered when the run stopped ` +
      `(${check.unansweredStored} of them stored, which is right: the server finished them); ` +
      `${check.stored} rows stored. Lost (2xx without a row): ${check.lost}. Duplicated rows: ${check.duplicated}. ` +
      `Stored after an error answer, or unknown: ${check.storedWithoutSuccess}.`,
  );
  console.log(
    `(e) approval → visible on the public page: ${visibility.visibleAfterMs === null ? `NOT visible within ${VISIBILITY_TIMEOUT_MS / 1000} s` : `${ms(visibility.visibleAfterMs)} ms`} ` +
      `(from sending the approval; the approval request itself took ${ms(visibility.approvalRequestMs)} ms; ${visibility.polls} polls every ${POLL_MS} ms)\n    method: ${visibility.method}`,
  );
  console.log(
    `(f) server memory: seed-only server (a, b): RSS at start ${mb(memory.seedOnly.rssAtStartKb)} MB, peak (VmHWM) ${mb(memory.seedOnly.peakKb)} MB; ` +
      `archive server (a, a', d, e): RSS at start ${mb(memory.archive.rssAtStartKb)} MB, peak ${mb(memory.archive.peakKb)} MB`,
  );

  const totals = { html: 0, css: 0, js: 0, "nomodule-js": 0 };
  const rawTotals = { html: 0, css: 0, js: 0, "nomodule-js": 0 };
  for (const weight of weights) {
    totals[weight.kind] += weight.gzipBytes;
    rawTotals[weight.kind] += weight.bytes;
  }
  const files = (kind: Weight["kind"]) => weights.filter((weight) => weight.kind === kind).length;
  console.log(
    `\nArticle page weight (gzip -9; raw): HTML ${kb(totals.html)} (${kb(rawTotals.html)}), CSS ${kb(totals.css)} in ${files("css")} files (${kb(rawTotals.css)}), ` +
      `JS ${kb(totals.js)} in ${files("js")} files (${kb(rawTotals.js)}); total ${kb(totals.html + totals.css + totals.js)}; ` +
      `and polyfills that only browsers without modules load (nomodule): ${kb(totals["nomodule-js"])} (${kb(rawTotals["nomodule-js"])})`,
  );
  return { ratios, pageWeight: { gzipTotals: totals, rawTotals, files: weights } };
}

// The edge runs: Varnish against nginx with the same bytes, and Varnish while approvals purge the page.
export function printEdgeReport(edge: EdgeResult) {
  if ("skipped" in edge) {
    console.log(`\nEdge runs (g, h, i) skipped: ${edge.skipped}`);
    return;
  }
  console.log(`\nEdge: two instances behind Varnish, reads with gzip as browsers ask (wrk, ${SECONDS} s, ${CONNECTIONS} connections)`);
  const printRounds = (turns: Turns<LoadResult>, label: string) =>
    turns.rounds.forEach(({ first, second, share }, index) => {
      console.log(`round ${index + 1}: ${label} = ${share.toFixed(3)}`);
      for (const row of [first, second]) printEdgeRow(row);
    });
  printRounds(edge.reads, "g/h");
  printRounds(edge.engine, "g0/h");
  printEdgeRow(edge.underApprovals);
  const gOverH = edge.reads.median.share;
  const engineShare = edge.engine.median.share;
  console.log(`g/h = ${gOverH.toFixed(3)}, the median of ${edge.reads.rounds.length} rounds (target 0.9: ${gOverH >= 0.9 ? "met" : "NOT met"})`);
  console.log(`g0/h = ${engineShare.toFixed(3)}: Varnish itself with a VCL of one line, the most the site's VCL could reach here`);
  const { approvals } = edge;
  console.log(
    `(i) Varnish hit ratio while approving ${APPROVALS_PER_SECOND}/s: ${(edge.hitRatio * 100).toFixed(2)} % (target 95 %: ${edge.hitRatio >= 0.95 ? "met" : "NOT met"}); ` +
      `${approvals.count} approvals, ${approvals.notVisible} not visible within 10 s; visible through Varnish after the console answered: ` +
      `median ${ms(approvals.afterAnswerMs.p50)} ms, p99 ${ms(approvals.afterAnswerMs.p99)} ms, max ${ms(approvals.afterAnswerMs.max)} ms (target p99 1,000 ms: ${approvals.notVisible === 0 && approvals.afterAnswerMs.p99 <= 1000 ? "met" : "NOT met"}); ` +
      `after the approval was sent: median ${ms(approvals.afterSendMs.p50)} ms, p99 ${ms(approvals.afterSendMs.p99)} ms`,
  );
}

function printEdgeRow(row: LoadResult) {
  console.log(
    `${row.name.padEnd(46)}${row.requestsPerSecond.toFixed(0).padStart(10)}${ms(row.medianMs).padStart(11)}${ms(row.p99Ms).padStart(9)}${String(row.ok).padStart(9)}${String(row.non2xx + row.errors + row.timeouts).padStart(8)}${String(row.bytesPerResponse ?? "").padStart(9)}`,
  );
}

// Comment posts with wrk: the site against the bare ceiling in rounds, and the framework's floor between them.
export function printPostReport({ turns, readers, floor }: PostComparison) {
  console.log(`\nComment posts with wrk (${SECONDS} s, ${CONNECTIONS} connections), each a new comment`);
  turns.rounds.forEach(({ first, second, share }, index) => {
    console.log(`round ${index + 1}: d'/c' = ${share.toFixed(3)}`);
    for (const row of [first, second]) printPostRow(row);
  });
  for (const row of [readers, floor]) printPostRow(row);
  const { share } = turns.median;
  // The ceiling of the median round is the one the other figures are set against.
  const ceiling = turns.median.second.requestsPerSecond;
  const total = (pick: (run: PostRun) => number) => turns.rounds.reduce((sum, round) => sum + pick(round.first), 0);
  console.log(
    `d'/c' = ${share.toFixed(3)}, the median of ${turns.rounds.length} rounds (target 0.2: ${share >= 0.2 ? "met" : "NOT met"}); ` +
      `the site stored ${total((run) => run.stored)} rows for ${total((run) => run.answered2xx)} acknowledged posts ` +
      `(${total((run) => run.duplicated)} duplicated, ${total((run) => run.other)} other answers)`,
  );
  console.log(
    `d''/c' = ${ratio(readers.requestsPerSecond, ceiling).toFixed(3)}; stored ${readers.stored} rows for ${readers.answered2xx} acknowledged posts (${readers.other} other answers)`,
  );
  console.log(`f'/c' = ${ratio(floor.requestsPerSecond, ceiling).toFixed(3)}, the most any route handler reaches here`);
}

function printPostRow(row: PostRun | FloorRun) {
  const counts =
    "stored" in row ? `${String(row.answered2xx).padStart(9)}${String(row.other).padStart(8)}   stored ${row.stored}, duplicated ${row.duplicated}` : "";
  console.log(`${row.name.padEnd(52)}${row.requestsPerSecond.toFixed(0).padStart(10)}${ms(row.medianMs).padStart(11)}${ms(row.p99Ms).padStart(9)}${counts}`);
}

// The run's figures as JSON in .data/bench/ (output, never committed), with when and how they were measured; returns
// the file's path.
export async function saveResult(figures: Record<string, unknown>): Promise<string> {
  const output = path.join(DATA_DIR, "bench", `result-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  await mkdir(path.dirname(output), { recursive: true });
  await writeFile(output, JSON.stringify({ at: new Date().toISOString(), seconds: SECONDS, connections: CONNECTIONS, ...figures }, null, 2));
  return output;
}
