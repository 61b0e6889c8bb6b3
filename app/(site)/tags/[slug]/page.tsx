import { route } from "./listing";

// The shared first page (see app/(site)/_listing/listing-route.tsx); rendered on its first request, not at build time.
export const revalidate = 30;

export function generateStaticParams() {
  return [];
}

export const generateMetadata = route.shared.generateMetadata;
export default route.shared.Page;
