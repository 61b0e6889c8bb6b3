import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import sharp, { type Metadata } from "sharp";
import { MEDIA_PATH_PREFIX, mediaDir, storedPhotoName } from "./media-files";

// Limits on what an upload may be. The size is checked before anything is decoded; the pixel count bounds the
// memory a decoder needs, so a small file that claims a huge image (a decompression bomb) is refused unread.
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 100_000_000;
// Wider than any column the site shows a photo in at twice the pixel density; the image optimizer makes the
// smaller sizes from it.
export const MAX_PHOTO_SIDE = 2400;
const JPEG_QUALITY = 82;

export type StoredPhoto = { src: string; width: number; height: number };
export type PhotoUpload = { ok: true; photo: StoredPhoto } | { ok: false; reason: string };

// The formats a newsroom's photos come in, each known by the bytes it starts with. An upload is judged by its
// content alone: its name and the Content-Type the browser sent say nothing. Anything else (SVG, which can carry
// scripts, PDF, GIF, HTML) never reaches a decoder.
const ACCEPTED_FORMATS = [
  { format: "jpeg", matches: (bytes: Buffer) => bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) },
  { format: "png", matches: (bytes: Buffer) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { format: "webp", matches: (bytes: Buffer) => bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP" },
] as const;

/** The refusal of a file that is not a photo at all (not one that is damaged or too large). */
export const NOT_A_PHOTO = "The file is not a JPEG, PNG or WebP photo.";
const UNREADABLE = "The photo could not be read: the file is damaged or incomplete.";

// Stores an uploaded photo as the site serves it, or says why it cannot. The photo is decoded and encoded again:
// turned upright as its EXIF orientation says, scaled down to MAX_PHOTO_SIDE, converted to sRGB, and written
// without any metadata, so a camera's serial number or a GPS position never reaches readers.
export async function storePhoto(file: Blob): Promise<PhotoUpload> {
  if (file.size === 0) return { ok: false, reason: "The file is empty." };
  if (file.size > MAX_PHOTO_BYTES) return { ok: false, reason: `The file is larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB.` };
  const encoded = await encode(Buffer.from(await file.arrayBuffer()));
  if (!encoded.ok) return encoded;
  const name = storedPhotoName(createHash("sha256").update(encoded.data).digest("hex"));
  await storeOnce(name, encoded.data);
  return { ok: true, photo: { src: `${MEDIA_PATH_PREFIX}${name}`, width: encoded.width, height: encoded.height } };
}

type Encoded = { ok: true; data: Buffer; width: number; height: number } | { ok: false; reason: string };

async function encode(input: Buffer): Promise<Encoded> {
  const claimed = ACCEPTED_FORMATS.find(({ matches }) => matches(input));
  if (!claimed) return { ok: false, reason: NOT_A_PHOTO };
  let header: Metadata;
  try {
    // The header only, with no limit of sharp's own, so that a photo too large is refused with the message below;
    // the decoder enforces the limit again.
    header = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, reason: UNREADABLE };
  }
  if (header.format !== claimed.format) return { ok: false, reason: NOT_A_PHOTO };
  if (header.width * header.height > MAX_PHOTO_PIXELS) {
    return { ok: false, reason: `The photo has more than ${MAX_PHOTO_PIXELS / 1_000_000} million pixels.` };
  }
  try {
    // JPEG rather than WebP: the stored file is also what feeds, social cards and structured data point to, and
    // every reader of those takes JPEG; pages get AVIF or WebP from the image optimizer anyway. Transparent parts of
    // a PNG or WebP become white, as on the page. failOn "warning" refuses a truncated or damaged file rather than
    // storing a partly grey photo; limitInputPixels holds the decoder to the limit above whatever the header said.
    const { data, info } = await sharp(input, { failOn: "warning", limitInputPixels: MAX_PHOTO_PIXELS })
      .autoOrient()
      .resize({ width: MAX_PHOTO_SIDE, height: MAX_PHOTO_SIDE, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" })
      .toColourspace("srgb")
      // sharp writes no EXIF, XMP, IPTC or ICC profile unless asked to (withMetadata, keepExif, …): none is asked for.
      .jpeg({ quality: JPEG_QUALITY, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, data, width: info.width, height: info.height };
  } catch {
    return { ok: false, reason: UNREADABLE };
  }
}

// Writes the photo under its name unless that photo is stored already. It is written to a temporary name first
// and renamed into place, so the name never shows a half-written file; on failure the temporary file is removed.
// Temporary names start with "." and never match a stored photo's name, so they are never served.
async function storeOnce(name: string, data: Buffer): Promise<void> {
  const dir = mediaDir();
  const target = path.join(dir, name);
  // Uploaded again: it counts as new for the removal of unused photos (lib/media/unused-photos.ts). Removed by that
  // job between the look and the touch, it is written again below.
  if (await exists(target)) {
    try {
      return await utimes(target, new Date(), new Date());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  await mkdir(dir, { recursive: true });
  const temporary = path.join(dir, `.${randomBytes(8).toString("hex")}.tmp`);
  try {
    const handle = await open(temporary, "wx");
    try {
      await handle.writeFile(data);
      // On disk before the name points at it, so a crash cannot leave the name on an empty file.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
