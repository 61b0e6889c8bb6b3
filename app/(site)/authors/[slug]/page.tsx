import { listingRoute } from "@/components/layout/listing-route";
import { getAuthorListing } from "@/lib/data/cached";
import { paths } from "@/lib/site";

const route = listingRoute(getAuthorListing, ({ author }) => ({ kicker: "Author", title: author.name, intro: author.bio, basePath: paths.author(author.slug) }));

export const generateMetadata = route.generateMetadata;
export default route.Page;
