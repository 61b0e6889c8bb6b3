import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 hashes with argon2id by default (OWASP's recommended parameters: 19 MiB, 2 passes).
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Spent on unknown emails too, so a sign-in takes as long whether or not the account exists.
let dummyHash: Promise<string> | undefined;
export async function spendPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password");
  await verifyPassword(await dummyHash, password);
}
