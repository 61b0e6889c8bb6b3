import { route } from "./listing";

// The first page, one for everybody: rendered on its first request (the build has no database), kept in the page
// cache and by shared caches, rendered again when its tags are revalidated or after 30 seconds at most. The proxy
// sends only known slugs here, so made-up addresses leave nothing in the cache; other page numbers go to
// ./per-request.
export const revalidate = 30;

export function generateStaticParams() {
  return [];
}

export const generateMetadata = route.shared.generateMetadata;
export default route.shared.Page;
