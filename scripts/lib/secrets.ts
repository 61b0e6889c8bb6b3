import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { DATA_DIR } from "./paths";

const SECRETS_FILE = path.join(DATA_DIR, "local-secrets.json");

export type LocalSecrets = { nextAuthSecret: string; demoModeratorPassword?: string };

// Secrets for a local install are generated on first start and kept in the git-ignored .data folder;
// a deployment passes them in the environment instead.
export async function loadLocalSecrets(): Promise<LocalSecrets> {
  if (existsSync(SECRETS_FILE)) return JSON.parse(await readFile(SECRETS_FILE, "utf8")) as LocalSecrets;
  const secrets: LocalSecrets = { nextAuthSecret: randomBytes(32).toString("base64url") };
  await saveLocalSecrets(secrets);
  return secrets;
}

export async function saveLocalSecrets(secrets: LocalSecrets): Promise<void> {
  await mkdir(DATA_DIR, { recursive: true });
  await writeFile(SECRETS_FILE, JSON.stringify(secrets, null, 2), { mode: 0o600 });
}

export function generatePassword(): string {
  return randomBytes(12).toString("base64url");
}
