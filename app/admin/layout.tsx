import Link from "next/link";

// Staff pages are personal and always rendered per request.
export const dynamic = "force-dynamic";

export const metadata = { title: "Moderation", robots: { index: false, follow: false } };

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="border-b border-neutral-300 bg-neutral-900 text-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-3">
          <Link href="/admin" className="font-semibold">
            The Harbor Ledger · Moderation
          </Link>
          <Link href="/" className="text-sm underline">
            View site
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
