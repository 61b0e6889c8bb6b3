import { listingRoute } from "@/components/layout/listing-route";
import { getAuthorListing } from "@/lib/data/cached";
import { paths } from "@/lib/site";

export const route = listingRoute(getAuthorListing, ({ author }) => ({
  kicker: "Author",
  title: author.name,
  intro: author.bio,
  basePath: paths.author(author.slug),
}));
