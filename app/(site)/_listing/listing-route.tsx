import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ListingPage } from "@/components/layout/listing-page";
import type { Listing } from "@/lib/data/articles/listings";
import { pageMetadata } from "@/lib/seo/metadata";
import { parseListingPage, slugSchema } from "@/lib/validation/search-params";

type Params = { params: Promise<{ slug: string }> };
type WithQuery = Params & { searchParams: Promise<Record<string, string | string[] | undefined>> };
type Described = { kicker: string; title: string; intro?: string; basePath: string; feedPath?: string };

// The routes behind a section, tag or author page: a valid slug and page number or 404, the page's metadata with
// its canonical address, and the listing itself. The first page is one page for everybody (`shared`, kept in the
// page cache); the proxy sends any request with a `page` parameter, and any slug it does not know, to `perRequest`.
export function listingRoute<Found extends { listing: Listing }>(
  lookup: (slug: string, page: number) => Promise<Found | null>,
  describe: (found: Found) => Described,
) {
  async function load(slugParam: string, page: number | null) {
    const slug = slugSchema.safeParse(slugParam);
    if (!slug.success || page === null) notFound();
    const found = await lookup(slug.data, page);
    if (!found) notFound();
    return { found, described: describe(found) };
  }

  async function loadFirstPage({ params }: Params) {
    return load((await params).slug, 1);
  }

  async function loadRequestedPage({ params, searchParams }: WithQuery) {
    await connection();
    return load((await params).slug, parseListingPage((await searchParams).page));
  }

  function metadata({ found, described }: Awaited<ReturnType<typeof load>>): Metadata {
    const page = found.listing.page;
    return pageMetadata({
      title: page > 1 ? `${described.title} (page ${page})` : described.title,
      description: described.intro || undefined,
      path: described.basePath + (page > 1 ? `?page=${page}` : ""),
    });
  }

  function render({ found, described }: Awaited<ReturnType<typeof load>>) {
    return <ListingPage {...described} listing={found.listing} />;
  }

  return {
    shared: {
      generateMetadata: async (props: Params) => metadata(await loadFirstPage(props)),
      Page: async (props: Params) => render(await loadFirstPage(props)),
    },
    perRequest: {
      generateMetadata: async (props: WithQuery) => metadata(await loadRequestedPage(props)),
      Page: async (props: WithQuery) => render(await loadRequestedPage(props)),
    },
  };
}
