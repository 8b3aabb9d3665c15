import type { Metadata } from "next";
import { connection } from "next/server";
import { listComponentGroups } from "@/lib/incidents/list-components";
import { servicesNamedIn } from "@/lib/notifications/subscriptions/services-named-in";
import { SubscribeForm } from "./_components/subscribe-form";

export const metadata: Metadata = { title: "Get email updates" };

// An incident page links here with its services named (`?services=a,b`), already ticked.
export default async function SubscribePage({ searchParams }: { searchParams: Promise<{ services?: string | string[] }> }) {
  await connection();
  const [groups, { services }] = await Promise.all([listComponentGroups(), searchParams]);
  const preselected = servicesNamedIn(groups, typeof services === "string" ? services : undefined);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-1">
        <h1 className="page-title">Get email updates</h1>
        <p className="muted">Hear about incidents and maintenance as they happen, for every service or only the ones you use.</p>
      </div>
      <div className="card">
        <SubscribeForm groups={groups} preselected={preselected} />
      </div>
    </div>
  );
}
