import { redirect } from "next/navigation";
import { SignInForm } from "@/components/console/sign-in-form";
import { getCurrentStaff } from "@/lib/auth";

export const metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  if (await getCurrentStaff()) redirect("/admin");
  const { password } = await searchParams;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">Sign in to moderate</h1>
      {password === "changed" && (
        <p role="status" className="mt-3 text-sm font-semibold text-green-800">
          Your password is changed and your other sessions have ended. Please sign in with the new password.
        </p>
      )}
      <SignInForm />
    </div>
  );
}
