import "server-only";
import { redirect } from "next/navigation";
import { getCurrentStaff, SIGN_IN_PATH } from "@/lib/auth";
import { formFields } from "@/lib/comments/form-fields";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { can, type Capability } from "@/lib/staff/capabilities";

// Every console action is a public POST endpoint, callable by anyone with any arguments. These wrappers are the one
// place that checks, in this order: a signed-in, still active staff member (re-read from the database on every
// call; anyone else is sent to the sign-in page), the role the action needs, that the argument is a posted form,
// and the form's fields against the action's schema. Only then does the action run. (The framework itself refuses
// a server action posted from another origin.)

export const NOT_UNDERSTOOD = "That request was not understood. Please reload the page.";

/** What an action tells the form that posted it; `at` makes two equal answers in a row distinct. */
export type ActionResult<Extra extends object = object> = (({ ok: true; message: string } & Extra) | { ok: false; message: string }) & { at: number };
export type ActionOutcome<Extra extends object = object> = ({ ok: true; message: string } & Extra) | { ok: false; message: string };

type Parsed<Input> = { success: true; data: Input } | { success: false; error: { issues: { message: string; path: PropertyKey[] }[] } };

/** What an action needs: a capability (lib/staff/capabilities.ts) and what a member without it is told, or only a signed-in member. */
export type Needs = { capability: Capability; refusal: string } | "any staff member";

/** The comment work: the queue, decisions, replies, blocks, per-article comment switches. */
export const MODERATORS: Needs = { capability: "moderate", refusal: "Only moderators can act on readers' comments." };

type Guard<Input> = {
  /** Said by every action, so that none is open to a role by forgetting. */
  needs: Needs;
  /** Checks what `read` took from the form (a zod schema's safeParse, or a parser of the same shape). */
  parse: (fields: unknown) => Parsed<Input>;
  /** The fields the schema checks; every posted field by name when left out. */
  read?: (formData: FormData) => unknown;
  /** The refusal shown for the first problem found; the problem's own message when left out. */
  describe?: (issue: { message: string; path: PropertyKey[] }) => string;
};

async function signedInStaff(needs: Needs): Promise<{ staff: StaffIdentity; refusal: string | null }> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  return { staff, refusal: needs !== "any staff member" && !can(staff.role, needs.capability) ? needs.refusal : null };
}

function parseForm<Input>(guard: Guard<Input>, formData: unknown): { input: Input } | { refusal: string } {
  if (!(formData instanceof FormData)) return { refusal: NOT_UNDERSTOOD };
  const parsed = guard.parse((guard.read ?? formFields)(formData));
  if (parsed.success) return { input: parsed.data };
  const issue = parsed.error.issues[0];
  return { refusal: issue ? (guard.describe ?? ((found) => found.message))(issue) : NOT_UNDERSTOOD };
}

/** An action whose form shows its answer (useActionState). */
export function staffAction<Input, Extra extends object = object>(
  guard: Guard<Input>,
  run: (staff: StaffIdentity, input: Input) => Promise<ActionOutcome<Extra>>,
): (previous: ActionResult<Extra> | null, formData: FormData) => Promise<ActionResult<Extra>> {
  return async (_previous, formData) => {
    const { staff, refusal } = await signedInStaff(guard.needs);
    if (refusal) return { ok: false, message: refusal, at: Date.now() };
    const form = parseForm(guard, formData);
    if ("refusal" in form) return { ok: false, message: form.refusal, at: Date.now() };
    return { ...(await run(staff, form.input)), at: Date.now() };
  };
}

/** An action that takes no input (a button), answering like staffAction. */
export function staffCommand<Extra extends object = object>(
  needs: Needs,
  run: (staff: StaffIdentity) => Promise<ActionOutcome<Extra>>,
): (previous?: ActionResult<Extra> | null) => Promise<ActionResult<Extra>> {
  return async () => {
    const { staff, refusal } = await signedInStaff(needs);
    if (refusal) return { ok: false, message: refusal, at: Date.now() };
    return { ...(await run(staff)), at: Date.now() };
  };
}

/**
 * A plain form post that works without JavaScript: the answer is a page to go to. A refused one goes to
 * `refused(formData)` with nothing changed.
 */
export function staffFormAction<Input>(
  guard: Guard<Input> & { refused: (formData: unknown) => string },
  run: (staff: StaffIdentity, input: Input) => Promise<string>,
): (formData: FormData) => Promise<void> {
  return async (formData) => {
    const { staff, refusal } = await signedInStaff(guard.needs);
    const form = refusal ? null : parseForm(guard, formData);
    if (!form || "refusal" in form) redirect(guard.refused(formData));
    redirect(await run(staff, form.input));
  };
}
