import "server-only";
import { listPhotosInUse } from "@/lib/data/newsroom/photo-references";
import { removeUnusedPhotos } from "@/lib/media/unused-photos";

// How long an uploaded photo waits for an article to be saved with it: a working day and a night, so that a photo
// uploaded in the evening for the morning's story is still there.
export const UNUSED_PHOTO_HOURS = 24;

// The scheduled run: photos uploaded in the editor but never saved with an article are removed once a day old.
export async function sweepUnusedPhotos(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNUSED_PHOTO_HOURS * 3600_000);
  const removed = await removeUnusedPhotos(cutoff, listPhotosInUse);
  if (removed > 0) console.log(JSON.stringify({ level: "info", job: "unused-photos", removed, time: now.toISOString() }));
  return removed;
}
