import { getTagListing } from "@/lib/data/cached";
import { paths } from "@/lib/site";
import { listingRoute } from "../../_listing/listing-route";

export const route = listingRoute(getTagListing, ({ tag }) => ({ kicker: "Topic", title: tag.name, intro: tag.description, basePath: paths.tag(tag.slug) }));
