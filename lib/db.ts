import "server-only";
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
