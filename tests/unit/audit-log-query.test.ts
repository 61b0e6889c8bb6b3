import { afterEach, describe, expect, it, vi } from "vitest";
import { nextDay, startOfNewsroomDay } from "@/lib/format/dates";
import { parseAuditLogQuery } from "@/lib/validation/audit-log";

describe("the audit log's filters from its address", () => {
  it("are read from the form's fields, empty ones meaning no filter", () => {
    expect(parseAuditLogQuery({ who: "7", action: "staff_deactivate", from: "2026-03-01", to: "2026-03-31", before: "120" })).toEqual({
      filters: { staffId: 7, action: "staff_deactivate", from: "2026-03-01", to: "2026-03-31" },
      before: 120,
      problems: [],
    });
    expect(parseAuditLogQuery({ who: "", action: "", from: "", to: "" })).toEqual({
      filters: { staffId: null, action: null, from: null, to: null },
      before: null,
      problems: [],
    });
  });

  it("ignore each value they do not understand, saying which, and keep the others", () => {
    const parsed = parseAuditLogQuery({ who: "-1", action: "drop_table", from: "2026-02-30", to: "2026-03-31", before: "x" });
    expect(parsed.filters).toEqual({ staffId: null, action: null, from: null, to: "2026-03-31" });
    expect(parsed.before).toBeNull();
    expect(parsed.problems).toEqual([
      "Choose who from the list of staff.",
      "Choose an action from the list.",
      "“From” must be a date such as 2026-03-01, between 1970 and 2999.",
    ]);
    expect(parseAuditLogQuery({ who: ["1", "2"], to: "9999-12-31" }).problems).toEqual([
      "Choose who from the list of staff.",
      "“To” must be a date such as 2026-03-01, between 1970 and 2999.",
    ]);
  });

  it("drop a range that ends before it starts", () => {
    const parsed = parseAuditLogQuery({ from: "2026-03-02", to: "2026-03-01" });
    expect(parsed.filters).toMatchObject({ from: null, to: null });
    expect(parsed.problems).toEqual(["“From” is after “To”."]);
  });
});

describe("the newsroom's day", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("begins at midnight in its time zone, summer or winter", () => {
    vi.stubEnv("NEWSROOM_TIME_ZONE", "Europe/Stockholm");
    expect(startOfNewsroomDay("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfNewsroomDay("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
    // The days the clocks change, at 02:00 and 03:00: midnight still has the day's first offset.
    expect(startOfNewsroomDay("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfNewsroomDay("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    vi.stubEnv("NEWSROOM_TIME_ZONE", "America/Los_Angeles");
    expect(startOfNewsroomDay("2026-03-01").toISOString()).toBe("2026-03-01T08:00:00.000Z");
    vi.stubEnv("NEWSROOM_TIME_ZONE", "UTC");
    expect(startOfNewsroomDay("2026-03-01").toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });

  it("begins at its first moment where the clocks skip midnight", () => {
    // Santiago moved its clocks from 00:00 to 01:00 on 2024-09-08.
    vi.stubEnv("NEWSROOM_TIME_ZONE", "America/Santiago");
    expect(startOfNewsroomDay("2024-09-08").toISOString()).toBe("2024-09-08T04:00:00.000Z");
  });

  it("is followed by the next calendar day, across months and leap days", () => {
    expect(nextDay("2026-01-31")).toBe("2026-02-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
    expect(nextDay("2999-12-31")).toBe("3000-01-01");
  });
});
