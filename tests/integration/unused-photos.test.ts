import { readdir, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { listPhotosInUse } from "@/lib/data/newsroom/photo-references";
import { sweepUnusedPhotos } from "@/lib/jobs/unused-photos";
import { storePhoto } from "@/lib/media/store-photo";
import { removeUnusedPhotos } from "@/lib/media/unused-photos";
import { createArticle, db, resetDatabase } from "../helpers/integration-db";

// Photos uploaded in the editor but never saved with an article are removed once a day old; those an article shows
// or a revision names stay, whatever their age.

// Set before any import: the database helper reads the environment (MEDIA_DIR with it) as it is imported.
const mediaDir = await vi.hoisted(async () => (await import("../helpers/temporary-media-dir")).useTemporaryMediaDir());

afterAll(async () => {
  delete process.env.MEDIA_DIR;
  await rm(mediaDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await resetDatabase();
  for (const name of await readdir(mediaDir)) await rm(path.join(mediaDir, name));
});

const DAY = 24 * 3600_000;

async function stored(colour: string): Promise<string> {
  const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: colour } })
    .png()
    .toBuffer();
  const result = await storePhoto(new Blob([new Uint8Array(photo)]));
  if (!result.ok) throw new Error(result.reason);
  return result.photo.src;
}

const nameOf = (src: string) => src.slice("/media/".length);
const ageBy = async (src: string, milliseconds: number) => {
  const then = new Date(Date.now() - milliseconds);
  await utimes(path.join(mediaDir, nameOf(src)), then, then);
};
const listing = async () => (await readdir(mediaDir)).sort();

describe("removing photos nobody used", () => {
  it("removes day-old photos no article or revision names, and keeps the rest", async () => {
    const onArticle = await stored("#102030");
    const inRevision = await stored("#203040");
    const unusedOld = await stored("#304050");
    const unusedFresh = await stored("#405060");
    for (const src of [onArticle, inRevision, unusedOld]) await ageBy(src, 2 * DAY);
    await ageBy(unusedFresh, DAY - 3600_000);
    const article = await createArticle();
    await db.article.update({ where: { id: article.id }, data: { imageSrc: onArticle, imageAlt: "A pier", imageWidth: 40, imageHeight: 30 } });
    const image = { src: inRevision, alt: "A quay", caption: "", credit: "", width: 40, height: 30 };
    await db.articleRevision.create({ data: { articleId: article.id, number: 1, content: { headline: "Earlier", image } } });
    // A temporary file of a store that never finished, left from two days ago, and one being written now.
    for (const [name, age] of [
      [".0123456789abcdef.tmp", 2 * DAY],
      [".fedcba9876543210.tmp", 0],
    ] as const) {
      await writeFile(path.join(mediaDir, name), "partial");
      await utimes(path.join(mediaDir, name), new Date(Date.now() - age), new Date(Date.now() - age));
    }

    expect(await sweepUnusedPhotos()).toBe(2);
    expect(await listing()).toEqual([".fedcba9876543210.tmp", ...[onArticle, inRevision, unusedFresh].map(nameOf)].sort());
    // Nothing more to do on the next run.
    expect(await sweepUnusedPhotos()).toBe(0);
  });

  it("asks the database about the old photos only, once, after reading the folder", async () => {
    const taken = await stored("#607080");
    const again = await stored("#806040");
    const fresh = await stored("#708090");
    for (const src of [taken, again]) await ageBy(src, 2 * DAY);
    await writeFile(path.join(mediaDir, ".0123456789abcdef.tmp"), "partial");
    await utimes(path.join(mediaDir, ".0123456789abcdef.tmp"), new Date(Date.now() - 2 * DAY), new Date(Date.now() - 2 * DAY));
    const asked: string[][] = [];
    // While the folder is being read, an article takes one old photo and an editor uploads the other again: the
    // answer comes after, and both stay.
    const removed = await removeUnusedPhotos(new Date(Date.now() - DAY), async (names) => {
      asked.push([...names].sort());
      const article = await createArticle();
      await db.article.update({ where: { id: article.id }, data: { imageSrc: taken, imageAlt: "A buoy", imageWidth: 40, imageHeight: 30 } });
      expect(await stored("#806040")).toBe(again);
      return listPhotosInUse(names);
    });
    expect(asked).toEqual([[taken, again].map(nameOf).sort()]);
    expect(removed).toBe(1);
    expect(await listing()).toEqual([taken, again, fresh].map(nameOf).sort());
  });

  it("counts a photo uploaded again as new", async () => {
    const src = await stored("#506070");
    await ageBy(src, 2 * DAY);
    expect(await stored("#506070")).toBe(src);
    expect(await sweepUnusedPhotos()).toBe(0);
    expect(await listing()).toEqual([nameOf(src)]);
  });

  it("does nothing while the media folder does not exist yet", async () => {
    await rm(mediaDir, { recursive: true });
    try {
      expect(await sweepUnusedPhotos()).toBe(0);
    } finally {
      const { mkdir } = await import("node:fs/promises");
      await mkdir(mediaDir);
    }
  });
});
