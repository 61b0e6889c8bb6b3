import Image from "next/image";
import Link from "next/link";
import { HeaderSearch } from "@/components/layout/header-search";
import { getSections } from "@/lib/data/cached";
import { paths, SITE, SITE_LOGO } from "@/lib/site";

export async function SiteHeader() {
  const sections = await getSections();
  return (
    <header className="border-b-4 border-brand">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <Link href="/" className="flex items-center gap-3 font-serif text-3xl font-bold tracking-tight text-neutral-900 no-underline">
          <Image src={SITE_LOGO.src} alt="" width={40} height={40} className="rounded" priority />
          {SITE.name}
        </Link>
        <HeaderSearch />
      </div>
      {sections.length > 0 && (
        <nav aria-label="Sections" className="border-t border-neutral-200">
          <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-6 gap-y-1 px-4 py-2 text-sm font-semibold">
            <li>
              <Link href="/" className="hover:underline">
                Home
              </Link>
            </li>
            {sections.map((section) => (
              <li key={section.slug}>
                <Link href={paths.section(section.slug)} className="hover:underline">
                  {section.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
