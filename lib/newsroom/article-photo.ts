import "server-only";
import { MEDIA_PATH_PREFIX, storedPhotoSize } from "@/lib/media/media-files";
import type { ArticleContent } from "@/lib/validation/article-content";
import type { ArticleForm } from "@/lib/validation/article-form";

type Photo = ArticleContent["image"];

export type PostedPhoto = { ok: true; image: Photo } | { ok: false; message: string };

/**
 * The photo the editor posted, as the article will store it. Its address is either one of this site's stored photos
 * (uploaded through /api/newsroom/photos, so checked, re-encoded and stripped of metadata) or the article's photo as
 * it stands (the demo articles' photos live under /images): a form sent by hand cannot point a page at another
 * site's picture, which would load it in every reader's browser. A stored photo's size is read from the file itself.
 */
export async function photoFromForm(form: ArticleForm, current: Photo): Promise<PostedPhoto> {
  if (form.imageSrc === "") return { ok: true, image: null };
  const texts = { alt: form.imageAlt, caption: form.imageCaption, credit: form.imageCredit };
  if (current && form.imageSrc === current.src) return { ok: true, image: { ...current, ...texts } };
  const size = form.imageSrc.startsWith(MEDIA_PATH_PREFIX) ? await storedPhotoSize(form.imageSrc) : null;
  if (!size) return { ok: false, message: "Photo: only a photo uploaded here can be used. Please upload it again." };
  return { ok: true, image: { src: form.imageSrc, ...size, ...texts } };
}
