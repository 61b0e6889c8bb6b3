import { route } from "../listing";

// Any page of the listing, rendered for its request: the proxy sends here every request with a page number, and
// every slug it does not know (which is answered 404 without leaving a page in the cache).
export const generateMetadata = route.perRequest.generateMetadata;
export default route.perRequest.Page;
