import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { queryRows } from "../helpers/e2e-db";
import { sessionCookieOf, signInNewMember, startDraft } from "../helpers/e2e-newsroom";
import { rawRequest } from "../helpers/hostile-requests";

// An article's photo and sources, edited in the browser: a photo straight from a camera (with where it was taken)
// is uploaded from the editor, described, captioned and credited, a source is added, and the published page shows
// them, with the stored photo stripped of its metadata. A file that is no photo is refused in words, changing nothing.

type StoredArticle = {
  slug: string;
  version: number;
  imageSrc: string | null;
  imageAlt: string | null;
  imageCaption: string | null;
  imageCredit: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  sources: unknown;
};

const stored = async (id: number) =>
  (
    await queryRows<StoredArticle>(
      `SELECT slug, version, "imageSrc", "imageAlt", "imageCaption", "imageCredit", "imageWidth", "imageHeight", sources FROM "Article" WHERE id = $1`,
      [id],
    )
  )[0]!;

// A camera's photo: noise (so it is no photo seen before), its make and model, and the GPS position it was taken at.
async function cameraJpeg(): Promise<Buffer> {
  const [width, height] = [1200, 800];
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: "Harbor Optics", Model: "HX-1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 20/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "18/1 4/1 7/1" },
    })
    .toBuffer();
}

test("an editor uploads a camera's photo, describes it and adds a source; the page shows them, the photo without its GPS", async ({ browser, request }) => {
  const { page: editor } = await signInNewMember(browser, "EDITOR", `photo-editor-${Date.now()}`);
  const headline = `Night ferry returns ${Date.now()}`;
  const id = await startDraft(editor, headline);
  const photoSection = editor.getByRole("group", { name: "Photo" });

  // A file that is no photo is refused in words, and nothing changes: no photo, no edit to save. (That nothing is
  // stored in the media folder either is shown by tests/integration/photo-upload-endpoint.test.ts: here other
  // tests upload at the same time.)
  await photoSection
    .getByLabel("Add a photo")
    .setInputFiles({ name: "ferry.jpg", mimeType: "image/jpeg", buffer: Buffer.from("<html><body>not a photo</body></html>") });
  await expect(photoSection.getByText("The file is not a JPEG, PNG or WebP photo.")).toBeVisible();
  await expect(photoSection.getByText("No photo.")).toBeVisible();
  await expect(editor.getByText("Unsaved changes")).toHaveCount(0);
  expect(await stored(id)).toMatchObject({ version: 1, imageSrc: null });

  const upload = await cameraJpeg();
  expect((await sharp(upload).metadata()).exif?.includes("Harbor Optics")).toBe(true);
  await photoSection.getByLabel("Add a photo").setInputFiles({ name: "IMG_0042.JPG", mimeType: "image/jpeg", buffer: upload });
  await expect(photoSection.getByText("Photo uploaded. It becomes the article's when you save.")).toBeVisible();
  // The description is asked for at once: the focus is on it.
  await expect(photoSection.getByLabel("Description (alt text)")).toBeFocused();
  await photoSection.getByLabel("Description (alt text)").fill("The night ferry leaving the harbor, its deck lights on");
  await photoSection.getByLabel("Caption").fill("The Harbor Queen on its first night crossing.");
  await photoSection.getByLabel("Credit").fill("Ada Lens");
  await expect(photoSection.getByRole("img", { name: "The night ferry leaving the harbor, its deck lights on" })).toBeVisible();
  // The preview shows it as readers will see it.
  const preview = editor.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("img", { name: "The night ferry leaving the harbor, its deck lights on" })).toBeVisible();
  await expect(preview.getByText("The Harbor Queen on its first night crossing. (Photo: Ada Lens)")).toBeVisible();

  await editor.getByRole("button", { name: "Add a source" }).click();
  const source = editor.getByRole("group", { name: "Source 1" });
  await expect(source.getByLabel("Title")).toBeFocused();
  await source.getByLabel("Title").fill("Winter timetable");
  await source.getByLabel("Publisher").fill("Harbor Ferries");
  // An address that is not http(s) is named as the problem once the field is left.
  await source.getByLabel("Address (URL)").fill("ferries.example/timetable");
  await source.getByLabel("Publisher").focus();
  await expect(source.getByText("A source's url must be an http(s) address")).toBeVisible();
  await source.getByLabel("Address (URL)").fill("https://ferries.example/timetable");
  await editor.getByRole("button", { name: "Save", exact: true }).click();
  await expect(editor.getByRole("status")).toHaveText(/^Saved at/);

  const saved = await stored(id);
  expect(saved).toMatchObject({
    imageSrc: expect.stringMatching(/^\/media\/[0-9a-f]{64}\.jpg$/),
    imageAlt: "The night ferry leaving the harbor, its deck lights on",
    imageCaption: "The Harbor Queen on its first night crossing.",
    imageCredit: "Ada Lens",
    imageWidth: 1200,
    imageHeight: 800,
    sources: [{ title: "Winter timetable", publisher: "Harbor Ferries", url: "https://ferries.example/timetable" }],
  });
  // The stored photo, fetched as readers' browsers fetch it, keeps nothing of the camera's metadata.
  const served = await request.get(saved.imageSrc!);
  expect(served.status()).toBe(200);
  const bytes = await served.body();
  const kept = await sharp(bytes).metadata();
  expect([kept.format, kept.width, kept.height, kept.exif, kept.xmp, kept.iptc]).toEqual(["jpeg", 1200, 800, undefined, undefined, undefined]);
  expect(bytes.includes("Harbor Optics")).toBe(false);

  // Reloaded, the editor shows what was saved.
  await editor.reload();
  await expect(editor.getByLabel("Description (alt text)")).toHaveValue("The night ferry leaving the harbor, its deck lights on");
  await expect(editor.getByRole("group", { name: "Source 1" }).getByLabel("Title")).toHaveValue("Winter timetable");

  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByRole("status")).toHaveText("Published.");
  await editor.goto(`/articles/${saved.slug}`);
  await expect(editor.getByRole("heading", { name: headline, level: 1 })).toBeVisible();
  const figure = editor.getByRole("figure");
  await expect(figure.getByRole("img", { name: "The night ferry leaving the harbor, its deck lights on" })).toBeVisible();
  await expect(figure).toContainText("The Harbor Queen on its first night crossing. (Photo: Ada Lens)");
  // The image shows (loaded, not a broken icon).
  expect(await figure.getByRole("img").evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
  const sources = editor.getByRole("region", { name: "Sources" });
  await expect(sources.getByRole("link", { name: "Winter timetable" })).toHaveAttribute("href", "https://ferries.example/timetable");
  await expect(sources).toContainText("(Harbor Ferries)");
});

test("the upload route refuses strangers, moderators, other sites' pages, and uploads over 15 MB or of no stated length", async ({ browser, baseURL }) => {
  const photo = { name: "a.jpg", mimeType: "image/jpeg", buffer: await cameraJpeg() };
  const context = await browser.newContext();
  const post = async (headers: Record<string, string>, buffer = photo.buffer) =>
    context.request.post("/api/newsroom/photos", { headers: { origin: baseURL!, ...headers }, multipart: { photo: { ...photo, buffer } } });

  const stranger = await post({});
  expect([stranger.status(), await stranger.json(), stranger.headers()["cache-control"]]).toEqual([
    401,
    { error: "Please sign in again to upload photos." },
    "no-store",
  ]);

  const { page: moderator } = await signInNewMember(browser, "MODERATOR", `photo-moderator-${Date.now()}`);
  expect((await post({ cookie: await sessionCookieOf(moderator) })).status()).toBe(403);

  const { page: editor } = await signInNewMember(browser, "EDITOR", `photo-route-${Date.now()}`);
  const cookie = await sessionCookieOf(editor);
  expect((await post({ cookie, origin: "https://elsewhere.example" })).status()).toBe(403);
  const tooLarge = await post({ cookie }, Buffer.concat([photo.buffer, Buffer.alloc(15 * 1024 * 1024)]));
  expect([tooLarge.status(), await tooLarge.json()]).toEqual([413, { error: "The photo is larger than 15 MB." }]);
  // Sent in chunks with no Content-Length.
  const chunked = await rawRequest(baseURL!, "/api/newsroom/photos", {
    method: "POST",
    headers: { origin: baseURL!, cookie, "content-type": "multipart/form-data; boundary=x" },
    body: ["--x\r\n", 'Content-Disposition: form-data; name="photo"; filename="a.jpg"\r\n\r\n', "not a photo\r\n--x--\r\n"],
  });
  expect(chunked.status).toBe(411);
});
