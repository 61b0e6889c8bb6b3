import { SITE } from "@/lib/site";

// A preview link that was altered, has expired, or names an article that is gone: said plainly, with nothing about
// which of these it was. (Next.js marks a not-found answer noindex itself.)
export default function PreviewNotFound() {
  return (
    <div className="mx-auto max-w-2xl py-12">
      <title>{`Preview unavailable · ${SITE.name}`}</title>
      <h1 className="font-serif text-3xl font-bold">This preview link cannot be used</h1>
      <p className="mt-4 text-neutral-700">
        It may have expired (preview links work for 48 hours) or been copied incompletely. Ask the newsroom for a new one.
      </p>
    </div>
  );
}
