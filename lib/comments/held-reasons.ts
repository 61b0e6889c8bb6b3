// Why a comment waits in the queue: stored as codes on the comment, shown to moderators as these labels.
export const HELD_REASON_LABELS = {
  moderation_mode_hold_all: "Every new comment is held for review",
} as const;

export type HeldReason = keyof typeof HELD_REASON_LABELS;

export function heldReasonLabel(code: string): string {
  return (HELD_REASON_LABELS as Record<string, string>)[code] ?? code;
}
