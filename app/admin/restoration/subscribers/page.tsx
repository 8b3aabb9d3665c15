import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { findSubscribers } from "@/lib/restoration/find-subscribers";

export const metadata: Metadata = { title: "Find a subscriber" };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export default async function FindSubscriberPage({ searchParams }: Props) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/restoration/subscribers");
  const { q: raw } = await searchParams;
  const q = (typeof raw === "string" ? raw : "").trim().slice(0, 200);
  const result = q ? await findSubscribers({ actor: user, input: { q } }) : null;

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="page-title">Find a subscriber</h1>
        <p className="muted">Look someone up to see where each of their data categories stands, and correct a record.</p>
      </div>

      <form method="get" role="search" className="card flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="q" className="label">Email, phone number or account reference</label>
          <input id="q" name="q" type="search" defaultValue={q} required maxLength={200} autoComplete="off" spellCheck={false} placeholder="e.g. NM-100017" className="input" />
        </div>
        <button type="submit" className="btn-primary">Search</button>
      </form>

      {result && !result.searched && (
        <div className="card" role="status">
          <p>That does not look like an email address, phone number or account reference. Enter one of them in full, for example <span className="font-mono">NM-100017</span> or <span className="font-mono">+1 555 100 0017</span>.</p>
        </div>
      )}
      {result?.searched && result.subscribers.length === 0 && (
        <div className="card space-y-1" role="status">
          <p className="font-semibold">Nobody found for “{q}”.</p>
          <p className="muted text-sm">Email addresses and account references must match in full. Check the spelling, or try another of the three.</p>
        </div>
      )}
      {result && result.subscribers.length > 0 && (
        <section aria-labelledby="matches" className="space-y-3">
          <h2 id="matches" className="font-semibold">{result.subscribers.length === 1 ? "1 match" : `${result.subscribers.length} matches`}</h2>
          <ul className="space-y-3">
            {result.subscribers.map((s) => (
              <li key={s.id}>
                <Link href={`/admin/restoration/subscribers/${s.id}`} className="card block text-inherit no-underline hover:border-blue-400 hover:no-underline dark:text-inherit">
                  <span className="block font-semibold text-blue-700 underline-offset-2 dark:text-blue-300">{s.name ?? s.email}</span>
                  <span className="mt-1 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
                    <span className="break-all"><span className="muted">Email </span>{s.email}</span>
                    <span><span className="muted">Account </span>{s.accountRef ?? "—"}</span>
                    <span><span className="muted">Phone </span>{s.phone ?? "—"}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
