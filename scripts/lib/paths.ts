import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const DATA_DIR = path.join(ROOT, ".data");

// Started with node directly (not through npx) so signals reach the server itself.
export const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
