import { describe, expect, it } from "vitest";
import { freshTimeAgo } from "@/lib/format/relative-time";

const now = Date.parse("2026-12-04T12:00:00Z");
const ago = (minutes: number) => new Date(now - minutes * 60_000).toISOString();

describe("how long ago a fresh story was published", () => {
  it("is said in minutes, then hours, for a day", () => {
    expect(freshTimeAgo(ago(0), now)).toBe("just now");
    expect(freshTimeAgo(ago(1), now)).toBe("1 minute ago");
    expect(freshTimeAgo(ago(59), now)).toBe("59 minutes ago");
    expect(freshTimeAgo(ago(60), now)).toBe("1 hour ago");
    expect(freshTimeAgo(ago(3 * 60 + 20), now)).toBe("3 hours ago");
    expect(freshTimeAgo(ago(24 * 60 - 1), now)).toBe("23 hours ago");
  });

  it("is not said for older stories, future times or nonsense, which keep their date", () => {
    expect(freshTimeAgo(ago(24 * 60), now)).toBeNull();
    expect(freshTimeAgo(ago(-5), now)).toBeNull();
    expect(freshTimeAgo("not a date", now)).toBeNull();
  });
});
