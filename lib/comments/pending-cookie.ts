import { cookies } from "next/headers";
import { serverEnv } from "@/lib/env";
import { isValidSignature, sign } from "@/lib/security/hmac";
import { PENDING_COOKIE_NAME } from "./pending-cookie-name.mjs";

// A commenter's own comments are remembered in a signed cookie that holds only comment ids, so the article page can
// show them "awaiting moderation" (or refused, with the moderator's reason) to their author and to nobody else. The ids are useless to anyone else:
// a forged or edited cookie fails the signature check.
export { PENDING_COOKIE_NAME };
export const PENDING_COOKIE_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;
const MAX_REMEMBERED = 20;

type Payload = { ids: number[]; exp: number };

const PURPOSE = "pending-comments";

export function encodePendingCookie(ids: readonly number[], secret: string, now = Date.now()): string {
  const payload: Payload = { ids: ids.slice(-MAX_REMEMBERED), exp: Math.floor(now / 1000) + PENDING_COOKIE_MAX_AGE_SECONDS };
  const data = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${data}.${sign(PURPOSE, data, secret)}`;
}

export function decodePendingCookie(value: string | undefined, secret: string, now = Date.now()): number[] {
  if (!value || value.length > 2048) return [];
  const [data, signature, extra] = value.split(".");
  if (!data || !signature || extra !== undefined) return [];
  if (!isValidSignature(PURPOSE, data, signature, secret)) return [];
  try {
    const payload = JSON.parse(Buffer.from(data, "base64url").toString("utf8")) as Partial<Payload>;
    if (typeof payload.exp !== "number" || payload.exp * 1000 < now || !Array.isArray(payload.ids)) return [];
    return payload.ids.filter((id): id is number => Number.isSafeInteger(id) && id > 0);
  } catch {
    return [];
  }
}

export function addPendingId(existing: readonly number[], id: number): number[] {
  return [...existing.filter((known) => known !== id), id];
}

/** The ids of this reader's own recent comments, from the request's cookie; none when it is missing or forged. */
export async function readOwnPendingIds(): Promise<number[]> {
  return decodePendingCookie((await cookies()).get(PENDING_COOKIE_NAME)?.value, serverEnv().NEXTAUTH_SECRET);
}

/** Adds a comment this reader has just sent to the cookie (in a server action, which may set cookies). */
export async function rememberOwnPendingId(id: number): Promise<void> {
  const { NEXTAUTH_SECRET, SITE_URL } = serverEnv();
  const jar = await cookies();
  const known = decodePendingCookie(jar.get(PENDING_COOKIE_NAME)?.value, NEXTAUTH_SECRET);
  jar.set(PENDING_COOKIE_NAME, encodePendingCookie(addPendingId(known, id), NEXTAUTH_SECRET), {
    httpOnly: true,
    sameSite: "lax",
    secure: SITE_URL.startsWith("https:"),
    path: "/",
    maxAge: PENDING_COOKIE_MAX_AGE_SECONDS,
  });
}
