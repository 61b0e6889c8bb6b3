import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { crc32 } from "node:zlib";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// Photos made here with sharp itself, then stored in a media folder of the test's own.
let mediaDir: string;

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(tmpdir(), "media-"));
  vi.stubEnv("MEDIA_DIR", mediaDir);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(mediaDir, { recursive: true, force: true });
});

afterEach(() => {
  vi.doUnmock("node:fs/promises");
  vi.resetModules();
});

async function storePhoto(file: Blob) {
  return (await import("@/lib/media/store-photo")).storePhoto(file);
}

async function listing(): Promise<string[]> {
  return (await readdir(mediaDir)).sort();
}

async function stored(src: string): Promise<Buffer> {
  expect(src).toMatch(/^\/media\/[0-9a-f]{64}\.jpg$/);
  return readFile(path.join(mediaDir, path.basename(src)));
}

// Noise, so that the encoded file is large enough to cut short, and not two photos alike.
function noise(width: number, height: number) {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } });
}

// What a camera writes: its make, model and serial number, and where the photo was taken.
const CAMERA_EXIF = {
  IFD0: { Make: "Harbor Optics", Model: "HX-1" },
  IFD2: { BodySerialNumber: "SN-4417-0923" },
  IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 19/1 4/1", GPSLongitudeRef: "E", GPSLongitude: "18/1 4/1 7/1" },
};
// The tag that points to the GPS data, in either byte order.
const GPS_POINTER = [Buffer.from([0x88, 0x25]), Buffer.from([0x25, 0x88])];

describe("storing an uploaded photo", () => {
  it("removes the camera's EXIF (serial number, GPS position) and colour profile, and keeps the size of a small photo", async () => {
    const upload = await noise(1200, 800).withIccProfile("p3").jpeg().withExif(CAMERA_EXIF).toBuffer();
    const uploaded = await sharp(upload).metadata();
    // The upload really carries what must go.
    expect(uploaded.exif?.includes("SN-4417-0923")).toBe(true);
    expect(GPS_POINTER.some((tag) => uploaded.exif!.includes(tag))).toBe(true);
    expect(uploaded.icc).toBeDefined();

    const result = await storePhoto(new File([upload], "IMG_0001.JPG", { type: "image/jpeg" }));
    expect(result).toEqual({ ok: true, photo: { src: expect.any(String), width: 1200, height: 800 } });
    const photo = await stored(result.ok ? result.photo.src : "");
    const kept = await sharp(photo).metadata();
    expect([kept.format, kept.width, kept.height, kept.space]).toEqual(["jpeg", 1200, 800, "srgb"]);
    expect([kept.exif, kept.icc, kept.xmp, kept.iptc, kept.orientation]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(photo.includes("SN-4417-0923")).toBe(false);
    expect(photo.includes("Harbor Optics")).toBe(false);
  });

  it("scales a large PNG down so that its longest side is 2400 pixels", async () => {
    const upload = await noise(500, 100).resize(5000, 1000).png().toBuffer();
    const result = await storePhoto(new File([upload], "panorama.png"));
    expect(result).toMatchObject({ ok: true, photo: { width: 2400, height: 480 } });
    const kept = await sharp(await stored(result.ok ? result.photo.src : "")).metadata();
    expect([kept.format, kept.width, kept.height]).toEqual(["jpeg", 2400, 480]);
  });

  it("takes a WebP, and a transparent one becomes white where it was clear", async () => {
    const clear = await sharp({ create: { width: 640, height: 480, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .webp({ lossless: true })
      .toBuffer();
    const result = await storePhoto(new File([clear], "cut-out.webp"));
    expect(result).toMatchObject({ ok: true, photo: { width: 640, height: 480 } });
    const { data, info } = await sharp(await stored(result.ok ? result.photo.src : ""))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(3);
    expect([...data.subarray(0, 3)].every((value) => value > 250)).toBe(true);
  });

  it("turns a photo upright as its EXIF orientation says", async () => {
    // Stored sideways: red on the left, blue on the right; orientation 6 says "turn a quarter clockwise to view",
    // which puts red on top.
    const red = await sharp({ create: { width: 300, height: 400, channels: 3, background: "#ff0000" } })
      .png()
      .toBuffer();
    const upload = await sharp({ create: { width: 600, height: 400, channels: 3, background: "#0000ff" } })
      .composite([{ input: red, left: 0, top: 0 }])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(upload).metadata()).orientation).toBe(6);

    const result = await storePhoto(new File([upload], "sideways.jpg"));
    expect(result).toMatchObject({ ok: true, photo: { width: 400, height: 600 } });
    const photo = sharp(await stored(result.ok ? result.photo.src : ""));
    expect((await photo.metadata()).orientation).toBeUndefined();
    const { data, info } = await photo.raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    const isRed = ([r, g, b]: number[]) => r! > 200 && g! < 60 && b! < 60;
    const isBlue = ([r, g, b]: number[]) => r! < 60 && g! < 60 && b! > 200;
    expect([isRed(pixel(200, 100)), isBlue(pixel(200, 500))]).toEqual([true, true]);
  });

  it("stores the same photo once, however often it is uploaded", async () => {
    const upload = await noise(400, 300).jpeg().toBuffer();
    const before = await listing();
    const first = await storePhoto(new File([upload], "a.jpg"));
    const second = await storePhoto(new File([upload], "copy of a.jpg"));
    expect(first.ok && second.ok).toBe(true);
    expect(second).toEqual(first);
    const added = (await listing()).filter((name) => !before.includes(name));
    expect(added).toEqual([path.basename(first.ok ? first.photo.src : "")]);
  });
});

// A PNG header that claims a picture of width × height pixels; its pixel data is a few bytes.
function pngClaiming(width: number, height: number): Uint8Array<ArrayBuffer> {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Uint8Array.from(
    Buffer.concat([
      signature,
      chunk("IHDR", header),
      chunk("IDAT", Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

describe("refusing an upload", () => {
  const NOT_A_PHOTO = "The file is not a JPEG, PNG or WebP photo.";
  const UNREADABLE = "The photo could not be read: the file is damaged or incomplete.";

  it("refuses what is not a JPEG, PNG or WebP, whatever its name and type say, and stores nothing", async () => {
    const sound = await noise(800, 600).jpeg().toBuffer();
    const cases: [string, Blob, string][] = [
      ["a GIF", new File([await noise(64, 64).gif().toBuffer()], "animation.gif", { type: "image/gif" }), NOT_A_PHOTO],
      [
        "an SVG",
        new File(['<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'], "logo.jpg", { type: "image/jpeg" }),
        NOT_A_PHOTO,
      ],
      ["a PDF", new File(["%PDF-1.7\n1 0 obj << >> endobj\n%%EOF"], "photo.jpg", { type: "image/jpeg" }), NOT_A_PHOTO],
      ["HTML", new File(["<!doctype html><title>x</title><script>alert(1)</script>"], "photo.jpg", { type: "image/jpeg" }), NOT_A_PHOTO],
      ["random bytes", new File([randomBytes(4096)], "photo.jpg", { type: "image/jpeg" }), NOT_A_PHOTO],
      // Cut short within its pixel data: the header reads, the pixels do not.
      ["a truncated JPEG", new File([sound.subarray(0, Math.floor(sound.length * 0.7))], "photo.jpg", { type: "image/jpeg" }), UNREADABLE],
      ["a JPEG cut within its header", new File([sound.subarray(0, 40)], "photo.jpg", { type: "image/jpeg" }), UNREADABLE],
      ["a decompression bomb", new File([pngClaiming(20_000, 20_000)], "bomb.png", { type: "image/png" }), "The photo has more than 100 million pixels."],
      ["a photo just over the limit", new File([pngClaiming(10_001, 10_000)], "big.png", { type: "image/png" }), "The photo has more than 100 million pixels."],
      ["an empty file", new File([], "photo.jpg", { type: "image/jpeg" }), "The file is empty."],
    ];
    // Something stored already, so that the folder exists and any stray file in it would show.
    expect((await storePhoto(new File([sound], "sound.jpg"))).ok).toBe(true);
    const before = await listing();
    for (const [what, file, reason] of cases) {
      expect(await storePhoto(file), what).toEqual({ ok: false, reason });
    }
    expect(await listing()).toEqual(before);
  });

  it("refuses a file over 15 MB before reading it", async () => {
    const { MAX_PHOTO_BYTES } = await import("@/lib/media/store-photo");
    const oversized = new File([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(MAX_PHOTO_BYTES)], "huge.jpg", { type: "image/jpeg" });
    const read = vi.spyOn(oversized, "arrayBuffer");
    const before = await listing();
    expect(await storePhoto(oversized)).toEqual({ ok: false, reason: "The file is larger than 15 MB." });
    expect(read).not.toHaveBeenCalled();
    expect(await listing()).toEqual(before);
  });

  it("leaves no file behind when storing fails midway", async () => {
    vi.doMock("node:fs/promises", async (original) => ({
      ...(await original<typeof import("node:fs/promises")>()),
      rename: () => Promise.reject(Object.assign(new Error("no space left on device"), { code: "ENOSPC" })),
    }));
    const before = await listing();
    await expect(storePhoto(new File([await noise(300, 200).png().toBuffer()], "photo.png"))).rejects.toThrow("no space left on device");
    expect(await listing()).toEqual(before);
  });
});
