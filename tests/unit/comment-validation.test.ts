import { describe, expect, it } from "vitest";
import { parseCommentInput } from "@/lib/validation/comment";

const valid = { articleId: "7", parentId: "", name: "  Ana  ", email: " ana@example.com ", website: "", body: "  Thanks.  " };

describe("parseCommentInput", () => {
  it("trims and types a valid comment", () => {
    expect(parseCommentInput(valid)).toEqual({
      ok: true,
      value: { articleId: 7, parentId: null, name: "Ana", email: "ana@example.com", website: null, body: "Thanks." },
    });
  });

  it("names each missing required field", () => {
    const result = parseCommentInput({ articleId: "7", name: " ", email: "", body: "" });
    expect(result).toEqual({
      ok: false,
      errors: { name: "Please enter your name", email: "Please enter your email address", body: "Please write a comment" },
    });
  });

  it.each(["plainaddress", "a@b", "a@@b.com", "a b@example.com"])("refuses the email %s", (email) => {
    expect(parseCommentInput({ ...valid, email })).toMatchObject({ ok: false, errors: { email: "Please enter a valid email address" } });
  });

  it.each(["javascript:alert(1)", "data:text/html,hi", "ftp://example.com", "example.com", "http://localhost"])(
    "refuses the website %s",
    (website) => {
      expect(parseCommentInput({ ...valid, website })).toMatchObject({ ok: false, errors: { website: expect.stringContaining("http") } });
    },
  );

  it("accepts an http or https website", () => {
    expect(parseCommentInput({ ...valid, website: "https://ana.example.org/blog" })).toMatchObject({
      ok: true,
      value: { website: "https://ana.example.org/blog" },
    });
  });

  it("counts lengths after trimming and refuses what is too long", () => {
    expect(parseCommentInput({ ...valid, body: `  ${"x".repeat(5000)}  ` }).ok).toBe(true);
    expect(parseCommentInput({ ...valid, body: "x".repeat(5001) })).toMatchObject({ errors: { body: "Comment must be at most 5000 characters" } });
    expect(parseCommentInput({ ...valid, name: "n".repeat(101) })).toMatchObject({ errors: { name: "Name must be at most 100 characters" } });
    expect(parseCommentInput({ ...valid, email: `${"e".repeat(250)}@example.com` })).toMatchObject({ errors: { email: expect.stringContaining("at most 254") } });
  });

  it("refuses control characters such as NUL", () => {
    expect(parseCommentInput({ ...valid, body: "hi\u0000there" })).toMatchObject({ errors: { body: "Comment contains characters that are not allowed" } });
  });

  it("refuses unknown fields, including attempts to set the status", () => {
    expect(parseCommentInput({ ...valid, status: "APPROVED" })).toEqual({ ok: false, errors: { form: "Unexpected field: status" } });
  });

  it("refuses a malformed article or parent id", () => {
    expect(parseCommentInput({ ...valid, articleId: "abc" })).toMatchObject({ ok: false, errors: { articleId: "The article is missing" } });
    expect(parseCommentInput({ ...valid, parentId: "-3" }).ok).toBe(false);
  });

  it("keeps line breaks inside a comment", () => {
    expect(parseCommentInput({ ...valid, body: "one\n\ntwo" })).toMatchObject({ value: { body: "one\n\ntwo" } });
  });
});

describe("parseCommentInput, hostile input", () => {
  it("refuses ids beyond what the database can hold", () => {
    expect(parseCommentInput({ ...valid, articleId: "3000000000" })).toMatchObject({ ok: false, errors: { articleId: "The article is missing" } });
    expect(parseCommentInput({ ...valid, parentId: "99999999999" }).ok).toBe(false);
  });

  it("stores websites normalised and refuses ones that only look like http", () => {
    expect(parseCommentInput({ ...valid, website: "HTTPS://Example.org" })).toMatchObject({ value: { website: "https://example.org/" } });
    for (const website of ["http:evil.example.com", "https:\\\\evil.example.com", "http://a.b/\u0001x", "https://user:pw@example.org"]) {
      expect(parseCommentInput({ ...valid, website }), website).toMatchObject({ ok: false, errors: { website: expect.any(String) } });
    }
  });

  it("removes bidi and zero-width controls, so a name made only of them is empty", () => {
    expect(parseCommentInput({ ...valid, name: "\u200B\u202E" })).toMatchObject({ errors: { name: "Please enter your name" } });
    expect(parseCommentInput({ ...valid, name: "Ana\u202E(ffats)" })).toMatchObject({ value: { name: "Ana(ffats)" } });
  });

  it("normalises text to NFC before counting its length", () => {
    const decomposed = "e\u0301".repeat(100);
    expect(parseCommentInput({ ...valid, name: decomposed })).toMatchObject({ ok: true, value: { name: "\u00e9".repeat(100) } });
  });
});
