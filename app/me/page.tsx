import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ProgressBar } from "@/components/progress-bar";
import { currentUser } from "@/lib/auth/session";
import { getMyCompensation } from "@/lib/claims/get-my-compensation";
import { getMyRecovery } from "@/lib/restoration/get-my-recovery";
import { CategoryCard, EtaText } from "./_components/category-card";
import { CompensationSummary } from "./_components/compensation-summary";
import { SignOutButton } from "./_components/sign-out-button";

export const metadata: Metadata = { title: "My recovery" };

export default async function MyRecoveryPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/me");
  const [incidents, compensation] = await Promise.all([getMyRecovery(user), getMyCompensation(user)]);

  return (
    <div className="space-y-8">
      <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="page-title">My recovery</h1>
          <p className="muted break-all text-sm">Signed in as {user.email}</p>
        </div>
        <div className="flex gap-2">
          {user.role !== "SUBSCRIBER" && <Link href="/admin" className="btn-secondary">Staff area</Link>}
          <SignOutButton />
        </div>
      </header>

      <CompensationSummary incidents={compensation} />

      {incidents.length === 0 && (
        <div className="card space-y-2">
          <h2 className="font-semibold">None of your data was affected</h2>
          <p className="muted">Your account has no data affected by any incident. If something looks missing on your phone, contact support.</p>
        </div>
      )}

      {incidents.map(({ incident, categories, affectedCount, restoredCount, next }) => (
        <section key={incident.id} aria-labelledby={`incident-${incident.id}`} className="space-y-4">
          <div className="card space-y-3">
            <h2 id={`incident-${incident.id}`} className="text-lg font-semibold">
              <Link href={`/incidents/${incident.slug}`}>{incident.title}</Link>
            </h2>
            <p className="text-2xl font-bold">
              {restoredCount} of {affectedCount} {affectedCount === 1 ? "category" : "categories"} restored
            </p>
            <ProgressBar value={restoredCount} max={affectedCount} label="Categories restored" tone="ok" />
            {next && (
              <p className="text-sm">
                Next to come back: <strong>{next.name}</strong>. <EtaText eta={next.eta} />
              </p>
            )}
          </div>
          <ul className="grid gap-3 sm:grid-cols-2">
            {categories.map((record) => (
              <CategoryCard key={record.category.id} record={record} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
