import "server-only";
import { headers } from "next/headers";
import { serverEnv } from "@/lib/env";
import { sign } from "@/lib/security/hmac";

// Set by scripts/serve.mjs from the socket (or the trusted proxies' X-Forwarded-For); a client cannot set it.
export const CLIENT_ADDRESS_HEADER = "x-client-address";

export async function currentClientAddress(): Promise<string> {
  return (await headers()).get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}

// A salted hash identifies a client for flood control and blocks without keeping its address. An IPv6 host
// usually has a whole /64 to itself, so that network, not the single address, is the client.
export function hashClientAddress(address: string): string {
  return sign("client-address", clientNetwork(address), serverEnv().NEXTAUTH_SECRET).slice(0, 22);
}

export function clientNetwork(address: string): string {
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group || "0", 16).toString(16))
    .join(":")}::/64`;
}
