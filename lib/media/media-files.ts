import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { serverEnv } from "@/lib/env";

// A stored photo is named by the SHA-256 of its bytes, so a name always means the same content (it can be cached
// for good) and the same photo uploaded twice is one file. Every stored photo is a JPEG (see store-photo.ts).
// Nothing but such a name is ever read from the media folder: no other file there, and no path outside it.
export const STORED_PHOTO_NAME = /^[0-9a-f]{64}\.jpg$/;
export const STORED_PHOTO_TYPE = "image/jpeg";

// The address a stored photo is served at (app/media/[file]/route.ts), as Article.imageSrc holds it.
export const MEDIA_PATH_PREFIX = "/media/";

export function storedPhotoName(sha256Hex: string): string {
  return `${sha256Hex}.jpg`;
}

export function mediaDir(): string {
  return serverEnv().MEDIA_DIR;
}

// A stored photo's bytes, or null when the name is not a stored photo's or no such photo is stored.
export async function readStoredPhoto(name: string): Promise<Buffer<ArrayBuffer> | null> {
  if (!STORED_PHOTO_NAME.test(name)) return null;
  try {
    return await readFile(path.join(mediaDir(), name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

// The size of a stored photo, read from its header, or null when the address is not a stored photo's (a saved
// article names its photo's size, and that size is the file's, whatever a form said).
export async function storedPhotoSize(src: string): Promise<{ width: number; height: number } | null> {
  const name = src.startsWith(MEDIA_PATH_PREFIX) ? src.slice(MEDIA_PATH_PREFIX.length) : "";
  if (!STORED_PHOTO_NAME.test(name)) return null;
  try {
    const { width, height } = await sharp(path.join(mediaDir(), name)).metadata();
    return { width, height };
  } catch {
    // No such file (or not one sharp reads, which a stored photo always is).
    return null;
  }
}
