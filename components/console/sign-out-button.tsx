"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/admin/sign-in" })} className="text-sm underline">
      Sign out
    </button>
  );
}
