import { describe, expect, it } from "vitest";
import { allowedActions, COMMENT_STATUSES, MODERATION_ACTIONS, transition, undoTransition } from "@/lib/moderation/state-machine";

describe("comment state machine", () => {
  it("moves a pending comment to each decision", () => {
    expect(transition("PENDING", "approve")).toEqual({ ok: true, to: "APPROVED" });
    expect(transition("PENDING", "reject")).toEqual({ ok: true, to: "REJECTED" });
    expect(transition("PENDING", "spam")).toEqual({ ok: true, to: "SPAM" });
    expect(transition("PENDING", "trash")).toEqual({ ok: true, to: "TRASH" });
  });

  it("hides a published comment on readers' reports, and publishes it again when a moderator dismisses them", () => {
    expect(transition("APPROVED", "hideByReports")).toEqual({ ok: true, to: "PENDING" });
    expect(transition("PENDING", "dismissReports")).toEqual({ ok: true, to: "APPROVED" });
    for (const from of ["PENDING", "REJECTED", "SPAM", "TRASH", "UNCONFIRMED"] as const) expect(transition(from, "hideByReports").ok).toBe(false);
    for (const from of ["APPROVED", "REJECTED", "SPAM", "TRASH", "UNCONFIRMED"] as const) expect(transition(from, "dismissReports").ok).toBe(false);
  });

  it("refuses actions that make no sense from a status", () => {
    expect(transition("APPROVED", "approve").ok).toBe(false);
    expect(transition("PENDING", "restore").ok).toBe(false);
    expect(transition("TRASH", "trash").ok).toBe(false);
  });

  it("never leaves a comment in the status it came from", () => {
    for (const from of COMMENT_STATUSES) {
      for (const action of MODERATION_ACTIONS) {
        const result = transition(from, action);
        if (result.ok) expect(result.to).not.toBe(from);
      }
    }
  });

  it("offers exactly the actions that succeed", () => {
    for (const from of COMMENT_STATUSES) {
      expect(allowedActions(from)).toEqual(MODERATION_ACTIONS.filter((action) => transition(from, action).ok));
    }
    expect(allowedActions("PENDING")).toEqual(["approve", "reject", "spam", "trash"]);
  });
});

describe("undo", () => {
  it("can retrace every moderator action, and nothing else", () => {
    for (const from of COMMENT_STATUSES) {
      for (const action of MODERATION_ACTIONS) {
        const result = transition(from, action);
        if (result.ok) expect(undoTransition(from, result.to), `${from} --${action}--> ${result.to}`).toEqual({ ok: true, to: from });
      }
    }
    expect(undoTransition("UNCONFIRMED", "APPROVED").ok).toBe(false);
    expect(undoTransition("TRASH", "APPROVED").ok).toBe(false);
  });
});
