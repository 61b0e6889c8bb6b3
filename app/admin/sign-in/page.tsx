import { redirect } from "next/navigation";
import { SignInForm } from "@/components/moderation/sign-in-form";
import { getCurrentStaff } from "@/lib/auth";

export const metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await getCurrentStaff()) redirect("/admin");
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">Sign in to moderate</h1>
      <SignInForm />
    </div>
  );
}
