import { connection } from "next/server";
import { checkExpiryToken, EXPIRY_TOKEN_SECONDS } from "@/lib/cache/expiry-token";
import { expireWholeSite } from "@/lib/cache-expiry";
import { spendLink, spentLinkHash } from "@/lib/data/site/spent-links";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";

// POST /api/cache/expire with "Authorization: Bearer <token>" (lib/cache/expiry-token.ts): every public page is
// forgotten, here, in the shared cache and at the edge. The article importer calls it after a change; 204 when
// done, 401 for anything not signed with the site's secret, too old, or used before (each token works once).
export async function POST(request: Request) {
  await connection();
  const headers = { "Cache-Control": "no-store" };
  const token = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  const signature = checkExpiryToken(token, serverEnv().NEXTAUTH_SECRET);
  const spent =
    signature !== null && (await getDb().$transaction((tx) => spendLink(tx, spentLinkHash(signature), new Date(Date.now() + EXPIRY_TOKEN_SECONDS * 1000))));
  if (!spent) {
    return Response.json({ error: "Not signed with this site's secret, too old, or used already." }, { status: 401, headers });
  }
  expireWholeSite();
  return new Response(null, { status: 204, headers });
}
