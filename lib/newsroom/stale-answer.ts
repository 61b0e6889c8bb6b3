/** Whether an action's refusal says the page is out of date (someone saved since), as app/admin/articles/actions.ts marks it. */
export function isStale(answer: { ok: boolean } | null): boolean {
  return answer !== null && !answer.ok && "stale" in answer && answer.stale === true;
}
