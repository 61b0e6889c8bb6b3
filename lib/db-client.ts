import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Interactive transactions (a moderator's decision, a reader's report) wait up to 10 s for one of the pool's
// connections. Prisma's default of 2 s is outlasted by a burst of decisions on a busy server, and each was then
// answered with a server error although it would have been done a moment later.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10_000 };

// A serving app gives up on a row or table lock held elsewhere after 2 s, and on any statement after 15 s: a reader
// is answered 503 with Retry-After rather than left waiting behind a migration, a long report or a stuck session.
// The command-line scripts (migrations, imports, retention) wait as long as their work needs.
const SERVING_TIMEOUTS = "-c lock_timeout=2s -c statement_timeout=15s";

/** The connections of one process: Prisma's and the rate limiter's (lib/db.ts). */
export function createPool(connectionString: string, { serving = false } = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 10, ...(serving ? { options: SERVING_TIMEOUTS } : {}) });
  // An idle connection the server ends (a restart, a failover) is dropped from the pool, not thrown at the process;
  // the next query opens a new one or fails with its own error.
  pool.on("error", () => {});
  return pool;
}

// Shared by the app (through lib/db.ts) and by the command-line scripts, which run outside Next.js.
export function createPrismaClient(source: string | pg.Pool, { serving = false } = {}): PrismaClient {
  // A pool made here is the client's own and ends with it; one passed in is its owner's.
  const owned = typeof source === "string";
  const adapter = new PrismaPg(owned ? createPool(source, { serving }) : source, { disposeExternalPool: owned });
  return new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
}
