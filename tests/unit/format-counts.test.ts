import { describe, expect, it } from "vitest";
import { formatCount } from "@/lib/format/counts";

describe("formatCount", () => {
  it("shows a count up to its cap as it is, and one past the cap as the cap and more", () => {
    expect(formatCount(0, 10_000)).toBe("0");
    expect(formatCount(10_000, 10_000)).toBe("10,000");
    expect(formatCount(10_001, 10_000)).toBe("10,000+");
  });
});
