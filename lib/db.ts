import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import { createPool, createPrismaClient } from "@/lib/db-client";
import { serverEnv } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const globalForDb = globalThis as unknown as { prisma?: PrismaClient; pool?: pg.Pool };

// One pool of connections per process, created lazily so that importing this module never needs the database.
// Prisma queries through it; so does the rate limiter, whose one statement needs none of Prisma's work.
export function getPool(): pg.Pool {
  globalForDb.pool ??= createPool(serverEnv().DATABASE_URL, { serving: true });
  return globalForDb.pool;
}

export function getDb(): PrismaClient {
  globalForDb.prisma ??= createPrismaClient(getPool());
  return globalForDb.prisma;
}

/**
 * A statement each connection of the pool prepares once. Its name carries a digest of its text: the pool outlives a
 * reload in development, and a connection refuses a known name given another text.
 */
export function preparedStatement(name: string, text: string): { name: string; text: string } {
  return { name: `${name}-${createHash("sha256").update(text).digest("hex").slice(0, 12)}`, text };
}
