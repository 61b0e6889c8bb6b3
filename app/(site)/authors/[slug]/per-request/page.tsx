import { route } from "../listing";

// Any page of the listing, rendered for its request (see app/(site)/_listing/listing-route.tsx).
export const generateMetadata = route.perRequest.generateMetadata;
export default route.perRequest.Page;
