import "server-only";
import { consumeRateLimit, resetRateLimit, rewardRateLimit } from "@/lib/rate-limit";

// Password guessing is slowed before any password is checked (each check costs an argon2 hash): five tries per
// account from one client, fifty per account from anywhere, twenty per client, in a quarter of an hour. Points are
// taken up front, so parallel guesses are counted too, and given back on success, so staff signing in often are
// never locked out. Keying the strict limit on account and client keeps a stranger from locking a colleague out.
const WINDOW_SECONDS = 15 * 60;
const LIMITS = { "sign-in-account-client": 5, "sign-in-account": 50, "sign-in-client": 20 } as const;

function keys(email: string, clientHash: string): [keyof typeof LIMITS, string][] {
  const account = email.trim().toLowerCase();
  return [
    ["sign-in-account-client", `${account}|${clientHash}`],
    ["sign-in-account", account],
    ["sign-in-client", clientHash],
  ];
}

export async function takeSignInAttempt(email: string, clientHash: string): Promise<boolean> {
  let allowed = true;
  for (const [name, key] of keys(email, clientHash)) {
    if ((await consumeRateLimit(name, [key], LIMITS[name], WINDOW_SECONDS)) > 0) allowed = false;
  }
  return allowed;
}

export async function forgiveSignInAttempt(email: string, clientHash: string): Promise<void> {
  for (const [name, key] of keys(email, clientHash)) {
    if (name === "sign-in-account-client") await resetRateLimit(name, key, LIMITS[name], WINDOW_SECONDS);
    else await rewardRateLimit(name, key, LIMITS[name], WINDOW_SECONDS);
  }
}
