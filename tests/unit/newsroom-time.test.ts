import { afterEach, describe, expect, it, vi } from "vitest";
import { instantOfNewsroomTime, newsroomTimeOf } from "@/lib/format/dates";

// A datetime-local field's value is a time on the newsroom's clock, not the browser's or the server's.
describe("a publication time typed in the editor", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is read in the newsroom's time zone, summer or winter", () => {
    vi.stubEnv("NEWSROOM_TIME_ZONE", "Europe/Stockholm");
    expect(instantOfNewsroomTime("2026-01-15T09:30")?.toISOString()).toBe("2026-01-15T08:30:00.000Z");
    expect(instantOfNewsroomTime("2026-07-15T09:30")?.toISOString()).toBe("2026-07-15T07:30:00.000Z");
    vi.stubEnv("NEWSROOM_TIME_ZONE", "America/New_York");
    expect(instantOfNewsroomTime("2026-12-31T23:45")?.toISOString()).toBe("2027-01-01T04:45:00.000Z");
    vi.stubEnv("NEWSROOM_TIME_ZONE", "UTC");
    expect(instantOfNewsroomTime("2026-03-01T00:00")?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
  });

  it("means the earlier hour where the clocks go back, and no time where they skip forward", () => {
    vi.stubEnv("NEWSROOM_TIME_ZONE", "Europe/Stockholm");
    // 2026-10-25: 03:00 summer time becomes 02:00 again, so 02:30 happens twice.
    expect(instantOfNewsroomTime("2026-10-25T02:30")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    // 2026-03-29: the clocks go from 02:00 to 03:00, so 02:30 never happens.
    expect(instantOfNewsroomTime("2026-03-29T02:30")).toBeNull();
    expect(instantOfNewsroomTime("2026-03-29T03:00")?.toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });

  it("refuses what is not a date and a time", () => {
    vi.stubEnv("NEWSROOM_TIME_ZONE", "UTC");
    for (const value of ["", "2026-02-30T10:00", "2026-13-01T10:00", "2026-01-01 10:00", "2026-01-01T25:00", "tomorrow"])
      expect(instantOfNewsroomTime(value), value).toBeNull();
  });

  it("is shown back as the field writes it, on the newsroom's clock", () => {
    vi.stubEnv("NEWSROOM_TIME_ZONE", "Europe/Stockholm");
    expect(newsroomTimeOf("2026-07-15T07:30:00.000Z")).toBe("2026-07-15T09:30");
    expect(newsroomTimeOf(instantOfNewsroomTime("2026-01-15T18:05")!.toISOString())).toBe("2026-01-15T18:05");
  });
});
