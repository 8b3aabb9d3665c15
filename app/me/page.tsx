import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatDate, formatDateTime } from "@/components/format";
import { ProgressBar } from "@/components/progress-bar";
import { StatusPill } from "@/components/status-pill";
import { currentUser } from "@/lib/auth/session";
import { getMyRecovery } from "@/lib/restoration/get-my-recovery";
import { STATE_COPY } from "@/lib/restoration/state-copy";
import { SignOutButton } from "./_components/sign-out-button";

export const metadata: Metadata = { title: "My recovery" };

export default async function MyRecoveryPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/me");
  const incidents = await getMyRecovery(user);
  const now = new Date();

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

      {incidents.length === 0 && (
        <div className="card space-y-2">
          <h2 className="font-semibold">None of your data was affected</h2>
          <p className="muted">Your account has no data affected by any incident. If something looks missing on your phone, contact support.</p>
        </div>
      )}

      {incidents.map(({ incident, categories, affectedCount, restoredCount }) => (
        <section key={incident.id} aria-labelledby={`incident-${incident.id}`} className="space-y-4">
          <div className="card space-y-3">
            <h2 id={`incident-${incident.id}`} className="text-lg font-semibold">
              <Link href={`/incidents/${incident.slug}`}>{incident.title}</Link>
            </h2>
            <p className="text-2xl font-bold">
              {restoredCount} of {affectedCount} {affectedCount === 1 ? "category" : "categories"} restored
            </p>
            <ProgressBar value={restoredCount} max={affectedCount} label="Categories restored" tone="ok" />
          </div>
          <ul className="grid gap-3 sm:grid-cols-2">
            {categories.map((record) => {
              const copy = STATE_COPY[record.state];
              const back = record.state === "RESTORING" || record.state === "RESTORED" || record.state === "PARTIAL" ? record.itemsRestored : 0;
              return (
                <li key={record.category.id} className="card space-y-3">
                  <div className="flex items-start justify-between gap-2">
                    <h3 className="font-semibold">{record.category.name}</h3>
                    <StatusPill tone={copy.tone}>{copy.label}</StatusPill>
                  </div>
                  {record.state !== "NOT_AFFECTED" && (
                    <>
                      <ProgressBar value={back} max={record.itemsLost} label={`${record.category.name} restored`} tone={copy.tone === "bad" ? "bad" : copy.tone === "warn" ? "warn" : "ok"} />
                      <p className="text-sm font-medium">
                        {back.toLocaleString("en-US")} of {record.itemsLost.toLocaleString("en-US")} {record.category.itemNoun} back
                      </p>
                    </>
                  )}
                  <p className="text-sm">{copy.meaning} {copy.next}</p>
                  {record.plannedEnd && !["RESTORED", "PARTIAL", "UNRECOVERABLE", "NOT_AFFECTED"].includes(record.state) && (
                    <p className="muted text-sm">
                      {record.plannedEnd.getTime() >= now.getTime()
                        ? `Planned to be back by ${formatDate(record.plannedEnd)}`
                        : `Running later than planned (was due ${formatDate(record.plannedEnd)}); we will update this as soon as we know more.`}
                    </p>
                  )}
                  <p className="muted text-xs">Last change {formatDateTime(record.asOf)}</p>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
