import { LatestStories, NotFoundMessage } from "@/components/layout/not-found-content";

// The 404 page for addresses that are no page at all. It lives in this segment so that only these answers carry
// the latest stories, not every page of the site.
export default function UnknownAddressNotFound() {
  return (
    <NotFoundMessage>
      <LatestStories />
    </NotFoundMessage>
  );
}
