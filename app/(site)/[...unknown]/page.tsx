import { notFound } from "next/navigation";

// Any address no other route matches is answered here, inside the site's frame (its sections, search and footer),
// with the latest stories (./not-found.tsx), rather than by the root 404 page, which is built ahead without a
// database.
export default function UnknownAddress() {
  notFound();
}
