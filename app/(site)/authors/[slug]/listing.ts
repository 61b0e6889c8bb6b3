import { getAuthorListing } from "@/lib/data/cached";
import { paths } from "@/lib/site";
import { listingRoute } from "../../_listing/listing-route";

export const route = listingRoute(getAuthorListing, ({ author }) => ({
  kicker: "Author",
  title: author.name,
  intro: author.bio,
  basePath: paths.author(author.slug),
}));
