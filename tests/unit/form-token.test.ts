import { describe, expect, it } from "vitest";
import { checkFormToken, FORM_TOKEN_MAX_AGE_SECONDS, issueFormToken } from "@/lib/comments/form-token";

const SECRET = "form-token-secret-for-the-unit-tests";
const issuedAt = Date.UTC(2026, 10, 26, 12);

describe("form tokens", () => {
  it("accept a token for its own article once the minimum time has passed", () => {
    const token = issueFormToken(7, issuedAt, SECRET);
    expect(checkFormToken(token, 7, { minSeconds: 3, now: issuedAt + 3000 }, SECRET)).toMatchObject({ ok: true, issuedAt });
  });

  it("refuse a form sent back too quickly, too late, for another article or with a forged signature", () => {
    const token = issueFormToken(7, issuedAt, SECRET);
    expect(checkFormToken(token, 7, { minSeconds: 3, now: issuedAt + 1000 }, SECRET)).toEqual({ ok: false, reason: "too_fast" });
    expect(checkFormToken(token, 7, { minSeconds: 3, now: issuedAt + (FORM_TOKEN_MAX_AGE_SECONDS + 1) * 1000 }, SECRET)).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(checkFormToken(token, 8, { minSeconds: 0, now: issuedAt }, SECRET)).toEqual({ ok: false, reason: "invalid" });
    expect(checkFormToken(token, 7, { minSeconds: 0, now: issuedAt }, "another-secret-entirely-different")).toEqual({ ok: false, reason: "invalid" });
    const [, nonce, article] = token.split(".");
    const backdated = `${(issuedAt - 60_000).toString(36)}.${nonce}.${article}.${token.split(".")[3]}`;
    expect(checkFormToken(backdated, 7, { minSeconds: 0, now: issuedAt }, SECRET)).toEqual({ ok: false, reason: "invalid" });
    expect(checkFormToken("x".repeat(500), 7, { minSeconds: 0 }, SECRET)).toEqual({ ok: false, reason: "invalid" });
  });

  it("carry a different nonce each time, so each form is its own idempotency key", () => {
    const a = checkFormToken(issueFormToken(7, issuedAt, SECRET), 7, { minSeconds: 0, now: issuedAt }, SECRET);
    const b = checkFormToken(issueFormToken(7, issuedAt, SECRET), 7, { minSeconds: 0, now: issuedAt }, SECRET);
    expect(a.ok && b.ok && a.nonce !== b.nonce).toBe(true);
  });
});
