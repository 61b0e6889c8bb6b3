"use client";

import Image from "next/image";
import { useDeferredValue, useMemo } from "react";
import { ArticleBody } from "@/components/article/article-body";
import type { EditorPhoto } from "@/components/console/photo-field";
import type { RenderBlock } from "@/lib/data/comments/dto";
import { markdownToDraftBlocks } from "@/lib/newsroom/body-markdown";

// The body as readers will see it, drawn by the public page's own component from the same parser the save uses.
// A READ ALSO line shows its article's headline when the page was given it (the articles the saved body already
// names); an address typed since shows as written: the save checks it against the database.
export function BodyPreview({ markdown, headlines, photo = null }: { markdown: string; headlines: Record<string, string>; photo?: EditorPhoto | null }) {
  const deferred = useDeferredValue(markdown);
  const { blocks, errors } = useMemo(() => markdownToDraftBlocks(deferred), [deferred]);
  const rendered = blocks.map((block): RenderBlock =>
    block.type === "readAlso" ? { type: "readAlso", id: 0, slug: block.slug, headline: headlines[block.slug] ?? block.slug } : block,
  );
  return (
    <section aria-labelledby="body-preview" className="min-w-0">
      <h2 id="body-preview" className="text-lg font-bold">
        Preview
      </h2>
      {errors.length > 0 && (
        <ul className="mt-2 text-sm text-red-700">
          {errors.map((error) => (
            <li key={`${error.field}${error.message}`}>
              {error.field}: {error.message}
            </li>
          ))}
        </ul>
      )}
      {photo && <PreviewPhoto photo={photo} />}
      {rendered.length > 0 ? <ArticleBody blocks={rendered} /> : <p className="mt-2 text-sm text-neutral-600">Nothing written yet.</p>}
    </section>
  );
}

// The photo above the body, with its caption and credit, as the public page shows it (components/article/featured-image.tsx).
function PreviewPhoto({ photo }: { photo: EditorPhoto }) {
  return (
    <figure className="mt-4">
      <Image
        src={photo.src}
        alt={photo.alt}
        width={photo.width}
        height={photo.height}
        sizes="(min-width: 1024px) 50vw, 100vw"
        className="h-auto w-full rounded"
      />
      {(photo.caption || photo.credit) && (
        <figcaption className="mt-2 text-sm text-neutral-600">
          {photo.caption}
          {photo.credit && <span> (Photo: {photo.credit})</span>}
        </figcaption>
      )}
    </figure>
  );
}
