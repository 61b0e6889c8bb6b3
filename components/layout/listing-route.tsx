import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ListingPage } from "@/components/layout/listing-page";
import type { Listing } from "@/lib/data/listings";
import { pageMetadata } from "@/lib/seo/metadata";
import { parseListingPage, slugSchema } from "@/lib/validation/search-params";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
type Described = { kicker: string; title: string; intro?: string; basePath: string; feedPath?: string };

// The route behind a section, tag or author page: a valid slug and page number or 404, the page's metadata with
// its canonical address, and the listing itself.
export function listingRoute<Found extends { listing: Listing }>(lookup: (slug: string, page: number) => Promise<Found | null>, describe: (found: Found) => Described) {
  async function load({ params, searchParams }: Props) {
    await connection();
    const slug = slugSchema.safeParse((await params).slug);
    const page = parseListingPage((await searchParams).page);
    if (!slug.success || page === null) notFound();
    const found = await lookup(slug.data, page);
    if (!found) notFound();
    return { found, described: describe(found) };
  }

  async function generateMetadata(props: Props): Promise<Metadata> {
    const { found, described } = await load(props);
    const page = found.listing.page;
    return pageMetadata({
      title: page > 1 ? `${described.title} (page ${page})` : described.title,
      description: described.intro || undefined,
      path: described.basePath + (page > 1 ? `?page=${page}` : ""),
    });
  }

  async function Page(props: Props) {
    const { found, described } = await load(props);
    return <ListingPage {...described} listing={found.listing} />;
  }

  return { generateMetadata, Page };
}
