import type { Metadata } from "next";
import { signInDestination } from "@/lib/auth/callback-url";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="space-y-2">
        <h1 className="page-title">Sign in</h1>
        <p className="muted">
          We will email you a link that signs you in — no password needed. The link works once and expires after 10 minutes.
        </p>
      </div>
      <div className="card">
        <SignInForm callbackUrl={signInDestination(callbackUrl)} initialError={error} />
      </div>
    </div>
  );
}
