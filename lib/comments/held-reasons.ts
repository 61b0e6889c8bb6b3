// Why a comment waits in the queue: stored as codes ("code" or "code:field:detail") on the comment, shown to
// moderators as these labels.
const LABELS: Record<string, string> = {
  moderation_mode_hold_all: "Every new comment is held for review",
  first_time_commenter: "First comment from this email address",
  too_many_links: "Contains several links",
  no_form_token: "Sent by a program, not through the comment form",
  refused_at_confirmation: "Would be refused under the current settings",
  hold_word: "Contains a word on the hold list",
  blocked_email: "The email address is on the hold list",
  blocked_domain: "The email domain is on the hold list",
  blocked_client: "The sender is on the hold list",
  reported: "Hidden after readers reported it",
};

const FIELD_NAMES: Record<string, string> = { name: "name", email: "email", website: "website", body: "comment" };

// The reason codes a moderator can filter the queue by (word-list codes carry the word and are not listed).
export const FILTERABLE_REASONS = Object.keys(LABELS).filter((code) => code !== "hold_word");

// Outside the console (staff mail, the review page) a matched word is not shown for the email and website fields:
// it would give away part of the sender's address.
export function heldReasonLabel(code: string, { senderDetails = true }: { senderDetails?: boolean } = {}): string {
  const [kind = code, field, detail] = code.split(":");
  const label = LABELS[kind] ?? kind;
  if (!field) return label;
  const showDetail = detail && (senderDetails || (field !== "email" && field !== "website"));
  return `${label} (${FIELD_NAMES[field] ?? field}${showDetail ? `: “${detail}”` : ""})`;
}
