import { describe, expect, it } from "vitest";
import { addPendingId, decodePendingCookie, encodePendingCookie, PENDING_COOKIE_MAX_AGE_SECONDS } from "@/lib/comments/pending-cookie";

const SECRET = "a-secret-of-reasonable-length-for-tests";

describe("pending comments cookie", () => {
  it("round-trips the ids it was given", () => {
    expect(decodePendingCookie(encodePendingCookie([3, 9], SECRET), SECRET)).toEqual([3, 9]);
  });

  it("rejects a cookie signed with another secret or edited", () => {
    const value = encodePendingCookie([3], SECRET);
    expect(decodePendingCookie(value, "another-secret-of-reasonable-length")).toEqual([]);
    const [, signature] = value.split(".");
    const forged = `${Buffer.from(JSON.stringify({ ids: [1, 2, 3], exp: 9_999_999_999 })).toString("base64url")}.${signature}`;
    expect(decodePendingCookie(forged, SECRET)).toEqual([]);
    expect(decodePendingCookie("garbage", SECRET)).toEqual([]);
    expect(decodePendingCookie(undefined, SECRET)).toEqual([]);
  });

  it("expires", () => {
    const now = Date.now();
    const value = encodePendingCookie([3], SECRET, now);
    expect(decodePendingCookie(value, SECRET, now + (PENDING_COOKIE_MAX_AGE_SECONDS + 1) * 1000)).toEqual([]);
  });

  it("keeps the newest twenty ids without repeats", () => {
    let ids: number[] = [];
    for (let id = 1; id <= 25; id += 1) ids = addPendingId(ids, id);
    ids = addPendingId(ids, 25);
    expect(decodePendingCookie(encodePendingCookie(ids, SECRET), SECRET)).toEqual(Array.from({ length: 20 }, (_, i) => i + 6));
  });
});
