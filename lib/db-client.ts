import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Interactive transactions (a moderator's decision, a reader's report) wait up to 10 s for one of the pool's
// connections. Prisma's default of 2 s is outlasted by a burst of decisions on a busy server, and each was then
// answered with a server error although it would have been done a moment later.
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10_000 };

// Shared by the app (through lib/db.ts) and by the command-line scripts, which run outside Next.js.
export function createPrismaClient(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }), transactionOptions: TRANSACTION_OPTIONS });
}
