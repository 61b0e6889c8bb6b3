import type { NewsArticle, WithContext } from "schema-dts";
import type { ArticleDetailDto } from "@/lib/data/comments/dto";
import { absolute, paths, SITE, SITE_LOGO } from "@/lib/site";

const TYPES = { NEWS: "NewsArticle", ANALYSIS: "AnalysisNewsArticle", OPINION: "OpinionNewsArticle" } as const;

// NewsArticle structured data matching what the page shows: every author as a Person with their page, ISO dates
// with the time zone, the photo with its credit, sources as citations, corrections, and the publisher.
export function newsArticleJsonLd(article: ArticleDetailDto): WithContext<NewsArticle> {
  const url = absolute(paths.article(article.slug));
  return {
    "@context": "https://schema.org",
    "@type": TYPES[article.kind] as "NewsArticle",
    mainEntityOfPage: url,
    url,
    headline: article.headline,
    description: article.dek || undefined,
    datePublished: article.publishedAt ?? undefined,
    dateModified: article.updatedAt ?? article.publishedAt ?? undefined,
    articleSection: article.section.name,
    keywords: article.tags.map((tag) => tag.name),
    author: article.authors.map((author) => ({ "@type": "Person", name: author.name, url: absolute(paths.author(author.slug)) })),
    image: article.image
      ? [
          {
            "@type": "ImageObject",
            url: absolute(article.image.src),
            width: { "@type": "QuantitativeValue", value: article.image.width },
            height: { "@type": "QuantitativeValue", value: article.image.height },
            caption: article.caption ?? undefined,
            creditText: article.credit ?? undefined,
          },
        ]
      : undefined,
    citation: article.sources.map((source) => ({
      "@type": "CreativeWork",
      name: source.title,
      url: source.url,
      publisher: source.publisher ? { "@type": "Organization", name: source.publisher } : undefined,
    })),
    correction: article.corrections.map((correction) => ({ "@type": "CorrectionComment", text: correction.text, datePublished: correction.publishedAt })),
    publisher: {
      "@type": "NewsMediaOrganization",
      name: SITE.name,
      url: absolute("/"),
      logo: { "@type": "ImageObject", url: absolute(SITE_LOGO.src), width: `${SITE_LOGO.size}`, height: `${SITE_LOGO.size}` },
      publishingPrinciples: absolute(`${paths.about}#standards`),
      ownershipFundingInfo: absolute(`${paths.about}#ownership`),
      correctionsPolicy: absolute(`${paths.corrections}#policy`),
      masthead: absolute(paths.masthead),
      actionableFeedbackPolicy: absolute(paths.contact),
      sameAs: SITE.social.map((account) => account.url),
    },
    isAccessibleForFree: true,
    inLanguage: SITE.language,
  };
}
