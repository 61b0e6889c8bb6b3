import { describe, expect, it } from "vitest";
import { parseReportForm } from "@/lib/validation/report";
import { parseSettingsForm } from "@/lib/validation/settings-form";
import { settingsForm } from "../helpers/settings-form";

describe("the report form", () => {
  it("accepts a listed reason and drops a note the reader was not asked for", () => {
    expect(parseReportForm({ commentId: "12", reason: "SPAM", note: "ignored" })).toEqual({ ok: true, value: { commentId: 12, reason: "SPAM", note: null } });
  });

  it("asks for a reason, naming the field", () => {
    expect(parseReportForm({ commentId: "12" })).toEqual({ ok: false, errors: { reason: "Please choose why you are reporting this comment" } });
    expect(parseReportForm({ commentId: "12", reason: "BORING" })).toEqual({
      ok: false,
      errors: { reason: "Please choose why you are reporting this comment" },
    });
  });

  it("needs a short text for 'other', trimmed and stripped of invisible characters", () => {
    expect(parseReportForm({ commentId: "12", reason: "OTHER", note: " \u200b " })).toEqual({
      ok: false,
      errors: { note: "Please say in a few words what is wrong with this comment" },
    });
    expect(parseReportForm({ commentId: "12", reason: "OTHER", note: "  Fake\u200b quote  " })).toEqual({
      ok: true,
      value: { commentId: 12, reason: "OTHER", note: "Fake quote" },
    });
  });

  it("refuses a long or multi-line text", () => {
    expect(parseReportForm({ commentId: "12", reason: "OTHER", note: "x".repeat(301) })).toMatchObject({
      ok: false,
      errors: { note: "Please keep it to 300 characters" },
    });
    expect(parseReportForm({ commentId: "12", reason: "OTHER", note: "one\ntwo" })).toMatchObject({
      ok: false,
      errors: { note: "Please use plain text on one line" },
    });
  });

  it("answers a form it cannot read with one general error", () => {
    for (const raw of [
      { commentId: "0", reason: "SPAM" },
      { commentId: "abc", reason: "SPAM" },
      { commentId: "1", reason: "SPAM", extra: "x" },
    ]) {
      expect(parseReportForm(raw)).toEqual({ ok: false, errors: { form: "This report could not be read. Please reload the page and try again." } });
    }
  });
});

describe("the report threshold setting", () => {
  it("takes a number from 1 to 100", () => {
    expect(parseSettingsForm(settingsForm({ reportThreshold: "1" }))).toMatchObject({ success: true, data: { reportThreshold: 1 } });
    expect(parseSettingsForm(settingsForm({ reportThreshold: "100" }))).toMatchObject({ success: true, data: { reportThreshold: 100 } });
    for (const value of ["0", "101"]) {
      const parsed = parseSettingsForm(settingsForm({ reportThreshold: value }));
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({ path: ["reportThreshold"], message: "Please enter a number from 1 to 100" });
    }
    expect(parseSettingsForm(settingsForm({ reportThreshold: "three" })).error?.issues[0]).toMatchObject({ path: ["reportThreshold"] });
  });
});
