import { describe, expect, it } from "vitest";
import { availableMoves, mayEditArticle, moveArticle } from "@/lib/newsroom/workflow";

describe("the newsroom's workflow", () => {
  it("offers each role exactly its moves from each status", () => {
    expect(availableMoves("DRAFT", "WRITER")).toEqual(["submit"]);
    expect(availableMoves("IN_REVIEW", "WRITER")).toEqual([]);
    expect(availableMoves("DRAFT", "EDITOR")).toEqual(["submit", "schedule", "publish"]);
    expect(availableMoves("IN_REVIEW", "EDITOR")).toEqual(["return", "schedule", "publish"]);
    expect(availableMoves("SCHEDULED", "EDITOR")).toEqual(["unschedule", "publish"]);
    expect(availableMoves("PUBLISHED", "EDITOR")).toEqual(["unpublish"]);
    expect(availableMoves("UNPUBLISHED", "ADMIN")).toEqual(["schedule", "publish", "reopen"]);
    // Moderators work on comments only.
    expect(availableMoves("DRAFT", "MODERATOR")).toEqual([]);
  });

  it("refuses a writer publishing, anyone but the scheduler going live, and moves from the wrong status", () => {
    expect(moveArticle("IN_REVIEW", "publish", "WRITER")).toEqual({ ok: false, reason: "Your role cannot publish articles" });
    expect(moveArticle("SCHEDULED", "goLive", "EDITOR")).toMatchObject({ ok: false });
    expect(moveArticle("SCHEDULED", "goLive", "system")).toEqual({ ok: true, to: "PUBLISHED" });
    expect(moveArticle("PUBLISHED", "goLive", "system")).toMatchObject({ ok: false });
    expect(moveArticle("PUBLISHED", "submit", "EDITOR")).toEqual({ ok: false, reason: 'An article that is published cannot be given the action "submit"' });
    expect(moveArticle("DRAFT", "publish", "system")).toMatchObject({ ok: false });
  });

  it("lets writers edit only their own drafts, and editors every article", () => {
    const writer = { id: 7, role: "WRITER" as const };
    expect(mayEditArticle(writer, { status: "DRAFT", createdById: 7 })).toBe(true);
    expect(mayEditArticle(writer, { status: "DRAFT", createdById: 8 })).toBe(false);
    expect(mayEditArticle(writer, { status: "IN_REVIEW", createdById: 7 })).toBe(false);
    expect(mayEditArticle({ id: 1, role: "EDITOR" }, { status: "PUBLISHED", createdById: null })).toBe(true);
    expect(mayEditArticle({ id: 1, role: "MODERATOR" }, { status: "DRAFT", createdById: 1 })).toBe(false);
  });
});
