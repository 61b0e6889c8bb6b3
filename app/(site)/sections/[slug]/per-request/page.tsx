import { route } from "../listing";

// Any page of the listing, rendered for its request (see components/layout/listing-route.tsx).
export const generateMetadata = route.perRequest.generateMetadata;
export default route.perRequest.Page;
