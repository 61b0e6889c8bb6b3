import type { Thing, WithContext } from "schema-dts";

// Structured data in the page. "<" is escaped so that no text inside (a headline, a source's title) can close the
// script element.
export function JsonLd({ data }: { data: WithContext<Thing> }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }} />;
}
