import "server-only";
import { redirect } from "next/navigation";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth/next";
import CredentialsProvider from "next-auth/providers/credentials";
import { cache } from "react";
import { z } from "zod";
import { endStaffSessions, findActiveStaff, findStaffCredentials, type StaffIdentity } from "@/lib/data/staff/staff";
import { serverEnv } from "@/lib/env";
import { CLIENT_ADDRESS_HEADER, hashClientAddress } from "@/lib/request/client";
import { can, type Capability } from "@/lib/staff/capabilities";
import { spendPasswordCheck, verifyPassword } from "@/lib/staff/password";
import { forgiveSignInAttempt, takeSignInAttempt } from "@/lib/staff/sign-in-limit";

const credentialsSchema = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(200),
});

export const SIGN_IN_PATH = "/admin/sign-in";
const ACCOUNT_PATH = "/admin/account";

export function authOptions(): NextAuthOptions {
  return {
    secret: serverEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, request) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const client = hashClientAddress(String(request.headers?.[CLIENT_ADDRESS_HEADER] ?? "unknown"));
          // Over the limit, the answer is the same as for a wrong password, and no password is checked at all.
          if (!(await takeSignInAttempt(parsed.data.email, client))) return null;
          const staff = await findStaffCredentials(parsed.data.email);
          if (!staff) {
            await spendPasswordCheck(parsed.data.password);
            return null;
          }
          const valid = await verifyPassword(staff.passwordHash, parsed.data.password);
          if (!valid || !staff.active) return null;
          await forgiveSignInAttempt(parsed.data.email, client);
          return { id: String(staff.id), email: staff.email, name: staff.name, sessionVersion: staff.sessionVersion };
        },
      }),
    ],
    events: {
      async signOut({ token }) {
        if (typeof token?.staffId === "number") await endStaffSessions(token.staffId);
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.staffId = Number(user.id);
          token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, staffId: token.staffId ?? null, sessionVersion: token.sessionVersion ?? null };
      },
      // Only same-origin paths: a crafted callbackUrl must never send a moderator elsewhere.
      redirect({ url, baseUrl }) {
        if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\")) return `${baseUrl}${url}`;
        return url.startsWith(`${baseUrl}/`) ? url : `${baseUrl}/admin`;
      },
    },
  };
}

// The session only says who signed in; whether they may still act is read from the database for every request (once
// per page drawn: the console's layout and its page ask the same question, and React's cache answers the second).
export const getCurrentStaff = cache(async function getCurrentStaff(): Promise<StaffIdentity | null> {
  const session = (await getServerSession(authOptions())) as { staffId?: unknown; sessionVersion?: unknown } | null;
  const id = session?.staffId;
  const version = session?.sessionVersion;
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0 || typeof version !== "number") return null;
  return findActiveStaff(id, version);
});

/** The signed-in staff member: sent to sign in when there is none, to their own page when this page needs what they cannot do. */
export async function requireStaffPage(needs?: Capability): Promise<StaffIdentity> {
  const staff = await getCurrentStaff();
  if (!staff) redirect(SIGN_IN_PATH);
  if (needs && !can(staff.role, needs)) redirect(ACCOUNT_PATH);
  return staff;
}
