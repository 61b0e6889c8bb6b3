import "server-only";
import { consumeRateLimit, resetRateLimit, rewardRateLimit } from "@/lib/rate-limit";

// Password guessing is slowed before any password is checked (each check costs an argon2 hash): five tries per
// account from one client, twenty per client, fifty per account from anywhere, in a quarter of an hour. Points are
// taken up front, so parallel guesses are counted too, and given back on success, so staff signing in often are
// never locked out. Keying the strict limit on account and client keeps a stranger from locking a colleague out;
// and the account's own limit is charged only for tries the client's limits let through, so one client can spend
// at most five of an account's fifty. A database crash or failover empties the counters (lib/rate-limit.ts keeps
// them in an unlogged table): guessing starts again from nothing then, which a quarter of an hour allows anyway.
const WINDOW_SECONDS = 15 * 60;
const LIMITS = { "sign-in-account-client": 5, "sign-in-account": 50, "sign-in-client": 20 } as const;

type Limit = keyof typeof LIMITS;

// Each limit's key for this try: the client's own two first, the account's last.
function keys(email: string, clientHash: string): Record<Limit, string> {
  const account = email.trim().toLowerCase();
  return { "sign-in-account-client": `${account}|${clientHash}`, "sign-in-client": clientHash, "sign-in-account": account };
}

const take = async (name: Limit, key: string) => (await consumeRateLimit(name, [key], LIMITS[name], WINDOW_SECONDS)) === 0;

export async function takeSignInAttempt(email: string, clientHash: string): Promise<boolean> {
  const key = keys(email, clientHash);
  // Both of the client's own limits are charged, so a client over one of them still counts against the other.
  const accountClientAllowed = await take("sign-in-account-client", key["sign-in-account-client"]);
  const clientAllowed = await take("sign-in-client", key["sign-in-client"]);
  return accountClientAllowed && clientAllowed && (await take("sign-in-account", key["sign-in-account"]));
}

export async function forgiveSignInAttempt(email: string, clientHash: string): Promise<void> {
  for (const [name, key] of Object.entries(keys(email, clientHash)) as [Limit, string][]) {
    if (name === "sign-in-account-client") await resetRateLimit(name, key, LIMITS[name], WINDOW_SECONDS);
    else await rewardRateLimit(name, key, LIMITS[name], WINDOW_SECONDS);
  }
}
