import "server-only";
import { createHmac } from "node:crypto";
import { headers } from "next/headers";
import { serverEnv } from "@/lib/env";

// Set by scripts/serve.mjs from the socket (or the trusted proxies' X-Forwarded-For); a client cannot set it.
const CLIENT_ADDRESS_HEADER = "x-client-address";

export async function currentClientAddress(): Promise<string> {
  return (await headers()).get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

// A salted hash identifies a client for flood control and blocks without keeping its address.
export function hashClientAddress(address: string): string {
  return createHmac("sha256", `client-address:${serverEnv().NEXTAUTH_SECRET}`).update(address).digest("base64url").slice(0, 22);
}
