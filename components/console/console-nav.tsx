"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { SignOutButton } from "@/components/console/sign-out-button";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { can, type Capability } from "@/lib/staff/capabilities";

// The console's pages, each shown to the roles its page admits (the pages check again). Those who cannot moderate
// see Articles first: it is their work.
const LINKS: { href: string; label: string; needs: Capability | null }[] = [
  { href: "/admin", label: "Queue", needs: "moderate" },
  { href: "/admin/settings", label: "Settings", needs: "moderate" },
  { href: "/admin/articles", label: "Articles", needs: "write" },
  { href: "/admin/newsroom", label: "Sections & topics", needs: "edit" },
  { href: "/admin/staff", label: "Staff", needs: "administer" },
  { href: "/admin/audit", label: "Audit log", needs: "administer" },
  { href: "/admin/account", label: "Your account", needs: null },
];

const SITE_LINK = { href: "/", label: "View site" } as const;

type Props = {
  /** The signed-in staff member's role, or null when nobody is signed in. */
  role: StaffRole | null;
  signInPath: string;
};

// The header's links on every staff page. It wraps onto more lines on a narrow screen rather than scrolling sideways.
export function ConsoleNav({ role, signInPath }: Props) {
  const pathname = usePathname();
  // The layout is kept across client-side navigations, so a session that ended since it was rendered (a changed
  // password, a deactivation) still lands on the sign-in page with it: the path decides too.
  if (!role || pathname === signInPath) {
    return (
      <Link href={SITE_LINK.href} className="text-sm underline">
        {SITE_LINK.label}
      </Link>
    );
  }
  return (
    <nav aria-label="Console" className="text-sm">
      <ul className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {LINKS.filter((link) => link.needs === null || can(role, link.needs)).map(({ href, label }) => (
          <li key={href}>
            <Link
              href={href}
              aria-current={pathname === href ? "page" : undefined}
              className="underline-offset-4 hover:underline aria-[current=page]:font-semibold aria-[current=page]:underline aria-[current=page]:decoration-2"
            >
              {label}
            </Link>
          </li>
        ))}
        <li>
          <Link href={SITE_LINK.href} className="underline-offset-4 hover:underline">
            {SITE_LINK.label}
          </Link>
        </li>
        <li>
          <SignOutButton />
        </li>
      </ul>
    </nav>
  );
}
