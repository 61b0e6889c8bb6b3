import "server-only";
import { consumeRateLimit, peekRateLimit, resetRateLimit } from "@/lib/rate-limit";

// Password guessing is slowed per account and per client: five failures per account and twenty per client in a
// quarter of an hour, after which no password is checked at all (each check costs an argon2 hash). Only failures
// count, so staff signing in often from one office are never locked out.
const WINDOW_SECONDS = 15 * 60;
const PER_ACCOUNT = 5;
const PER_CLIENT = 20;

const accountKey = (email: string) => email.trim().toLowerCase();

export async function mayTrySignIn(email: string, clientHash: string): Promise<boolean> {
  const [account, client] = await Promise.all([
    peekRateLimit("sign-in-account", accountKey(email), PER_ACCOUNT, WINDOW_SECONDS),
    peekRateLimit("sign-in-client", clientHash, PER_CLIENT, WINDOW_SECONDS),
  ]);
  return account < PER_ACCOUNT && client < PER_CLIENT;
}

export async function recordSignInFailure(email: string, clientHash: string): Promise<void> {
  await consumeRateLimit("sign-in-account", [accountKey(email)], PER_ACCOUNT, WINDOW_SECONDS);
  await consumeRateLimit("sign-in-client", [clientHash], PER_CLIENT, WINDOW_SECONDS);
}

export async function forgetSignInFailures(email: string): Promise<void> {
  await resetRateLimit("sign-in-account", accountKey(email), PER_ACCOUNT, WINDOW_SECONDS);
}
