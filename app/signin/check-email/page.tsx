import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your email" };

// The same answer whether or not the address has an account: nothing here reveals which.
export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<{ email?: string }> }) {
  const { email } = await searchParams;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <div className="card space-y-3">
        <h1 className="text-xl font-bold">Check your email</h1>
        <p>
          If {email ? <strong className="break-all">{email}</strong> : "that address"} belongs to an account, a sign-in link is on its way.
          It works once and expires in 10 minutes.
        </p>
        <p className="muted text-sm">Nothing after a few minutes? Check your spam folder, or make sure you used the address on file.</p>
      </div>
      <Link href="/signin" className="btn-secondary w-full">Use a different address</Link>
    </div>
  );
}
