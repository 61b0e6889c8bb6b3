import { request as httpRequest, type IncomingHttpHeaders } from "node:http";

export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: string };

// A request sent exactly as written: no client library resolves dot segments, merges headers or adds cookies.
// Each goes on a connection of its own: a server that refused a body before reading it all may close a connection
// the client would otherwise reuse, and reset the next request sent on it.
export function rawRequest(
  baseUrl: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string[] } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(baseUrl, { path, method: options.method ?? "GET", headers: options.headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    }).on("error", reject);
    // Several body parts without a Content-Length go out chunked.
    for (const part of options.body ?? []) outgoing.write(part);
    outgoing.end();
  });
}

export type HostileRequest = { path: string; method?: string; headers: Record<string, string> };

// What one reader may send to a shared page hoping that another reader receives something of it: a policy whose
// nonce Next.js would adopt, another host, router headers, odd cookies, made-up queries, other methods and spellings.
export function hostileRequests(path: string): HostileRequest[] {
  return [
    { path, headers: { "Content-Security-Policy": "script-src 'nonce-x'" } },
    { path, headers: { "Content-Security-Policy-Report-Only": "script-src 'nonce-x'" } },
    { path, headers: { "X-Forwarded-Host": "evil.test", "X-Forwarded-Proto": "gopher", Forwarded: "host=evil.test" } },
    // A router state as the site's own prefetches send it, and one Next.js's validator refuses (answered 400).
    { path, headers: { rsc: "1", "next-router-state-tree": "%5B%22%22%2C%7B%7D%2Cnull%2C%22metadata-only%22%5D", "next-router-prefetch": "1" } },
    { path, headers: { rsc: "1", "next-router-state-tree": "%5B%22%22%5D" } },
    { path, headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy", "x-invoke-path": "/admin" } },
    { path, headers: { Cookie: "theme=dark; next-auth.session-token=forged; pending_comments=forged.value" } },
    // The edge's own headers: which instance failed, which keys to purge.
    { path, headers: { "X-Failed-Backend": "app2", "xkey-purge": "site" } },
    { path: `${path}?utm_source=x&cpage=%00&corder=<script>&_rsc=abc`, headers: {} },
    // The router's cache-busting marker, made up, repeated, or with a router header Next.js does not count as one.
    { path: `${path}?_rsc=made-up&utm_source=x`, headers: { rsc: "1" } },
    { path: `${path}?_rsc=&_rsc=made-up`, headers: { rsc: "1" } },
    { path: `${path}?_rsc=made-up`, headers: { rsc: "0" } },
    { path: `${path}?&&&`, headers: {} },
    // Methods that are neither a read nor a server action.
    { path: `${path}?utm_source=put`, method: "PUT", headers: { "Content-Length": "0" } },
    { path: `${path}?utm_source=post`, method: "POST", headers: { "Content-Type": "text/plain", "Content-Length": "0" } },
    { path: `${path}?utm_source=post`, method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "Content-Length": "0" } },
    // The absolute form of a request's address, which proxies are sent.
    { path: `http://localhost${path}?utm_source=absolute`, headers: {} },
    { path: `${path}/`, headers: {} },
    { path: path.toUpperCase(), headers: {} },
    { path: `${path}%2F`, headers: {} },
  ];
}

// Headers that differ between two sends of the same stored page.
const PER_RESPONSE = new Set(["date", "age", "x-varnish", "x-cache", "connection", "keep-alive", "via", "x-nextjs-cache"]);

export function sharedPart(response: RawResponse): { status: number; headers: Record<string, unknown>; body: string } {
  const headers = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !PER_RESPONSE.has(name)));
  return { status: response.status, headers, body: response.body };
}
