import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "No access" };

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ for?: string }> }) {
  const adminsOnly = (await searchParams).for === "admin";
  return (
    <div className="card mx-auto max-w-md space-y-3 text-center">
      <h1 className="text-xl font-bold">{adminsOnly ? "This page is for administrators" : "This area is for support staff"}</h1>
      <p className="muted">
        {adminsOnly ? "You are signed in as staff, but only administrators can manage this." : "You are signed in, but your account does not have access to this page."}
      </p>
      {adminsOnly ? <Link href="/admin" className="btn-primary">Back to the staff area</Link> : <Link href="/me" className="btn-primary">Go to my recovery</Link>}
    </div>
  );
}
