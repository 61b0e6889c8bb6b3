import { describe, expect, it } from "vitest";
import { DEFAULT_COMMENT_SETTINGS } from "@/lib/validation/settings";
import { parseSettingsForm } from "@/lib/validation/settings-form";
import { settingsForm } from "../helpers/settings-form";

describe("retention settings", () => {
  it("default to 30, 90 and 7 days", () => {
    expect(DEFAULT_COMMENT_SETTINGS).toMatchObject({ fingerprintRetentionDays: 30, rejectedRetentionDays: 90, unconfirmedRetentionDays: 7 });
  });

  it("accept whole days from the settings form", () => {
    const parsed = parseSettingsForm(settingsForm({ fingerprintRetentionDays: "14", rejectedRetentionDays: "365", unconfirmedRetentionDays: "2" }));
    expect(parsed.success && parsed.data).toMatchObject({ fingerprintRetentionDays: 14, rejectedRetentionDays: 365, unconfirmedRetentionDays: 2 });
  });

  it("refuse nothing, zero, fractions, more than ten years, and unconfirmed comments purged before their link expires", () => {
    const refused: [string, string, RegExp][] = [
      ["fingerprintRetentionDays", "", /whole number/],
      ["fingerprintRetentionDays", "0", /./],
      ["rejectedRetentionDays", "1.5", /whole number/],
      ["rejectedRetentionDays", "3651", /./],
      ["unconfirmedRetentionDays", "1", /at least 2 days, the life of a confirmation link/],
    ];
    for (const [field, value, message] of refused) {
      const parsed = parseSettingsForm(settingsForm({ [field]: value }));
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual([field]);
      expect(parsed.error?.issues[0]?.message).toMatch(message);
    }
  });
});
