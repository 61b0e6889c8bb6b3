import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { BodyTooLarge, readBodyWithLimit } from "@/lib/http/read-body";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// A sign-in form holds an email address, a password and a token or two: anything near this size is not one.
const MAX_BODY_BYTES = 8 * 1024;

// Options are built per request because they read the secret from the environment, which `next build` lacks.
async function handler(request: Request, context: RouteContext) {
  return NextAuth(request as never, context as never, authOptions());
}

// The body is read here, counted as it arrives, before next-auth reads all of it whatever its size.
async function post(request: Request, context: RouteContext) {
  let body: string;
  try {
    body = await readBodyWithLimit(request, MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    return Response.json({ error: "That request is too large." }, { status: 413, headers: { "Cache-Control": "no-store" } });
  }
  // The body is now a string of known length: framing headers of the original would describe another body.
  const headers = new Headers(request.headers);
  headers.delete("content-length");
  headers.delete("transfer-encoding");
  // next-auth reads the query from a NextRequest's nextUrl.
  return handler(new NextRequest(request.url, { method: "POST", headers, body }), context);
}

export { handler as GET, post as POST };
