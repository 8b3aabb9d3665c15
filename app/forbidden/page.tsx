import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "No access" };

export default function ForbiddenPage() {
  return (
    <div className="card mx-auto max-w-md space-y-3 text-center">
      <h1 className="text-xl font-bold">This area is for support staff</h1>
      <p className="muted">You are signed in, but your account does not have access to this page.</p>
      <Link href="/me" className="btn-primary">Go to my recovery</Link>
    </div>
  );
}
