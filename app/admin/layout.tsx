import Link from "next/link";
import { ConsoleNav } from "@/components/console/console-nav";
import { getCurrentStaff, SIGN_IN_PATH } from "@/lib/auth";

// Staff pages are personal and always rendered per request.
export const dynamic = "force-dynamic";

export const metadata = { title: "Moderation", robots: { index: false, follow: false } };

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // Read here, not passed down from the pages: the sign-in page and emailed review links opened without a session
  // get no console links.
  const staff = await getCurrentStaff();
  return (
    <>
      {/* A dark bar in both schemes: mirrored like a button (app/globals.css), it would be a pale band on a dark page. */}
      <header className="border-b border-neutral-300 bg-neutral-900 text-white dark:bg-neutral-100 dark:text-neutral-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/admin" className="font-semibold">
            The Harbor Ledger · Moderation
          </Link>
          <ConsoleNav role={staff?.role ?? null} signInPath={SIGN_IN_PATH} />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
