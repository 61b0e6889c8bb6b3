import { getSectionListing } from "@/lib/data/cached";
import { paths } from "@/lib/site";
import { listingRoute } from "../../_listing/listing-route";

export const route = listingRoute(getSectionListing, ({ section }) => ({
  kicker: "Section",
  title: section.name,
  intro: section.description,
  basePath: paths.section(section.slug),
  feedPath: paths.sectionFeed(section.slug),
}));
