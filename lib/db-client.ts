import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Interactive transactions (a moderator's decision, a reader's report) wait up to 10 s for one of the pool's
// connections. Prisma's default of 2 s is outlasted by a burst of decisions on a busy server, and each was then
// answered with a server error although it would have been done a moment later.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10_000 };

// A serving app gives up on a row or table lock held elsewhere after 2 s, and on any statement after 15 s: a reader
// is answered 503 with Retry-After rather than left waiting behind a migration, a long report or a stuck session.
// The command-line scripts (migrations, imports, retention) wait as long as their work needs.
const SERVING_TIMEOUTS = "-c lock_timeout=2s -c statement_timeout=15s";

// Shared by the app (through lib/db.ts) and by the command-line scripts, which run outside Next.js.
export function createPrismaClient(connectionString: string, { serving = false } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: 10, ...(serving ? { options: SERVING_TIMEOUTS } : {}) });
  return new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
}
