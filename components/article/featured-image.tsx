import Image from "next/image";
import type { ArticleDetailDto } from "@/lib/data/comments/dto";

export function FeaturedImage({ article }: { article: ArticleDetailDto }) {
  if (!article.image) return null;
  return (
    <figure className="mt-6">
      <Image
        src={article.image.src}
        alt={article.image.alt}
        width={article.image.width}
        height={article.image.height}
        sizes="(min-width: 768px) 768px, 100vw"
        className="w-full rounded"
        priority
      />
      {(article.caption || article.credit) && (
        <figcaption className="mt-2 text-sm text-neutral-600">
          {article.caption}
          {article.credit && <span className="text-neutral-600"> (Photo: {article.credit})</span>}
        </figcaption>
      )}
    </figure>
  );
}
