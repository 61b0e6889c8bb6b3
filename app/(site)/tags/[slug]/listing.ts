import { listingRoute } from "@/components/layout/listing-route";
import { getTagListing } from "@/lib/data/cached";
import { paths } from "@/lib/site";

export const route = listingRoute(getTagListing, ({ tag }) => ({ kicker: "Topic", title: tag.name, intro: tag.description, basePath: paths.tag(tag.slug) }));
