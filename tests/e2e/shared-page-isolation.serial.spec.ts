import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { makeExpiryToken } from "@/lib/cache/expiry-token";
import { e2eEnv, SEED_ARTICLE_PATH } from "../helpers/e2e-env";
import { hostileRequests, rawRequest, sharedPart, type RawResponse } from "../helpers/hostile-requests";

// Each check expires every cached page, which would turn other tests' hits into misses, and another test's change
// would change the page between two renders: this runs with the serial tests, alone.
test.describe.configure({ mode: "serial" });

// The comment form's token, issued when the page is rendered (lib/comments/form-token.ts).
const FORM_TOKEN = /\b[0-9a-z]{6,10}\.[\w-]{16}\.\d+\.[\w-]{20,}/g;
const INLINE_SCRIPT = /<script((?: [a-z-]+="[^"]*")*)>([^<]*)<\/script>/g;

// Forget every cached page, as the article importer does: the next request for a page renders it.
async function expireEverything(baseUrl: string): Promise<void> {
  const token = makeExpiryToken(e2eEnv.siteSecret());
  const response = await rawRequest(baseUrl, "/api/cache/expire", { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Length": "0" } });
  expect(response.status).toBe(204);
}

// What a reader receives, less what differs between two renders of the same data. The comment form's token is
// issued at each. React hands the page's data over in inline scripts, split where rendering happened to pause and
// numbered in the order its parts were ready, so the scripts' number and hashes (and the page's length and ETag)
// vary, and so do the rows' numbers and order; the rows themselves do not. The policy must name exactly the inline
// scripts' hashes.
function renderedContent(response: RawResponse) {
  const inline = [...response.body.matchAll(INLINE_SCRIPT)].filter(([, attributes]) => !/ (src|type)=/.test(attributes!));
  const hashes = inline.map(([, , script]) => `'sha256-${createHash("sha256").update(script!).digest("base64")}'`);
  const policy = String(response.headers["content-security-policy"]);
  expect(/script-src ([^;]*)/.exec(policy)?.[1]?.split(" ")).toEqual(["'self'", ...new Set(hashes)]);

  const pageData = inline
    .map(([, , script]) => /^self\.__next_f\.push\((\[1,".*"\])\)$/s.exec(script!)?.[1])
    .filter((data) => data !== undefined)
    .map((data) => (JSON.parse(data) as [number, string])[1])
    .join("");
  const rows = pageData
    .replace(FORM_TOKEN, "FORM-TOKEN")
    .split("\n")
    .filter(Boolean)
    .map((row) => row.replace(/^[0-9a-f]*:/, "").replace(/"\$[L@]?[0-9a-f]+(?::[^"]*)?"/g, '"$row"'))
    .sort();
  const { headers, ...rest } = sharedPart(response);
  const sameHeaders = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== "content-length" && name !== "etag"));
  return {
    ...rest,
    headers: { ...sameHeaders, "content-security-policy": policy.replace(/script-src [^;]*/, "script-src <inline scripts>") },
    body: response.body
      .replace(INLINE_SCRIPT, (script, attributes: string) => (/ (src|type)=/.test(attributes) ? script : ""))
      .replace(FORM_TOKEN, "FORM-TOKEN"),
    rows,
  };
}

// The front page (which the proxy rewrites to its route), an article and a section.
for (const path of ["/", SEED_ARTICLE_PATH, "/sections/international"]) {
  test(`${path}: a rendering for a request with hostile headers, cookies or queries is what every reader then gets`, async ({ baseURL }) => {
    await expireEverything(baseURL!);
    const reference = await rawRequest(baseURL!, path);
    expect([reference.status, reference.headers["x-nextjs-cache"]]).toEqual([200, "MISS"]);
    expect(reference.body).toContain("<h1");
    expect(reference.body).not.toMatch(/nonce-x|nonce="|evil\.test|gopher:/);

    let renderedByHostile = 0;
    for (const hostile of hostileRequests(path)) {
      const what = `${hostile.method ?? "GET"} ${hostile.path} ${JSON.stringify(hostile.headers)}`;
      await expireEverything(baseURL!);
      const sent = await rawRequest(baseURL!, hostile.path, hostile);
      // Other methods and spellings are refused or redirected; what is rendered is a read of the page itself.
      expect(sent.status, what).toBeLessThan(500);
      if (sent.status === 200) expect(hostile.method ?? "GET", what).toBe("GET");
      const received = await rawRequest(baseURL!, path);
      // A hostile request that rendered the shared page stored it: the next reader gets that very copy.
      if (sent.headers["x-nextjs-cache"] === "MISS") {
        renderedByHostile += 1;
        expect(received.headers["x-nextjs-cache"], what).toBe("HIT");
      }
      expect(renderedContent(received), what).toEqual(renderedContent(reference));
    }
    // The check means something only if the hostile reads did render the page the next reader received: all but
    // the router request (answered with the page's data) and, on an article, the one with a waiting comment's cookie.
    expect(renderedByHostile).toBeGreaterThanOrEqual(10);
  });
}
