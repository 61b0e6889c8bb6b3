import { NotFoundMessage } from "@/components/layout/not-found-content";

// An article, section, tag or author that is not there: the site's header and footer stay around it.
export default function NotFound() {
  return <NotFoundMessage />;
}
