import "server-only";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { serverEnv } from "@/lib/env";
import { BodyTooLarge, BodyTooSlow, readBytesWithLimit } from "@/lib/http/read-body";
import { MAX_PHOTO_BYTES, NOT_A_PHOTO, storePhoto } from "@/lib/media/store-photo";
import { consumeRateLimit } from "@/lib/rate-limit";
import { can } from "@/lib/staff/capabilities";

// The article editor's photo upload (POST /api/newsroom/photos, a multipart form with one `photo` file). A photo is
// far larger than a server action may be (64 KB), so it has a route of its own, which checks here what the action
// guards check for a form, in this order: a post from this site's own pages, a signed-in member who may write, a
// body that says its length and is within the limit, room among the uploads running now, the member's upload rate,
// and only then reads the body, counting it as it arrives. The answer is JSON, never cached: { src, width, height } of the stored photo, or { error }.

// The largest photo, and room for the form's boundary and headers around it.
export const MAX_UPLOAD_BYTES = MAX_PHOTO_BYTES + 64 * 1024;

// Each upload is decoded and encoded again, which costs seconds of a core for a large photo: enough for a busy day's
// photo desk, not for a stolen session to keep the server busy.
const UPLOADS = { name: "photo-upload", points: 60, durationSeconds: 15 * 60 };

// Uploads this server takes at once, from the first byte read to the photo stored: each holds up to 15 MB of body and
// a decoder's memory for up to 100 million pixels, so a few at a time bound the memory and keep a core free for
// readers. One more is answered 503 with Retry-After (the editor tries again on its own), not queued.
// A member has one upload running at a time, and its body must arrive within two minutes (15 MB at 1 Mbit/s), so
// that no single account, on a slow line or a stolen session, holds the server's places for long.
export const MAX_UPLOADS_AT_ONCE = 2;
export const UPLOAD_BODY_SECONDS = 120;
const BUSY_RETRY_SECONDS = 3;
const uploadingMembers = new Set<number>();

function answer(status: number, body: object, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

const refuse = (status: number, error: string, headers?: Record<string, string>) => answer(status, { error }, headers);

// Browsers send Origin with every POST from a script; its absence means another program, and another site's page
// would name itself. The session cookie alone proves nothing about which page sent the request.
function sentFromThisSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  try {
    const host = new URL(origin).host;
    return host === request.headers.get("host") || host === new URL(serverEnv().SITE_URL).host;
  } catch {
    return false;
  }
}

export async function answerPhotoUpload(request: Request, currentStaff: () => Promise<StaffIdentity | null>): Promise<Response> {
  if (!sentFromThisSite(request)) return refuse(403, "Photos can be uploaded only from this site's own pages.");
  const staff = await currentStaff();
  if (!staff) return refuse(401, "Please sign in again to upload photos.");
  if (!can(staff.role, "write")) return refuse(403, "Only the newsroom's writers and editors upload photos.");
  if (request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() !== "multipart/form-data") {
    return refuse(415, "Send the photo as a form (multipart/form-data).");
  }
  // Browsers say a file upload's length; one that does not (chunked) could be judged only by reading it.
  const declared = request.headers.get("content-length");
  if (declared === null || !/^\d+$/.test(declared)) return refuse(411, "The upload must say its length.");
  if (Number(declared) > MAX_UPLOAD_BYTES) return refuse(413, `The photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`);
  const busy = uploadingMembers.has(staff.id)
    ? "Your previous photo is still uploading. Try again in a few seconds."
    : uploadingMembers.size >= MAX_UPLOADS_AT_ONCE
      ? "The server is busy with other photos. Try again in a few seconds."
      : null;
  if (busy) return refuse(503, busy, { "Retry-After": String(BUSY_RETRY_SECONDS) });
  uploadingMembers.add(staff.id);
  try {
    return await receivePhoto(request, staff);
  } finally {
    uploadingMembers.delete(staff.id);
  }
}

async function receivePhoto(request: Request, staff: StaffIdentity): Promise<Response> {
  const wait = await consumeRateLimit(UPLOADS.name, [String(staff.id)], UPLOADS.points, UPLOADS.durationSeconds);
  if (wait > 0) return refuse(429, "Too many photos uploaded in a short time. Please wait a few minutes.", { "Retry-After": String(wait) });

  let bytes: Buffer;
  try {
    // Counted as it arrives: a body longer than it said is cut off at the limit, not read to its end.
    bytes = await readBytesWithLimit(request, MAX_UPLOAD_BYTES, UPLOAD_BODY_SECONDS * 1000);
  } catch (error) {
    if (error instanceof BodyTooLarge) return refuse(413, `The photo is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`);
    if (error instanceof BodyTooSlow) return refuse(408, "The photo took too long to arrive. Please try again on a faster connection.");
    throw error;
  }
  let photo: FormDataEntryValue[];
  try {
    const form = await new Response(new Uint8Array(bytes), { headers: { "Content-Type": request.headers.get("content-type")! } }).formData();
    photo = form.getAll("photo");
  } catch {
    return refuse(400, "The upload was not understood. Please choose the photo again.");
  }
  const file = photo[0];
  if (photo.length !== 1 || typeof file === "string" || file === undefined) return refuse(400, "Choose one photo to upload.");

  const stored = await storePhoto(file);
  if (!stored.ok) return refuse(stored.reason === NOT_A_PHOTO ? 415 : 422, stored.reason);
  return answer(200, stored.photo);
}
