import { randomBytes } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { findActiveStaff, type StaffIdentity } from "@/lib/data/staff/staff";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { answerPhotoUpload, MAX_UPLOAD_BYTES, MAX_UPLOADS_AT_ONCE } from "@/lib/staff/photo-upload";
import { db, resetDatabase } from "../helpers/integration-db";

// The editor's photo upload (POST /api/newsroom/photos) as its route handler runs it, with the staff member a
// session names read from the database as getCurrentStaff() reads it, over a media folder of the test's own.
// (The session cookie itself is read by the browser tests: tests/e2e/article-photo.spec.ts.)

const SITE = "http://localhost:3999"; // SITE_URL of the integration runs (vitest.config.ts)
const URL = `${SITE}/api/newsroom/photos`;

// Set before any import: the database helper reads the environment (MEDIA_DIR with it) as it is imported.
const mediaDir = await vi.hoisted(async () => (await import("../helpers/temporary-media-dir")).useTemporaryMediaDir());

afterAll(async () => {
  delete process.env.MEDIA_DIR;
  await rm(mediaDir, { recursive: true, force: true });
});

const members: Record<"writer" | "editor" | "moderator", number> = { writer: 0, editor: 0, moderator: 0 };

beforeEach(async () => {
  await resetDatabase();
  members.writer = (await upsertStaffUser(db, { email: "wren@example.com", name: "Wren", password: "a-long-password-5", role: "WRITER" })).id;
  members.editor = (await upsertStaffUser(db, { email: "edie@example.com", name: "Edie", password: "a-long-password-5", role: "EDITOR" })).id;
  members.moderator = (await upsertStaffUser(db, { email: "mo@example.com", name: "Mo", password: "a-long-password-5", role: "MODERATOR" })).id;
});

// Whom a session cookie for this member names now: nobody once the member is deactivated or signed out elsewhere.
const sessionOf = (id: number | null) => async (): Promise<StaffIdentity | null> => {
  if (id === null) return null;
  const { sessionVersion } = await db.staffUser.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } });
  return findActiveStaff(id, sessionVersion);
};

// The multipart body a browser sends for a form with this file, and its Content-Type (with the boundary).
async function multipart(file: Blob | null, name = "photo.jpg"): Promise<{ bytes: Buffer<ArrayBuffer>; type: string }> {
  const form = new FormData();
  if (file) form.set("photo", file, name);
  else form.set("caption", "no file here");
  const encoded = new Request(URL, { method: "POST", body: form });
  return { bytes: Buffer.from(await encoded.arrayBuffer()), type: encoded.headers.get("content-type")! };
}

type Sent = { headers?: Record<string, string | null>; member?: number | null };

async function post(file: Blob | null, { headers = {}, member = members.writer }: Sent = {}): Promise<Response> {
  const { bytes, type } = await multipart(file);
  const all: Record<string, string | null> = { origin: SITE, "content-type": type, "content-length": String(bytes.length), ...headers };
  const sent = Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== null));
  return answerPhotoUpload(new Request(URL, { method: "POST", body: bytes, headers: sent }), sessionOf(member));
}

// A camera's JPEG: where it was taken, and by which camera.
async function cameraJpeg(width = 900, height = 600) {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg()
    .withExif({
      IFD0: { Make: "Harbor Optics", Model: "HX-1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 20/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "18/1 4/1 7/1" },
    })
    .toBuffer();
}

const listing = async () => (await readdir(mediaDir)).sort();

describe("uploading a photo from the article editor", () => {
  it("stores a writer's JPEG without its GPS position or camera, and answers its address and size, never cached", async () => {
    const upload = await cameraJpeg();
    expect((await sharp(upload).metadata()).exif?.includes("Harbor Optics")).toBe(true);

    const response = await post(new File([upload], "IMG_0001.JPG", { type: "image/jpeg" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const answer = (await response.json()) as { src: string; width: number; height: number };
    expect(answer).toEqual({ src: expect.stringMatching(/^\/media\/[0-9a-f]{64}\.jpg$/), width: 900, height: 600 });
    const stored = await readFile(path.join(mediaDir, path.basename(answer.src)));
    const kept = await sharp(stored).metadata();
    expect([kept.format, kept.width, kept.height, kept.exif, kept.xmp, kept.iptc]).toEqual(["jpeg", 900, 600, undefined, undefined, undefined]);
    expect(stored.includes("Harbor Optics")).toBe(false);
    // Editors upload too.
    const editors = await post(new File([await cameraJpeg(300, 200)], "b.jpg"), { member: members.editor });
    expect(editors.status).toBe(200);
  });

  it("refuses anyone not signed in, a signed-out or deactivated member, and a moderator, before reading the photo", async () => {
    const photo = new File([await cameraJpeg(200, 100)], "a.jpg");
    const before = await listing();
    const nobody = await post(photo, { member: null });
    expect([nobody.status, await nobody.json()]).toEqual([401, { error: "Please sign in again to upload photos." }]);
    expect(nobody.headers.get("cache-control")).toBe("no-store");

    const moderator = await post(photo, { member: members.moderator });
    expect([moderator.status, await moderator.json()]).toEqual([403, { error: "Only the newsroom's writers and editors upload photos." }]);

    // A session of a member signed out elsewhere (sessionVersion moved on), then of a deactivated one.
    const { sessionVersion } = await db.staffUser.findUniqueOrThrow({ where: { id: members.writer }, select: { sessionVersion: true } });
    await db.staffUser.update({ where: { id: members.writer }, data: { sessionVersion: { increment: 1 } } });
    const { bytes, type } = await multipart(photo);
    const signedOut = await answerPhotoUpload(
      new Request(URL, { method: "POST", body: bytes, headers: { origin: SITE, "content-type": type, "content-length": String(bytes.length) } }),
      () => findActiveStaff(members.writer, sessionVersion),
    );
    expect(signedOut.status).toBe(401);
    await db.staffUser.update({ where: { id: members.editor }, data: { active: false } });
    expect((await post(photo, { member: members.editor })).status).toBe(401);
    expect(await listing()).toEqual(before);
  });

  it("refuses a post from another site's page, or with no Origin at all", async () => {
    const photo = new File([await cameraJpeg(200, 100)], "a.jpg");
    const before = await listing();
    for (const origin of ["https://elsewhere.example", "http://localhost:3999.elsewhere.example", "null", "not a url", null]) {
      const response = await post(photo, { headers: { origin } });
      expect(response.status, String(origin)).toBe(403);
      expect(await response.json()).toEqual({ error: "Photos can be uploaded only from this site's own pages." });
    }
    expect(await listing()).toEqual(before);
  });

  it("answers 411 to an upload that does not say its length, and 413 to one that says too much, without reading it", async () => {
    const photo = new File([await cameraJpeg(200, 100)], "a.jpg");
    expect((await post(photo, { headers: { "content-length": null } })).status).toBe(411);
    expect((await post(photo, { headers: { "content-length": "12abc" } })).status).toBe(411);

    // 20 MB on offer, in 1 MB pieces made as they are read; the declared length alone refuses it.
    const { stream, produced } = endless(20);
    const { type } = await multipart(photo);
    const response = await answerPhotoUpload(
      new Request(URL, {
        method: "POST",
        body: stream,
        duplex: "half",
        headers: { origin: SITE, "content-type": type, "content-length": String(20 * 1024 * 1024) },
      } as RequestInit),
      sessionOf(members.writer),
    );
    expect([response.status, await response.json()]).toEqual([413, { error: "The photo is larger than 15 MB." }]);
    // A stream fills its first piece on its own; nothing more was asked of it.
    expect(produced()).toBeLessThanOrEqual(1024 * 1024);
  });

  it("stops reading a body that is longer than it said at the limit, with 413 and nothing stored", async () => {
    const before = await listing();
    const { stream, produced } = endless(40);
    const { type } = await multipart(new File(["x"], "a.jpg"));
    const response = await answerPhotoUpload(
      new Request(URL, {
        method: "POST",
        body: stream,
        duplex: "half",
        headers: { origin: SITE, "content-type": type, "content-length": "1000" },
      } as RequestInit),
      sessionOf(members.writer),
    );
    expect(response.status).toBe(413);
    expect(produced()).toBeLessThan(MAX_UPLOAD_BYTES + 3 * 1024 * 1024);
    expect(await listing()).toEqual(before);
  });

  it("says clearly why a file is not taken, and stores nothing", async () => {
    const jpeg = await cameraJpeg(400, 300);
    const before = await listing();
    const cases: [string, Blob | null, number, string][] = [
      [
        "an SVG named .jpg",
        new File(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'], "a.jpg", { type: "image/jpeg" }),
        415,
        "The file is not a JPEG, PNG or WebP photo.",
      ],
      ["a PDF", new File(["%PDF-1.7\n%%EOF"], "scan.pdf", { type: "application/pdf" }), 415, "The file is not a JPEG, PNG or WebP photo."],
      [
        "a GIF",
        new File(
          [
            await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } })
              .gif()
              .toBuffer(),
          ],
          "a.gif",
        ),
        415,
        "The file is not a JPEG, PNG or WebP photo.",
      ],
      [
        "a JPEG cut short",
        new File([jpeg.subarray(0, Math.floor(jpeg.length * 0.6))], "a.jpg"),
        422,
        "The photo could not be read: the file is damaged or incomplete.",
      ],
      ["an empty file", new File([], "a.jpg"), 422, "The file is empty."],
      ["a form without a photo", null, 400, "Choose one photo to upload."],
    ];
    for (const [what, file, status, error] of cases) {
      const response = await post(file);
      expect([response.status, await response.json()], what).toEqual([status, { error }]);
      expect(response.headers.get("cache-control"), what).toBe("no-store");
    }
    // Not a form at all.
    const json = await answerPhotoUpload(
      new Request(URL, { method: "POST", body: "{}", headers: { origin: SITE, "content-type": "application/json", "content-length": "2" } }),
      sessionOf(members.writer),
    );
    expect(json.status).toBe(415);
    expect(await listing()).toEqual(before);
  });

  it("slows a member down after 60 uploads in a quarter of an hour, and not their colleagues", async () => {
    const notAPhoto = new File(["not a photo"], "a.jpg");
    for (let upload = 1; upload <= 60; upload++) expect((await post(notAPhoto)).status).toBe(415);
    const refused = await post(notAPhoto);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await post(notAPhoto, { member: members.editor })).status).toBe(415);
  });

  it("takes two uploads at once, one per member, and answers another 503 with Retry-After, storing and charging nothing", async () => {
    const third = (await upsertStaffUser(db, { email: "tess@example.com", name: "Tess", password: "a-long-password-5", role: "WRITER" })).id;
    const photos = await Promise.all([cameraJpeg(300, 200), cameraJpeg(310, 200), cameraJpeg(320, 200)]);
    const forms = await Promise.all(photos.map((photo) => multipart(new File([photo], "a.jpg"))));
    // The writer's and the editor's arrive slowly: their bodies are sent only when the test lets them go.
    const slow = [members.writer, members.editor].map((member, index) => {
      const { bytes, type } = forms[index]!;
      const { stream, release } = held(bytes);
      const request = new Request(URL, {
        method: "POST",
        body: stream,
        duplex: "half",
        headers: { origin: SITE, "content-type": type, "content-length": String(bytes.length) },
      } as RequestInit);
      return { answer: answerPhotoUpload(request, sessionOf(member)), release };
    });
    expect(slow).toHaveLength(MAX_UPLOADS_AT_ONCE);
    // Both are past their checks and waiting for their bodies once their rate-limit points are charged.
    await vi.waitFor(async () => expect(await chargedUploads()).toBe(MAX_UPLOADS_AT_ONCE));
    const before = await listing();

    const busy = await post(new File([photos[2]!], "c.jpg"), { member: third });
    expect([busy.status, await busy.json()]).toEqual([503, { error: "The server is busy with other photos. Try again in a few seconds." }]);
    expect(busy.headers.get("retry-after")).toBe("3");
    expect(busy.headers.get("cache-control")).toBe("no-store");
    // The writer's second upload waits for the first, whatever room there is.
    const second = await post(new File([photos[2]!], "c.jpg"));
    expect([second.status, await second.json()]).toEqual([503, { error: "Your previous photo is still uploading. Try again in a few seconds." }]);
    expect(await listing()).toEqual(before);
    expect(await chargedUploads()).toBe(MAX_UPLOADS_AT_ONCE);

    for (const { release } of slow) release();
    for (const { answer } of slow) expect((await answer).status).toBe(200);
    // Their places are free again.
    expect((await post(new File([photos[2]!], "c.jpg"), { member: third })).status).toBe(200);
    expect((await post(new File([photos[2]!], "c.jpg"))).status).toBe(200);
    expect(await listing()).toHaveLength(before.length + 3);
  });
});

// Upload points charged so far, over all members (the rate limiter's rows for photo uploads).
async function chargedUploads(): Promise<number> {
  const rows = await db.$queryRaw<{ points: number }[]>`SELECT coalesce(sum(points), 0)::int AS points FROM "RateLimit" WHERE key LIKE 'photo-upload%'`;
  return rows[0]!.points;
}

// A body that sends its bytes only once released.
function held(bytes: Uint8Array): { stream: ReadableStream<Uint8Array>; release: () => void } {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await released;
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return { stream, release };
}

// A body of `megabytes` 1 MB pieces, each made only when the reader asks for it.
function endless(megabytes: number): { stream: ReadableStream<Uint8Array>; produced: () => number } {
  let produced = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (produced >= megabytes * 1024 * 1024) return controller.close();
      produced += 1024 * 1024;
      controller.enqueue(new Uint8Array(1024 * 1024));
    },
  });
  return { stream, produced: () => produced };
}
