import "server-only";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { mediaDir, STORED_PHOTO_NAME } from "./media-files";

// A temporary file of a store that never finished (the server stopped mid-write); see store-photo.ts.
const TEMPORARY_NAME = /^\.[0-9a-f]{16}\.tmp$/;

/**
 * Removes the stored photos last uploaded before `cutoff` that `inUse` does not name, and temporary files left from
 * before it. An upload is public the moment it is stored (the editor's preview shows it through the image optimizer,
 * which fetches without a session), so one that no article takes must not stay in the folder for good (copies
 * already fetched may live on in browsers and caches: an address never changes its content). `inUse` is asked once,
 * about the old photos only, after the folder was read: an article saved with one of them before then keeps it, and
 * a photo uploaded again before it goes is kept as new.
 * Returns how many files went.
 */
export async function removeUnusedPhotos(cutoff: Date, inUse: (names: string[]) => Promise<Set<string>>): Promise<number> {
  let names: string[];
  try {
    names = await readdir(mediaDir());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  const old: string[] = [];
  for (const name of names.filter((candidate) => STORED_PHOTO_NAME.test(candidate) || TEMPORARY_NAME.test(candidate))) {
    if (await isOlderThan(name, cutoff)) old.push(name);
  }
  const used = await inUse(old.filter((name) => STORED_PHOTO_NAME.test(name)));
  let removed = 0;
  for (const name of old.filter((candidate) => !used.has(candidate))) {
    // Uploaded again since it was looked at (the editor was just given its address): it is new once more.
    if (!(await isOlderThan(name, cutoff))) continue;
    await rm(path.join(mediaDir(), name), { force: true });
    removed++;
  }
  return removed;
}

async function isOlderThan(name: string, cutoff: Date): Promise<boolean> {
  const { mtime } = await stat(path.join(mediaDir(), name)).catch(() => ({ mtime: new Date() }));
  return mtime < cutoff;
}
