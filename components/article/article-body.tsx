import Link from "next/link";
import type { RenderBlock } from "@/lib/data/comments/dto";

// A measure of about 65-70 characters a line at every width (max-w in ch of the body's own font) and a line
// height that keeps lines together; subheads stay clearly below the headline on a phone.
export function ArticleBody({ blocks }: { blocks: RenderBlock[] }) {
  return (
    <div className="prose prose-lg mt-8 max-w-[62ch] font-serif prose-neutral dark:prose-invert prose-headings:font-sans prose-h2:text-xl sm:prose-h2:text-2xl prose-p:leading-relaxed">
      {blocks.map((block, index) => {
        switch (block.type) {
          case "paragraph":
            return <p key={index}>{block.text}</p>;
          case "heading":
            return <h2 key={index}>{block.text}</h2>;
          case "readAlso":
            return (
              <aside key={index} className="not-prose my-6 border-l-4 border-brand bg-neutral-50 px-4 py-3 font-sans">
                <span className="font-bold text-brand">READ ALSO: </span>
                <Link href={`/articles/${block.slug}`} className="font-semibold text-neutral-900 underline hover:text-brand">
                  {block.headline}
                </Link>
              </aside>
            );
        }
      })}
    </div>
  );
}
