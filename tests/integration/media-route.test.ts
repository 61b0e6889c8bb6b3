import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The route that serves stored photos, called as Next.js calls it, over a media folder of the test's own.
let mediaDir: string;

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(tmpdir(), "media-"));
  vi.stubEnv("MEDIA_DIR", mediaDir);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(mediaDir, { recursive: true, force: true });
});

async function get(file: string): Promise<Response> {
  const { GET } = await import("@/app/media/[file]/route");
  return GET(new Request(`http://localhost/media/${encodeURIComponent(file)}`), { params: Promise.resolve({ file }) });
}

describe("GET /media/:file", () => {
  it("serves a stored photo as a JPEG that browsers keep for a year and never sniff", async () => {
    const { storePhoto } = await import("@/lib/media/store-photo");
    const upload = await sharp({ create: { width: 320, height: 200, channels: 3, background: "#336699" } })
      .png()
      .toBuffer();
    const stored = await storePhoto(new File([upload], "photo.png"));
    if (!stored.ok) throw new Error(stored.reason);
    const name = path.basename(stored.photo.src);

    const response = await get(name);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/jpeg",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(await readFile(path.join(mediaDir, name)))).toBe(true);
  });

  it("answers 404 for any name that is not a stored photo's, and never reads outside the media folder", async () => {
    const hash = "a".repeat(64);
    // Files in the folder that are not stored photos: a temporary file, and one a person put there.
    await writeFile(path.join(mediaDir, `.${hash}.tmp`), "half a photo");
    await writeFile(path.join(mediaDir, "notes.txt"), "not a photo");
    await writeFile(path.join(mediaDir, `${hash}.svg`), "<svg/>");
    for (const file of [
      `${hash}.jpg`,
      `${hash.toUpperCase()}.jpg`,
      `${hash}.svg`,
      `${hash}.jpg.txt`,
      `.${hash}.tmp`,
      "notes.txt",
      "../package.json",
      `../${hash}.jpg`,
      "..%2Fpackage.json",
      "/etc/passwd",
      `${hash}.jpg\0`,
      "",
    ]) {
      const response = await get(file);
      expect(response.status, file).toBe(404);
      expect(response.headers.get("content-type"), file).toBe("text/plain; charset=utf-8");
    }
  });
});
