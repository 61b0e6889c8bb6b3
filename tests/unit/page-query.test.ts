import { describe, expect, it } from "vitest";
import { withoutUnreadQuery } from "@/lib/http/page-query.mjs";

describe("withoutUnreadQuery", () => {
  it("drops from a page that may be shared every parameter the page does not read", () => {
    expect(withoutUnreadQuery("/?utm_source=x&fbclid=1", false)).toBe("/");
    expect(withoutUnreadQuery("/articles/a-story?utm_source=x&cpage=2&corder=newest", false)).toBe("/articles/a-story?cpage=2&corder=newest");
    expect(withoutUnreadQuery("/sections/world?page=2&utm_medium=mail", false)).toBe("/sections/world?page=2");
    // A listing's page number is not an article's parameter, nor a comment view a listing's.
    expect(withoutUnreadQuery("/articles/a-story?page=2", false)).toBe("/articles/a-story");
    expect(withoutUnreadQuery("/tags/ports?replyto=4", false)).toBe("/tags/ports");
  });

  it("keeps the router's _rsc marker only on the router's own requests", () => {
    expect(withoutUnreadQuery("/articles/a-story?_rsc=abc&x=1", true)).toBe("/articles/a-story?_rsc=abc");
    expect(withoutUnreadQuery("/articles/a-story?_rsc=abc", false)).toBe("/articles/a-story");
  });

  it("leaves an address as sent when nothing is dropped, and other addresses alone", () => {
    expect(withoutUnreadQuery("/articles/a-story?replyto=%", false)).toBe("/articles/a-story?replyto=%");
    expect(withoutUnreadQuery("/articles/a-story", false)).toBe("/articles/a-story");
    for (const url of ["/search?q=ferry&sort=newest", "/admin/comments?status=PENDING", "/articles/a/per-request?x=1", "/feed.xml?utm_source=x"]) {
      expect(withoutUnreadQuery(url, false)).toBe(url);
    }
  });
});
