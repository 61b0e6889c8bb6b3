import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b-4 border-brand">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <Link href="/" className="font-serif text-3xl font-bold tracking-tight text-neutral-900 no-underline">
          The Harbor Ledger
        </Link>
        <p className="text-sm text-neutral-600">Independent news from the harbor city and the world</p>
      </div>
    </header>
  );
}
