import { describe, expect, it } from "vitest";
import { parseCommentForm, parseCommentJson } from "@/lib/validation/comment";

const valid = { articleId: "7", parentId: "", name: "  Ana  ", email: " ana@example.com ", website: "", body: "  Thanks.  " };

describe("parseCommentForm", () => {
  it("trims and types a valid comment", () => {
    expect(parseCommentForm(valid)).toEqual({
      ok: true,
      value: {
        articleId: 7,
        parentId: null,
        name: "Ana",
        email: "ana@example.com",
        website: null,
        body: "Thanks.",
        notifyOnApproval: false,
        notifyOnReply: false,
      },
    });
  });

  it("names each missing required field", () => {
    const result = parseCommentForm({ articleId: "7", name: " ", email: "", body: "" });
    expect(result).toEqual({
      ok: false,
      errors: { name: "Please enter your name", email: "Please enter your email address", body: "Please write a comment" },
    });
  });

  it.each(["plainaddress", "a@b", "a@@b.com", "a b@example.com"])("refuses the email %s", (email) => {
    expect(parseCommentForm({ ...valid, email })).toMatchObject({ ok: false, errors: { email: "Please enter a valid email address" } });
  });

  it.each([
    "javascript:alert(1)",
    "data:text/html,hi",
    "ftp://example.com",
    "example.com",
    "http://localhost",
    // Characters a URL cannot hold: refused, never quietly percent-encoded into another address.
    'https://x.test/" onmouseover=x',
    "https://x.test/a b",
    "https://x.test/<script>",
    "https://x.test/{a}|b^c`d",
  ])("refuses the website %s", (website) => {
    expect(parseCommentForm({ ...valid, website })).toMatchObject({ ok: false, errors: { website: expect.stringContaining("http") } });
  });

  it("accepts an http or https website", () => {
    expect(parseCommentForm({ ...valid, website: "https://ana.example.org/blog" })).toMatchObject({
      ok: true,
      value: { website: "https://ana.example.org/blog" },
    });
    // Letters of any script are part of addresses people type; the stored form is the one browsers use.
    expect(parseCommentForm({ ...valid, website: "https://bücher.example/straße?q=1&r=(2)" })).toMatchObject({
      ok: true,
      value: { website: "https://xn--bcher-kva.example/stra%C3%9Fe?q=1&r=(2)" },
    });
  });

  it("counts lengths after trimming and refuses what is too long", () => {
    expect(parseCommentForm({ ...valid, body: `  ${"x".repeat(5000)}  ` }).ok).toBe(true);
    expect(parseCommentForm({ ...valid, body: "x".repeat(5001) })).toMatchObject({ errors: { body: "Comment must be at most 5000 characters" } });
    expect(parseCommentForm({ ...valid, name: "n".repeat(101) })).toMatchObject({ errors: { name: "Name must be at most 100 characters" } });
    expect(parseCommentForm({ ...valid, email: `${"e".repeat(250)}@example.com` })).toMatchObject({
      errors: { email: expect.stringContaining("at most 254") },
    });
  });

  it("refuses control characters such as NUL", () => {
    expect(parseCommentForm({ ...valid, body: "hi\u0000there" })).toMatchObject({ errors: { body: "Comment contains characters that are not allowed" } });
  });

  it("refuses half of a UTF-16 pair on its own, and keeps a whole pair (an emoji)", () => {
    expect(parseCommentForm({ ...valid, body: "broken \ud800 text" })).toMatchObject({ errors: { body: "Comment contains characters that are not allowed" } });
    expect(parseCommentForm({ ...valid, name: "Kim \udc00" })).toMatchObject({ errors: { name: "Name contains characters that are not allowed" } });
    expect(parseCommentForm({ ...valid, website: "https://example.com/\ud83d" })).toMatchObject({
      errors: { website: "Website contains characters that are not allowed" },
    });
    expect(parseCommentForm({ ...valid, body: "A whole pair: \ud83d\ude00" }).ok).toBe(true);
  });

  it("refuses unknown fields, including attempts to set the status", () => {
    expect(parseCommentForm({ ...valid, status: "APPROVED" })).toEqual({ ok: false, errors: { form: "Unexpected field: status" } });
  });

  it("refuses a malformed article or parent id", () => {
    expect(parseCommentForm({ ...valid, articleId: "abc" })).toMatchObject({ ok: false, errors: { articleId: "The article is missing" } });
    expect(parseCommentForm({ ...valid, parentId: "-3" }).ok).toBe(false);
  });

  it("keeps line breaks inside a comment", () => {
    expect(parseCommentForm({ ...valid, body: "one\n\ntwo" })).toMatchObject({ value: { body: "one\n\ntwo" } });
  });
});

describe("parseCommentForm, hostile input", () => {
  it("reads ticked notification boxes and keeps the token and honeypot for the pipeline", () => {
    expect(parseCommentForm({ ...valid, notifyOnReply: "on", token: "t.o.k.en", company: "" })).toMatchObject({
      ok: true,
      value: { notifyOnApproval: false, notifyOnReply: true, token: "t.o.k.en", company: "" },
    });
  });

  it("refuses ids beyond what the database can hold", () => {
    expect(parseCommentForm({ ...valid, articleId: "3000000000" })).toMatchObject({ ok: false, errors: { articleId: "The article is missing" } });
    expect(parseCommentForm({ ...valid, parentId: "99999999999" }).ok).toBe(false);
  });

  it("stores websites normalised and refuses ones that only look like http", () => {
    expect(parseCommentForm({ ...valid, website: "HTTPS://Example.org" })).toMatchObject({ value: { website: "https://example.org/" } });
    for (const website of ["http:evil.example.com", "https:\\\\evil.example.com", "http://a.b/\u0001x", "https://user:pw@example.org"]) {
      expect(parseCommentForm({ ...valid, website }), website).toMatchObject({ ok: false, errors: { website: expect.any(String) } });
    }
  });

  it("removes bidi and zero-width controls, so a name made only of them is empty", () => {
    expect(parseCommentForm({ ...valid, name: "\u200B\u202E" })).toMatchObject({ errors: { name: "Please enter your name" } });
    expect(parseCommentForm({ ...valid, name: "Ana\u202E(ffats)" })).toMatchObject({ value: { name: "Ana(ffats)" } });
  });

  it("normalises text to NFC before counting its length", () => {
    const decomposed = "e\u0301".repeat(100);
    expect(parseCommentForm({ ...valid, name: decomposed })).toMatchObject({ ok: true, value: { name: "\u00e9".repeat(100) } });
  });
});

describe("parseCommentJson", () => {
  const json = { articleId: 7, name: "Ana", email: "ana@example.com", body: "Thanks." };

  it("accepts a typed comment with optional fields left out", () => {
    expect(parseCommentJson(json)).toMatchObject({ ok: true, value: { articleId: 7, parentId: null, website: null, notifyOnReply: false } });
  });

  it("refuses operator objects and arrays where values belong", () => {
    expect(parseCommentJson({ ...json, articleId: { gt: 1 } })).toMatchObject({ ok: false, errors: { articleId: expect.any(String) } });
    expect(parseCommentJson({ ...json, articleId: [7] })).toMatchObject({ ok: false, errors: { articleId: expect.any(String) } });
    expect(parseCommentJson({ ...json, email: { contains: "@" } })).toMatchObject({ ok: false, errors: { email: expect.any(String) } });
    expect(parseCommentJson({ ...json, name: ["Ana"] })).toMatchObject({ ok: false, errors: { name: expect.any(String) } });
  });

  it("refuses numbers sent as strings, extra fields and bodies that are not objects", () => {
    expect(parseCommentJson({ ...json, articleId: "7" }).ok).toBe(false);
    expect(parseCommentJson({ ...json, status: "APPROVED", id: 1 })).toEqual({ ok: false, errors: { form: "Unexpected fields: status, id" } });
    expect(parseCommentJson([json])).toEqual({ ok: false, errors: { form: "The request body must be a JSON object" } });
    expect(parseCommentJson(null).ok).toBe(false);
  });
});

describe("single-line fields", () => {
  it("refuse line breaks in name and email, which could otherwise reach mail headers", () => {
    expect(parseCommentForm({ ...valid, name: "Ana\r\nBcc: x@example.com" })).toMatchObject({ ok: false, errors: { name: expect.any(String) } });
    expect(parseCommentForm({ ...valid, email: "ana@example.com\nBcc: x@example.com" }).ok).toBe(false);
  });
});

describe("lengths", () => {
  it("count characters, so a comment of 5000 emoji fits", () => {
    expect(parseCommentForm({ ...valid, body: "🙂".repeat(5000) }).ok).toBe(true);
    expect(parseCommentForm({ ...valid, body: "🙂".repeat(5001) }).ok).toBe(false);
  });
});

describe("email addresses", () => {
  it("are stored lower-cased", () => {
    expect(parseCommentForm({ ...valid, email: "Ana@Example.COM" })).toMatchObject({ value: { email: "ana@example.com" } });
  });
});

describe("invisible characters", () => {
  it("are removed everywhere, so they can neither split a word nor fill a name", () => {
    expect(parseCommentForm({ ...valid, body: "cas\u00adino\u180e here" })).toMatchObject({ value: { body: "casino here" } });
    for (const name of ["\u3164", "\u115f", "\u2800", "\u00ad", "\u034f"]) {
      expect(parseCommentForm({ ...valid, name }).ok, JSON.stringify(name)).toBe(false);
    }
    expect(parseCommentForm({ ...valid, name: "Ana\u0085" }).ok).toBe(false);
  });
});
