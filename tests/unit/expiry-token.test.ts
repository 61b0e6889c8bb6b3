import { describe, expect, it } from "vitest";
import { isValidExpiryToken, makeExpiryToken } from "@/lib/cache/expiry-token";

const SECRET = "a-secret-that-is-long-enough-for-the-site-00";
const NOW = Date.UTC(2026, 11, 3, 6, 0, 0);

describe("cache expiry tokens", () => {
  it("are good for a minute either way, with this site's secret only", () => {
    const token = makeExpiryToken(SECRET, NOW);
    expect(isValidExpiryToken(token, SECRET, NOW)).toBe(true);
    expect(isValidExpiryToken(token, SECRET, NOW + 60_000)).toBe(true);
    expect(isValidExpiryToken(token, SECRET, NOW - 60_000)).toBe(true);
    expect(isValidExpiryToken(token, SECRET, NOW + 61_000)).toBe(false);
    expect(isValidExpiryToken(token, SECRET, NOW - 61_000)).toBe(false);
    expect(isValidExpiryToken(token, `${SECRET}x`, NOW)).toBe(false);
  });

  it("refuse a changed time, a changed signature and anything malformed", () => {
    const [time, signature] = makeExpiryToken(SECRET, NOW).split(".") as [string, string];
    const refused = [
      `${Number(time) + 1}.${signature}`,
      `${time}.${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`,
      `${time}.${signature}.extra`,
      `${time}`,
      `-${time}.${signature}`,
      "",
      undefined,
      42,
      `${time}.${"x".repeat(200)}`,
    ];
    for (const token of refused) expect(isValidExpiryToken(token, SECRET, NOW), String(token)).toBe(false);
  });
});
