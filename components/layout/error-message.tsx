import Link from "next/link";

type Props = {
  digest?: string;
  /** Fetches the failed part of the page again and shows it if it works now. */
  retry: () => void;
  /** Where to go instead: the front page for readers, the queue for staff. */
  way: { href: string; label: string };
  children?: React.ReactNode;
};

// What every error page says: that the fault is ours, a reference for the server log, "Try again" and a way on.
// The error pages are client components (they get retry), so this is rendered in the browser too.
export function ErrorMessage({ digest, retry, way, children }: Props) {
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">This page could not be shown</h1>
      <p className="mt-4 text-neutral-700">Something went wrong on our side. Please try again in a moment.</p>
      {digest && <p className="mt-2 text-sm text-neutral-600">Reference for the server log: {digest}</p>}
      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button type="button" onClick={retry} className="rounded bg-neutral-900 px-5 py-2 font-semibold text-white">
          Try again
        </button>
        <Link href={way.href} className="font-semibold underline">
          {way.label}
        </Link>
      </div>
      {children}
    </>
  );
}
