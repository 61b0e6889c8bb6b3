import { connection } from "next/server";
import { isValidExpiryToken } from "@/lib/cache/expiry-token";
import { expireWholeSite } from "@/lib/cache-expiry";
import { serverEnv } from "@/lib/env";

// POST /api/cache/expire with "Authorization: Bearer <token>" (lib/cache/expiry-token.ts): every public page is
// forgotten, here, in the shared cache and at the edge. The article importer calls it after a change; 204 when
// done, 401 for anything not signed with the site's secret.
export async function POST(request: Request) {
  await connection();
  const headers = { "Cache-Control": "no-store" };
  const token = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!isValidExpiryToken(token, serverEnv().NEXTAUTH_SECRET)) {
    return Response.json({ error: "Not signed with this site's secret, or too old." }, { status: 401, headers });
  }
  expireWholeSite();
  return new Response(null, { status: 204, headers });
}
