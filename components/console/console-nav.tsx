"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { SignOutButton } from "@/components/console/sign-out-button";
import type { StaffRole } from "@/lib/generated/prisma/enums";

// The console's pages. Staff and the audit log are shown to administrators only: their pages refuse everyone else.
const LINKS = [
  { href: "/admin", label: "Queue", adminOnly: false },
  { href: "/admin/settings", label: "Settings", adminOnly: false },
  { href: "/admin/staff", label: "Staff", adminOnly: true },
  { href: "/admin/audit", label: "Audit log", adminOnly: true },
  { href: "/admin/account", label: "Your account", adminOnly: false },
] as const;

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
        {LINKS.filter((link) => role === "ADMIN" || !link.adminOnly).map(({ href, label }) => (
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
