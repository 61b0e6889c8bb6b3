"use client";

import Image from "next/image";
import { useId, useRef, useState } from "react";

export type EditorPhoto = { src: string; width: number; height: number; alt: string; caption: string; credit: string };

// Where the editor uploads a photo (app/api/newsroom/photos/route.ts): a server action could not carry one.
const UPLOAD_PATH = "/api/newsroom/photos";
const ACCEPTED = "image/jpeg,image/png,image/webp";

const field = "rounded border border-neutral-400 px-2 py-1";

type Uploaded = { src: string; width: number; height: number };

// A server busy with other uploads answers 503 and says when to come back: the editor waits and sends the photo
// again on its own, a few times, before showing the server's answer.
const BUSY_TRIES = 4;
const MAX_WAIT_SECONDS = 10;

async function send(form: FormData): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(UPLOAD_PATH, { method: "POST", body: form, credentials: "same-origin" });
    if (response.status !== 503 || attempt === BUSY_TRIES) return response;
    const seconds = Math.min(Number(response.headers.get("retry-after")) || 1, MAX_WAIT_SECONDS);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}

// Sends the chosen file and reads the answer: the stored photo, or the server's reason in words.
async function upload(file: File): Promise<{ ok: true; photo: Uploaded } | { ok: false; message: string }> {
  const form = new FormData();
  form.set("photo", file);
  let response: Response;
  try {
    response = await send(form);
  } catch {
    return { ok: false, message: "The server could not be reached, so the photo was not uploaded. Try again in a moment." };
  }
  const answer = (await response.json().catch(() => null)) as (Partial<Uploaded> & { error?: string }) | null;
  if (response.ok && answer?.src && answer.width && answer.height) return { ok: true, photo: { src: answer.src, width: answer.width, height: answer.height } };
  return { ok: false, message: answer?.error ?? `The photo was not uploaded (error ${response.status}).` };
}

// The article's photo: chosen from a file, uploaded at once (checked, re-encoded and stripped of its metadata by the
// server), shown as a thumbnail, and posted with the article as hidden fields beside its description, caption and
// credit. The upload alone changes no article: the photo is the article's once the article is saved (one never saved
// is removed after a day).
export function PhotoField({ photo, onChange }: { photo: EditorPhoto | null; onChange: (photo: EditorPhoto | null) => void }) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  // Set when a photo arrives without a description: the description field takes the focus as it appears.
  const askForAlt = useRef(false);
  // Only the latest file chosen counts: an earlier upload answering late is ignored. (The file field stays enabled
  // while uploading, so that the keyboard focus stays on it.)
  const latest = useRef(0);
  const [state, setState] = useState<{ message: string; error: boolean }>({ message: "", error: false });

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const ticket = ++latest.current;
    setState({ message: "Uploading…", error: false });
    const result = await upload(file);
    if (ticket !== latest.current) return;
    if (fileInput.current) fileInput.current.value = "";
    if (!result.ok) {
      setState({ message: result.message, error: true });
      return;
    }
    askForAlt.current = !photo?.alt;
    onChange({ alt: "", caption: "", credit: "", ...photo, ...result.photo });
    setState({ message: "Photo uploaded. It becomes the article's when you save.", error: false });
  };

  const texts = (change: Partial<EditorPhoto>) => photo && onChange({ ...photo, ...change });

  return (
    <fieldset className="grid min-w-0 gap-3 rounded border border-neutral-300 p-3">
      <legend className="px-1 font-semibold">Photo</legend>
      <input type="hidden" name="imageSrc" value={photo?.src ?? ""} />
      <input type="hidden" name="imageWidth" value={photo?.width ?? ""} />
      <input type="hidden" name="imageHeight" value={photo?.height ?? ""} />
      {photo ? (
        <Image
          src={photo.src}
          alt={photo.alt}
          width={photo.width}
          height={photo.height}
          sizes="(min-width: 1024px) 20rem, 100vw"
          className="h-auto w-full max-w-xs rounded border border-neutral-300"
        />
      ) : (
        <p className="text-neutral-600">No photo.</p>
      )}
      <div className="flex min-w-0 flex-col">
        <label htmlFor={`${id}-file`} className="font-semibold">
          {photo ? "Replace the photo" : "Add a photo"}
        </label>
        <span id={`${id}-help`} className="text-neutral-600">
          JPEG, PNG or WebP, at most 15 MB. Location and camera details are removed.
        </span>
        <input
          ref={fileInput}
          id={`${id}-file`}
          type="file"
          accept={ACCEPTED}
          aria-describedby={`${id}-help ${id}-status`}
          // Choosing a file is not an edit of the article: only a photo uploaded is.
          onChange={(event) => {
            event.stopPropagation();
            void choose(event.target.files?.[0]);
          }}
          className="mt-1 max-w-full text-sm file:mr-3 file:rounded file:border file:border-neutral-400 file:bg-transparent file:px-3 file:py-1.5 file:font-semibold"
        />
      </div>
      <p id={`${id}-status`} aria-live="polite" className={`min-h-5 font-medium ${state.error ? "text-red-700" : "text-neutral-700"}`}>
        {state.message}
      </p>
      {photo && (
        <>
          <div className="flex flex-col">
            <label htmlFor={`${id}-alt`} className="font-semibold">
              Description (alt text)
            </label>
            <span id={`${id}-alt-help`} className="text-neutral-600">
              What the photo shows, for readers who cannot see it.
            </span>
            <input
              ref={(element) => {
                if (!element || !askForAlt.current) return;
                askForAlt.current = false;
                element.focus();
              }}
              id={`${id}-alt`}
              name="imageAlt"
              required
              maxLength={300}
              aria-describedby={`${id}-alt-help`}
              value={photo.alt}
              onChange={(event) => texts({ alt: event.target.value })}
              className={field}
            />
          </div>
          <label className="flex flex-col">
            <span className="font-semibold">Caption</span>
            <textarea
              name="imageCaption"
              rows={2}
              maxLength={500}
              value={photo.caption}
              onChange={(event) => texts({ caption: event.target.value })}
              className={field}
            />
          </label>
          <label className="flex flex-col">
            <span className="font-semibold">Credit</span>
            <input name="imageCredit" maxLength={200} value={photo.credit} onChange={(event) => texts({ credit: event.target.value })} className={field} />
          </label>
          <div>
            <button
              type="button"
              onClick={() => {
                onChange(null);
                setState({ message: "Photo removed. The article keeps no photo once you save.", error: false });
                fileInput.current?.focus();
              }}
              className="rounded border border-neutral-400 px-3 py-1.5 font-semibold"
            >
              Remove the photo
            </button>
          </div>
        </>
      )}
    </fieldset>
  );
}
