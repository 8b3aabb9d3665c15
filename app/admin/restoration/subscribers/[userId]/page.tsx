import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import { INCIDENT_STATUS_TONE } from "@/components/tones";
import { currentUser } from "@/lib/auth/session";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { toAppError } from "@/lib/errors";
import { INCIDENT_STATUS_LABEL } from "@/lib/incidents/labels";
import { getSubscriberRestoration, type SubscriberRestoration } from "@/lib/restoration/get-subscriber-restoration";
import { describeSource, STATE_NAME } from "@/lib/restoration/staff-copy";
import { STATE_COPY } from "@/lib/restoration/state-copy";
import { isSettled } from "@/lib/restoration/transitions";
import { TransitionForm } from "./_components/transition-form";

export const metadata: Metadata = { title: "Subscriber restoration" };

type Props = { params: Promise<{ userId: string }> };
type CategoryEntry = SubscriberRestoration["incidents"][number]["categories"][number];

const number = (n: number) => n.toLocaleString("en-US");

export default async function SubscriberRestorationPage({ params }: Props) {
  const user = await currentUser();
  const { userId } = await params;
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/admin/restoration/subscribers/${userId}`)}`);
  const view = await getSubscriberRestoration({ actor: user, userId }).catch((error: unknown) => {
    if (toAppError(error)?.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { subscriber } = view;

  return (
    <div className="space-y-6">
      <Link href="/admin/restoration/subscribers" className="inline-block text-sm">← Find another subscriber</Link>
      <section aria-labelledby="subscriber" className="card space-y-3">
        <h1 id="subscriber" className="page-title break-words">{subscriber.name ?? subscriber.email}</h1>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <div><dt className="muted">Email</dt><dd className="break-all font-medium">{subscriber.email}</dd></div>
          <div><dt className="muted">Account reference</dt><dd className="font-medium">{subscriber.accountRef ?? "None on file"}</dd></div>
          <div><dt className="muted">Phone</dt><dd className="font-medium">{subscriber.phone ?? "None on file"}</dd></div>
          {subscriber.role !== "SUBSCRIBER" && <div><dt className="muted">Role</dt><dd className="font-medium">{ROLE_LABEL[subscriber.role]}</dd></div>}
        </dl>
      </section>

      {view.incidents.length === 0 && (
        <div className="card"><p>No restoration records, and no open incident with a restoration plan.</p></div>
      )}

      {view.incidents.map(({ incident, categories }) => {
        const affected = categories.filter((c) => c.record && c.record.state !== "NOT_AFFECTED");
        const settled = affected.filter((c) => isSettled(c.record!.state));
        const cards = categories.map((entry) => <CategoryCard key={entry.category.id} entry={entry} userId={subscriber.id} incidentId={incident.id} />);
        return (
          <section key={incident.id} aria-labelledby={`incident-${incident.id}`} className="space-y-3">
            <div className="flex flex-col items-start gap-2 sm:flex-row sm:items-center sm:justify-between">
              <h2 id={`incident-${incident.id}`} className="text-lg font-semibold">
                <Link href={`/incidents/${incident.slug}`}>{incident.title}</Link>
              </h2>
              <StatusPill tone={INCIDENT_STATUS_TONE[incident.status]}>{INCIDENT_STATUS_LABEL[incident.status]}</StatusPill>
            </div>
            {categories.some((c) => c.record) ? (
              <>
                <p className="muted text-sm">
                  {affected.length === 0 ? "No category recorded as affected." : `${settled.length} of ${affected.length} affected ${affected.length === 1 ? "category" : "categories"} settled.`}
                </p>
                <ul className="space-y-3">{cards}</ul>
              </>
            ) : (
              // Open incidents the subscriber has no record in stay folded: usually they were not affected.
              <details className="card">
                <summary className="cursor-pointer text-sm">
                  <span className="font-medium">No records in this incident.</span> <span className="text-blue-700 dark:text-blue-300">Add one</span>
                </summary>
                <ul className="mt-4 space-y-3">{cards}</ul>
              </details>
            )}
          </section>
        );
      })}
    </div>
  );
}

function CategoryCard({ entry, userId, incidentId }: { entry: CategoryEntry; userId: string; incidentId: number }) {
  const { category, record, events } = entry;
  const headingId = `category-${incidentId}-${category.id}`;
  return (
    <li>
      <section aria-labelledby={headingId} className="card space-y-4">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h3 id={headingId} className="font-semibold">{category.name}</h3>
          {record ? <StatusPill tone={STATE_COPY[record.state].tone}>{STATE_NAME[record.state]}</StatusPill> : <StatusPill tone="neutral">No record</StatusPill>}
        </div>
        {record ? (
          <div className="space-y-1 text-sm">
            <p className="font-medium">
              {number(record.itemsLost)} lost · {number(record.itemsRecovered)} recovered · {number(record.itemsRestored)} restored <span className="muted font-normal">{category.itemNoun}</span>
            </p>
            <p className="muted">The subscriber sees “{STATE_COPY[record.state].label}”. As of {formatDateTime(record.asOf)}.</p>
          </div>
        ) : (
          <p className="muted text-sm">Nothing recorded for this category. Add a record if the subscriber lost {category.itemNoun} here.</p>
        )}

        <details className="group rounded-lg border border-slate-200 dark:border-slate-800">
          <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-semibold text-blue-700 dark:text-blue-300">
            {record ? "Change state or counts" : "Add a record"}<span className="sr-only"> for {category.name}</span>
          </summary>
          <div className="border-t border-slate-200 p-3 dark:border-slate-800">
            <TransitionForm userId={userId} incidentId={incidentId} categoryId={category.id} categoryName={category.name} current={record} />
          </div>
        </details>

        {events.length > 0 && (
          <div className="space-y-2">
            <h4 className="text-sm font-semibold">History<span className="sr-only"> of {category.name}</span></h4>
            <ol className="space-y-2 border-l-2 border-slate-200 pl-3 dark:border-slate-700">
              {events.map((event) => (
                <li key={event.id} className="text-sm">
                  <p className="font-medium">
                    {event.fromState ? `${STATE_NAME[event.fromState]} → ${STATE_NAME[event.toState]}` : `Started as ${STATE_NAME[event.toState]}`}
                  </p>
                  <p className="muted text-xs">
                    {number(event.itemsLost)} lost · {number(event.itemsRecovered)} recovered · {number(event.itemsRestored)} restored · {describeSource(event)} · as of {formatDateTime(event.asOf)}
                  </p>
                  {event.note && <p className="mt-1 whitespace-pre-line break-words rounded bg-slate-100 px-2 py-1 dark:bg-slate-800">“{event.note}”</p>}
                </li>
              ))}
            </ol>
          </div>
        )}
      </section>
    </li>
  );
}
