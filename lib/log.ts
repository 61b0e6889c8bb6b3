import "server-only";
import { randomUUID } from "node:crypto";

// Internal errors are logged with an id the reader can quote; the log never carries what a commenter typed.
export function logError(context: string, error: unknown): string {
  const errorId = randomUUID().slice(0, 8);
  const detail = error instanceof Error ? { name: error.name, code: (error as { code?: unknown }).code } : { name: typeof error };
  console.error(JSON.stringify({ level: "error", errorId, context, ...detail, time: new Date().toISOString() }));
  return errorId;
}
