import { describe, expect, it } from "vitest";
import { withoutUnreadQuery } from "@/lib/http/page-query.mjs";

describe("withoutUnreadQuery", () => {
  it("drops from a page that may be shared every parameter the page does not read", () => {
    expect(withoutUnreadQuery("/?utm_source=x&fbclid=1")).toBe("/");
    expect(withoutUnreadQuery("/articles/a-story?utm_source=x&cpage=2&corder=newest")).toBe("/articles/a-story?cpage=2&corder=newest");
    expect(withoutUnreadQuery("/sections/world?page=2&utm_medium=mail")).toBe("/sections/world?page=2");
    // A listing's page number is not an article's parameter, nor a comment view a listing's.
    expect(withoutUnreadQuery("/articles/a-story?page=2")).toBe("/articles/a-story");
    expect(withoutUnreadQuery("/tags/ports?replyto=4")).toBe("/tags/ports");
  });

  it("drops the router's _rsc marker and an empty query", () => {
    expect(withoutUnreadQuery("/articles/a-story?_rsc=abc")).toBe("/articles/a-story");
    expect(withoutUnreadQuery("/articles/a-story?_rsc=&_rsc=abc&cpage=2")).toBe("/articles/a-story?cpage=2");
    expect(withoutUnreadQuery("/?&&&")).toBe("/");
    expect(withoutUnreadQuery("/sections/world?")).toBe("/sections/world");
  });

  it("leaves an address as sent when it reads every parameter, and other addresses alone", () => {
    expect(withoutUnreadQuery("/articles/a-story?replyto=%")).toBe("/articles/a-story?replyto=%");
    expect(withoutUnreadQuery("/articles/a-story?cpage=2&corder=oldest")).toBe("/articles/a-story?cpage=2&corder=oldest");
    expect(withoutUnreadQuery("/articles/a-story")).toBe("/articles/a-story");
    for (const url of ["/search?q=ferry&sort=newest", "/admin/comments?status=PENDING", "/articles/a/per-request?x=1", "/feed.xml?utm_source=x"]) {
      expect(withoutUnreadQuery(url)).toBe(url);
    }
  });
});
