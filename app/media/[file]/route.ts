import { readStoredPhoto, STORED_PHOTO_TYPE } from "@/lib/media/media-files";

// GET /media/:file — a photo stored by lib/media/store-photo.ts. Its name is the hash of its content, so the
// answer never changes and browsers and caches may keep it for a year without asking again. Any other name, and
// any path that tries to leave the media folder, is not found.
export async function GET(_request: Request, context: { params: Promise<{ file: string }> }) {
  const photo = await readStoredPhoto((await context.params).file);
  if (!photo) return new Response("Not found.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(photo, {
    headers: {
      "Content-Type": STORED_PHOTO_TYPE,
      "Content-Length": String(photo.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
