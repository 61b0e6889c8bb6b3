import "server-only";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { mediaDir, STORED_PHOTO_NAME } from "./media-files";

// A temporary file of a store that never finished (the server stopped mid-write); see store-photo.ts.
const TEMPORARY_NAME = /^\.[0-9a-f]{16}\.tmp$/;

/**
 * Removes the stored photos that are not in `used` (and, asked once more just before, still unused) and were last
 * uploaded before `cutoff`, and temporary files left from before it. An upload is public the moment it is stored
 * (the editor's preview shows it through the image optimizer, which fetches without a session), so one that no
 * article takes must not stay in the folder for good (copies already fetched may live on in browsers and caches:
 * an address never changes its content). Returns how many files went.
 */
export async function removeUnusedPhotos(used: Set<string>, cutoff: Date, isUsed: (name: string) => Promise<boolean>): Promise<number> {
  let names: string[];
  try {
    names = await readdir(mediaDir());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    const unused = STORED_PHOTO_NAME.test(name) ? !used.has(name) : TEMPORARY_NAME.test(name);
    if (!unused) continue;
    const file = path.join(mediaDir(), name);
    const { mtime } = await stat(file).catch(() => ({ mtime: new Date() }));
    if (mtime >= cutoff) continue;
    // Asked again at the last moment: an article saved with the photo since the list was read keeps it.
    if (STORED_PHOTO_NAME.test(name) && (await isUsed(name))) continue;
    await rm(file, { force: true });
    removed++;
  }
  return removed;
}
