import { listingRoute } from "@/components/layout/listing-route";
import { getSectionListing } from "@/lib/data/cached";
import { paths } from "@/lib/site";

const route = listingRoute(getSectionListing, ({ section }) => ({
  kicker: "Section",
  title: section.name,
  intro: section.description,
  basePath: paths.section(section.slug),
  feedPath: paths.sectionFeed(section.slug),
}));

export const generateMetadata = route.generateMetadata;
export default route.Page;
