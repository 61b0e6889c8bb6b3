import { getCurrentStaff } from "@/lib/auth";
import { answerPhotoUpload } from "@/lib/staff/photo-upload";

// POST /api/newsroom/photos — the article editor's photo upload (see lib/staff/photo-upload.ts). Under /api/ because
// scripts/serve.mjs holds every other post to the 64 KB of a form, and the proxy never buffers these bodies.
// Answers (JSON, never cached): 200 { src, width, height } · 400 no single photo in the form · 401 not signed in
// 403 another site's page, or a member who does not write · 411 no Content-Length · 413 over 15 MB
// 415 not a JPEG, PNG or WebP (or not a form) · 422 a photo that cannot be read or has too many pixels · 429 too many
// from one member · 408 a body not arrived within 2 minutes · 503 two uploads already running on this server, or
// one of the same member's (Retry-After).
export async function POST(request: Request) {
  return answerPhotoUpload(request, getCurrentStaff);
}
