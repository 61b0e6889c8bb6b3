import { describe, expect, it } from "vitest";
import { checkExpiryToken, makeExpiryToken } from "@/lib/cache/expiry-token";

const SECRET = "a-secret-that-is-long-enough-for-the-site-00";
const NOW = Date.UTC(2026, 11, 3, 6, 0, 0);

describe("cache expiry tokens", () => {
  it("are good for 30 s (5 s ahead for clocks apart), with this site's secret only, each one different", () => {
    const token = makeExpiryToken(SECRET, NOW);
    expect(checkExpiryToken(token, SECRET, NOW)).toBe(token.split(".")[2]);
    expect(checkExpiryToken(token, SECRET, NOW + 30_000)).not.toBeNull();
    expect(checkExpiryToken(token, SECRET, NOW - 5_000)).not.toBeNull();
    expect(checkExpiryToken(token, SECRET, NOW + 31_000)).toBeNull();
    expect(checkExpiryToken(token, SECRET, NOW - 6_000)).toBeNull();
    expect(checkExpiryToken(token, `${SECRET}x`, NOW)).toBeNull();
    // A nonce in each, so the route can spend them one by one.
    expect(makeExpiryToken(SECRET, NOW)).not.toBe(token);
  });

  it("refuse a changed time or nonce, a changed signature and anything malformed", () => {
    const [time, nonce, signature] = makeExpiryToken(SECRET, NOW).split(".") as [string, string, string];
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    const refused = [
      `${Number(time) + 1}.${nonce}.${signature}`,
      `${time}.${nonce.slice(0, -1)}${nonce.endsWith("A") ? "B" : "A"}.${signature}`,
      `${time}.${nonce}.${flipped}`,
      `${time}.${nonce}.${signature}.extra`,
      `${time}.${signature}`,
      `-${time}.${nonce}.${signature}`,
      "",
      undefined,
      42,
      `${time}.${nonce}.${"x".repeat(200)}`,
    ];
    for (const token of refused) expect(checkExpiryToken(token, SECRET, NOW), String(token)).toBeNull();
  });
});
