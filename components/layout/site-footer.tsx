import Image from "next/image";
import Link from "next/link";
import { getSections } from "@/lib/data/cached";
import { paths, SITE, SITE_LOGO } from "@/lib/site";

const NEWSROOM_LINKS = [
  { href: paths.about, label: "About us" },
  { href: paths.masthead, label: "Masthead" },
  { href: paths.contact, label: "Contact" },
  { href: paths.corrections, label: "Corrections policy" },
  { href: "/privacy", label: "Privacy: what we keep about commenters" },
  { href: "/privacy/my-comments", label: "Download or erase your comments" },
] as const;

function FooterHeading({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <h2 id={id} className="text-xs font-bold tracking-wider text-neutral-900 uppercase">
      {children}
    </h2>
  );
}

// Who publishes the site and how to reach them, its sections, and where else to follow it: what readers (and
// the services that judge news sources) look for at the foot of every page.
export async function SiteFooter() {
  const sections = await getSections();
  return (
    <footer className="mt-16 border-t border-neutral-200 bg-neutral-50">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-10 text-sm text-neutral-700 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <Link href="/" className="flex items-center gap-2 font-serif text-xl font-bold text-neutral-900">
            <Image src={SITE_LOGO.src} alt="" width={32} height={32} className="rounded" />
            {SITE.name}
          </Link>
          <p className="mt-3">{SITE.description}</p>
          <p className="mt-3">Reader comments are moderated; email addresses are never published.</p>
        </div>
        <nav aria-labelledby="footer-sections">
          <FooterHeading id="footer-sections">Read by section</FooterHeading>
          <ul className="mt-3 space-y-2">
            {sections.map((section) => (
              <li key={section.slug}>
                <Link href={paths.section(section.slug)} className="hover:underline">
                  {section.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-labelledby="footer-newsroom">
          <FooterHeading id="footer-newsroom">The newsroom</FooterHeading>
          <ul className="mt-3 space-y-2">
            {NEWSROOM_LINKS.map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="hover:underline">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-labelledby="footer-connect">
          <FooterHeading id="footer-connect">Connect with us</FooterHeading>
          <ul className="mt-3 space-y-2">
            <li>
              <a href={paths.feed} className="hover:underline">
                RSS: all stories
              </a>
            </li>
            {sections.map((section) => (
              <li key={section.slug}>
                <a href={paths.sectionFeed(section.slug)} className="hover:underline">
                  RSS: {section.name}
                </a>
              </li>
            ))}
            {SITE.social.map((account) => (
              <li key={account.name}>
                <a href={account.url} rel="me noopener" className="hover:underline">
                  {account.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <p className="mx-auto max-w-6xl px-4 pb-8 text-xs text-neutral-600">© {SITE.name}</p>
    </footer>
  );
}
