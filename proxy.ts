import { NextResponse, type NextRequest } from "next/server";
import { currentSlugFor } from "@/lib/data/slug-redirects";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";

const ARTICLE_PATH = /^\/articles\/([a-z0-9-]{1,200})$/;

// An address that is not valid percent-encoding is the client's mistake: answer 400, not a server error. An old
// article address is answered with a permanent (301) redirect to the current one, keeping links and search rankings.
// Every other response gets a Content-Security-Policy with a fresh nonce, which Next.js puts on its own scripts.
// Authorization is never decided here; every page, action and route checks the staff member itself.
export async function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("Bad request: the address is not valid.", { status: 400, headers: { "Content-Type": "text/plain" } });
  }
  const article = ARTICLE_PATH.exec(request.nextUrl.pathname);
  if (article && request.method === "GET") {
    const current = await currentSlugFor(article[1]!);
    if (current && current !== article[1]) {
      const target = request.nextUrl.clone();
      target.pathname = `/articles/${current}`;
      return NextResponse.redirect(target, 301);
    }
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = { matcher: "/((?!_next/static|_next/image|images/).*)" };
