import { describe, expect, it } from "vitest";
import { hashAddress, newNonce, signReaderDataToken, verifyReaderDataToken, type ReaderDataLink } from "@/lib/privacy/reader-data-token";

const SECRET = "reader-data-secret-for-the-unit-tests";
const now = Date.UTC(2027, 0, 10, 12);
const link = (overrides: Partial<ReaderDataLink> = {}): ReaderDataLink => ({
  action: "download",
  anchorCommentId: 42,
  addressHash: hashAddress("reader@example.com", SECRET),
  nonce: newNonce(),
  expiresAtMs: now + 60_000,
  ...overrides,
});

describe("commenters' download and erase links", () => {
  it("carry a keyed hash of the address, never the address, the same however it was typed", () => {
    const token = signReaderDataToken(link(), SECRET);
    expect(token).not.toMatch(/reader|example/);
    expect(hashAddress(" Reader@Example.COM ", SECRET)).toBe(hashAddress("reader@example.com", SECRET));
    expect(hashAddress("reader@example.com", "another-secret-entirely-different")).not.toBe(hashAddress("reader@example.com", SECRET));
    expect(verifyReaderDataToken(token, "download", SECRET, now)).toMatchObject({ ok: true, link: { anchorCommentId: 42, action: "download" } });
  });

  it("refuse the other action, a changed part, another secret, an expired link and junk", () => {
    const download = signReaderDataToken(link(), SECRET);
    const [action, anchor, hash, nonce, expires, signature] = download.split(".") as [string, string, string, string, string, string];
    expect(verifyReaderDataToken(download, "erase", SECRET, now)).toEqual({ ok: false, reason: "invalid" });
    for (const changed of [
      [action, "1b", hash, nonce, expires, signature],
      [action, anchor, hashAddress("other@example.com", SECRET), nonce, expires, signature],
      [action, anchor, hash, newNonce(), expires, signature],
      [action, anchor, hash, nonce, (parseInt(expires, 36) + 86_400).toString(36), signature],
      ["1", anchor, hash, nonce, expires, signature],
    ]) {
      expect(verifyReaderDataToken(changed.join("."), "download", SECRET, now)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(verifyReaderDataToken(download, "download", "another-secret-entirely-different", now)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyReaderDataToken(download, "download", SECRET, now + 61_000)).toEqual({ ok: false, reason: "expired" });
    for (const junk of [undefined, 42, ["a"], "", "a.b.c", `${download}.x`, "x".repeat(300)]) {
      expect(verifyReaderDataToken(junk, "download", SECRET, now)).toEqual({ ok: false, reason: "invalid" });
    }
  });
});
