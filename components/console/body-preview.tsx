"use client";

import { useDeferredValue, useMemo } from "react";
import { ArticleBody } from "@/components/article/article-body";
import type { RenderBlock } from "@/lib/data/comments/dto";
import { markdownToDraftBlocks } from "@/lib/newsroom/body-markdown";

// The body as readers will see it, drawn by the public page's own component from the same parser the save uses.
// A READ ALSO line shows its article's headline when the page was given it (the articles the saved body already
// names); an address typed since shows as written: the save checks it against the database.
export function BodyPreview({ markdown, headlines }: { markdown: string; headlines: Record<string, string> }) {
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
      {rendered.length > 0 ? <ArticleBody blocks={rendered} /> : <p className="mt-2 text-sm text-neutral-600">Nothing written yet.</p>}
    </section>
  );
}
