import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import sharp from "sharp";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { formFields } from "@/lib/comments/form-fields";
import { saveArticleContent, startArticle } from "@/lib/data/newsroom/article-editing";
import { findArticleForEditing } from "@/lib/data/newsroom/article-editor";
import type { StaffIdentity } from "@/lib/data/staff/staff";
import { storePhoto } from "@/lib/media/store-photo";
import { photoFromForm } from "@/lib/newsroom/article-photo";
import { upsertStaffUser } from "@/lib/staff/create-staff";
import { articleFormSchema, describeArticleFormIssue, readSourceRows } from "@/lib/validation/article-form";
import { db, resetDatabase } from "../helpers/integration-db";

// The save of the editor's photo and sources, step by step as saveArticleAction takes it (app/admin/articles/
// actions.ts): the posted form read and checked, the photo's address held to this site's own photos, the content
// saved as a revision. Photos are stored in a media folder of the test's own.

// Set before any import: the database helper reads the environment (MEDIA_DIR with it) as it is imported.
const mediaDir = await vi.hoisted(async () => (await import("../helpers/temporary-media-dir")).useTemporaryMediaDir());

afterAll(async () => {
  delete process.env.MEDIA_DIR;
  await rm(mediaDir, { recursive: true, force: true });
});

let writer: StaffIdentity;
let sectionId: number;
let articleId: number;

beforeEach(async () => {
  await resetDatabase();
  const { id } = await upsertStaffUser(db, { email: "wren@example.com", name: "Wren", password: "a-long-password-6", role: "WRITER" });
  writer = { id, email: "wren@example.com", name: "Wren", role: "WRITER" };
  sectionId = (await db.section.create({ data: { slug: "city", name: "City" } })).id;
  const started = await startArticle(writer, {
    headline: "Ferry timetable changes",
    sectionId,
    kind: "NEWS",
    body: [{ type: "paragraph", text: "From May." }],
  });
  if (!started.ok) throw new Error(started.message);
  articleId = started.articleId;
});

// The editor's form as the browser posts it: the photo's hidden fields and texts, and the sources row by row.
function posted(fields: { photo?: Record<string, string>; sources?: [string, string, string][] }): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries({
    articleId: String(articleId),
    headline: "Ferry timetable changes",
    sectionId: String(sectionId),
    kind: "NEWS",
    body: "From May.",
  }))
    form.set(name, value);
  for (const [name, value] of Object.entries(fields.photo ?? { imageSrc: "", imageWidth: "", imageHeight: "" })) form.set(name, value);
  for (const [title, publisher, url] of fields.sources ?? []) {
    form.append("sourceTitle", title);
    form.append("sourcePublisher", publisher);
    form.append("sourceUrl", url);
  }
  return form;
}

// What saveArticleAction does with a posted form: read it, check it, hold the photo to the site's own, save.
async function save(form: FormData): Promise<{ ok: true; version: number } | { ok: false; message: string }> {
  const article = await findArticleForEditing(writer, articleId);
  form.set("version", String(article!.version));
  const fields = { ...formFields(form), authorIds: [], tagIds: [], commentsOpen: true, substantive: false, sources: readSourceRows(form) };
  const parsed = articleFormSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, message: describeArticleFormIssue(parsed.error.issues[0]!) };
  const photo = await photoFromForm(parsed.data, article!.content.image);
  if (!photo.ok) return photo;
  const { headline, sectionId: section, kind, sources } = parsed.data;
  const content = { ...article!.content, headline, sectionId: section, kind, sources, image: photo.image };
  const outcome = await saveArticleContent(writer, articleId, parsed.data.version, content);
  return outcome.ok ? { ok: true, version: outcome.version } : { ok: false, message: outcome.message };
}

const stored = () =>
  db.article.findUniqueOrThrow({
    where: { id: articleId },
    select: { imageSrc: true, imageAlt: true, imageCaption: true, imageCredit: true, imageWidth: true, imageHeight: true, sources: true, version: true },
  });

async function uploaded(width = 640, height = 480): Promise<string> {
  const photo = await storePhoto(
    new File(
      [
        await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
          .jpeg()
          .toBuffer(),
      ],
      "a.jpg",
    ),
  );
  if (!photo.ok) throw new Error(photo.reason);
  return photo.photo.src;
}

describe("saving the editor's photo and sources", () => {
  it("saves an uploaded photo with its texts, at the size of the stored file whatever the form said, and the sources in order", async () => {
    const src = await uploaded(640, 480);
    const saved = await save(
      posted({
        photo: {
          imageSrc: src,
          imageWidth: "1",
          imageHeight: "1",
          imageAlt: "The new ferry at the pier",
          imageCaption: "The Harbor Queen at dawn.",
          imageCredit: "Ada Lens",
        },
        sources: [
          ["Timetable 2025", "Harbor Ferries", "https://ferries.example/timetable"],
          ["", "", ""],
          ["Council minutes", "", ""],
        ],
      }),
    );
    expect(saved).toEqual({ ok: true, version: 2 });
    expect(await stored()).toEqual({
      imageSrc: src,
      imageAlt: "The new ferry at the pier",
      imageCaption: "The Harbor Queen at dawn.",
      imageCredit: "Ada Lens",
      imageWidth: 640,
      imageHeight: 480,
      sources: [
        { title: "Timetable 2025", publisher: "Harbor Ferries", url: "https://ferries.example/timetable" },
        { title: "Council minutes", publisher: "" },
      ],
      version: 2,
    });
    // The revision holds them too, so restoring it restores the photo and sources.
    const revision = await db.articleRevision.findFirstOrThrow({ where: { articleId, number: 2 }, select: { content: true } });
    expect(revision.content).toMatchObject({ image: { src, width: 640, height: 480 }, sources: [{ title: "Timetable 2025" }, { title: "Council minutes" }] });

    // Removed: no photo and no sources.
    expect(await save(posted({}))).toEqual({ ok: true, version: 3 });
    expect(await stored()).toMatchObject({ imageSrc: null, imageAlt: null, imageWidth: null, sources: [] });
  });

  it("refuses a photo address that is not one of this site's stored photos, and saves nothing", async () => {
    const src = await uploaded();
    const before = await stored();
    for (const address of [
      "https://elsewhere.example/photo.jpg",
      "//elsewhere.example/photo.jpg",
      "http://localhost:3999/media/photo.jpg",
      `/media/${"a".repeat(64)}.jpg`,
      `/media/../media/${src.slice(7)}`,
      `${src}?v=1`,
      "/media/",
      "/images/demo/harbor.jpg",
      "javascript:alert(1)",
    ]) {
      expect(await save(posted({ photo: { imageSrc: address, imageWidth: "640", imageHeight: "480", imageAlt: "A photo" } })), address).toEqual({
        ok: false,
        message: "Photo: only a photo uploaded here can be used. Please upload it again.",
      });
    }
    expect(await stored()).toEqual(before);
  });

  it("keeps the article's own photo (a demo photo under /images) with new texts, at its own size", async () => {
    await db.article.update({
      where: { id: articleId },
      data: { imageSrc: "/images/demo/harbor.jpg", imageAlt: "The harbor", imageWidth: 1600, imageHeight: 900 },
    });
    const saved = await save(
      posted({ photo: { imageSrc: "/images/demo/harbor.jpg", imageWidth: "5", imageHeight: "5", imageAlt: "The harbor at night", imageCredit: "Archive" } }),
    );
    expect(saved.ok).toBe(true);
    expect(await stored()).toMatchObject({
      imageSrc: "/images/demo/harbor.jpg",
      imageAlt: "The harbor at night",
      imageCredit: "Archive",
      imageWidth: 1600,
      imageHeight: 900,
    });
  });

  it("names the field of each refusal: a photo without a description, a source without a title or with an address that is not http(s)", async () => {
    const src = await uploaded();
    const before = await stored();
    const cases: [FormData, string][] = [
      [
        posted({ photo: { imageSrc: src, imageWidth: "640", imageHeight: "480", imageAlt: "   " } }),
        "Photo description: a photo needs a description for readers who cannot see it",
      ],
      [
        posted({
          sources: [
            ["Timetable", "", "https://ferries.example"],
            ["", "Harbor Ferries", ""],
          ],
        }),
        "Source 2: a source needs a title",
      ],
      [posted({ sources: [["Timetable", "", "javascript:alert(1)"]] }), "Source 1: a source's url must be an http(s) address"],
      [posted({ sources: [["Timetable", "", "ftp://ferries.example/t.pdf"]] }), "Source 1: a source's url must be an http(s) address"],
      [posted({ sources: [["Timetable", "", "ferries.example"]] }), "Source 1: a source's url must be an http(s) address"],
    ];
    for (const [form, message] of cases) expect(await save(form), message).toEqual({ ok: false, message });
    expect(await stored()).toEqual(before);
  });
});
