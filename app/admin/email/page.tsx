import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { currentUser } from "@/lib/auth/session";
import { toAppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import { findMessagesTo, type MessagesTo } from "@/lib/notifications/admin/find-messages-to";
import { getEmailOverview, type EmailOverview, type MessagePage } from "@/lib/notifications/admin/get-email-overview";
import { AddressMessages } from "./_components/address-messages";
import { formatBehind } from "./_components/behind";
import { ProblemList } from "./_components/problem-list";
import { SuppressionList } from "./_components/suppression-list";

export const metadata: Metadata = { title: "Email" };

type Params = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
const n = (value: number) => value.toLocaleString("en-US");

const TILES = [
  ["QUEUED", "Queued", "Waiting for the worker"],
  ["SENDING", "Sending", "Held by a worker now"],
  ["SENT", "Sent", "Delivered to the mail server"],
  ["DEAD", "Dead", "Gave up after repeated temporary failures"],
  ["FAILED", "Failed", "Permanent failure; address suppressed"],
  ["SUPPRESSED", "Suppressed", "Not sent: suppressed, unsubscribed or nothing left to say"],
] as const;

/** A hand-edited or truncated link shows the whole desk with a note instead of an error page. */
async function loadOverview(actor: Actor, input: Record<string, string | undefined>): Promise<{ overview: EmailOverview; invalidLink: string | null }> {
  try {
    return { overview: await getEmailOverview({ actor, input }), invalidLink: null };
  } catch (error) {
    const appError = toAppError(error);
    if (appError?.code !== "INVALID") throw error;
    return { overview: await getEmailOverview({ actor, input: {} }), invalidLink: appError.message };
  }
}

/** The address lookup; a mistyped address is a message by the box, not an error page. */
async function lookUpAddress(actor: Actor, to: string | undefined): Promise<{ found: MessagesTo | null; problem: string | null }> {
  if (to === undefined) return { found: null, problem: null };
  try {
    return { found: await findMessagesTo({ actor, input: { to } }), problem: null };
  } catch (error) {
    const appError = toAppError(error);
    if (appError?.code !== "INVALID") throw error;
    return { found: null, problem: appError.message };
  }
}

export default async function EmailDeskPage({ searchParams }: { searchParams: Promise<Params> }) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/email");
  const params = await searchParams;
  const to = one(params.to);
  const [{ overview, invalidLink }, lookup] = await Promise.all([
    loadOverview(user, { q: one(params.q), dead: one(params.dead), failed: one(params.failed) }),
    lookUpAddress(user, to),
  ]);
  const q = overview.filters.q ?? "";
  const href = (extra: Record<string, string | null>) => {
    const query = new URLSearchParams(Object.entries({ q, ...extra }).filter((e): e is [string, string] => Boolean(e[1])));
    return query.size ? `/admin/email?${query.toString()}` : "/admin/email";
  };
  const rows = (page: MessagePage) =>
    page.messages.map((m) => ({ id: m.id, template: m.template, toEmail: m.toEmail, eventRef: m.eventRef, attempts: m.attempts, lastError: m.lastError, createdAt: formatDateTime(m.createdAt), suppressedReason: m.suppressedReason }));
  const pager = (kind: "dead" | "failed", page: MessagePage) => {
    const onOlderPage = Boolean(overview.filters[kind]);
    if (!onOlderPage && !page.olderCursor) return null;
    return (
      <nav aria-label={kind === "dead" ? "Dead letter pages" : "Failed message pages"} className="flex items-center justify-between gap-2">
        {onOlderPage ? <Link href={href({ [kind]: null })} className="btn-secondary">Newest</Link> : <span />}
        {page.olderCursor ? <Link href={href({ [kind]: page.olderCursor })} className="btn-secondary">Older</Link> : <span />}
      </nav>
    );
  };

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="page-title">Email</h1>
        <p className="muted">
          Delivery of the email outbox: what is waiting, what went out, what failed. Messages that kept failing for a while are
          dead letters and can be retried; a permanent failure suppresses its address until staff lift it.{" "}
          <Link href="/admin/email/templates">Template previews</Link>
        </p>
      </div>

      {invalidLink && <p role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">{invalidLink} Showing the whole desk instead.</p>}

      <section aria-labelledby="lookup" className="card space-y-3">
        <div className="space-y-1">
          <h2 id="lookup" className="text-lg font-semibold">Did they get the email?</h2>
          <p className="muted text-sm">Every message to one address — queued, sent, failed, dead or not sent — with its last error.</p>
        </div>
        <form method="get" role="search" aria-label="Find every email to one address" className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="grow">
            <label htmlFor="to" className="label">Whole email address</label>
            <input
              id="to"
              name="to"
              type="email"
              inputMode="email"
              defaultValue={to ?? ""}
              className="input"
              autoComplete="off"
              placeholder="name@example.com"
              aria-invalid={lookup.problem ? true : undefined}
              aria-describedby={lookup.problem ? "to-problem" : undefined}
            />
          </div>
          <button type="submit" className="btn-primary">Find emails</button>
        </form>
        {lookup.problem && <p id="to-problem" role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">{lookup.problem}</p>}
        {lookup.found && <AddressMessages found={lookup.found} />}
      </section>

      <section aria-labelledby="delivery" className="space-y-3">
        <h2 id="delivery" className="sr-only">Delivery</h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          <div className="card col-span-2 sm:col-span-3 lg:col-span-1">
            <dt className="muted text-sm">Worker behind by</dt>
            <dd className="text-3xl font-bold">{formatBehind(overview.behindSeconds)}</dd>
            <dd className="muted text-xs">{overview.oldestDueAt ? `Oldest waiting email due ${formatDateTime(overview.oldestDueAt)}` : "No email is waiting"}</dd>
          </div>
          {TILES.map(([status, label, hint]) => (
            <div key={status} className="card min-w-0">
              <dt className="muted text-sm">{label}</dt>
              <dd className="text-2xl font-bold sm:text-3xl">{n(overview.counts[status])}</dd>
              <dd className="muted text-xs">{hint}</dd>
            </div>
          ))}
          <div className="card col-span-2 min-w-0 sm:col-span-1">
            <dt className="muted text-sm">Sent recently</dt>
            <dd className="text-2xl font-bold sm:text-3xl">{n(overview.sentLastHour)}</dd>
            <dd className="muted text-xs">in the last hour · {n(overview.sentLastDay)} in 24 h</dd>
          </div>
        </dl>
      </section>

      <form method="get" role="search" aria-label="Search by address" className="card flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="grow">
          <label htmlFor="q" className="label">Email address (or part of it)</label>
          <input id="q" name="q" type="search" defaultValue={q} className="input" autoComplete="off" />
        </div>
        <button type="submit" className="btn-secondary">Search</button>
        {q && <Link href="/admin/email" className="btn-secondary">Show all</Link>}
      </form>

      <section aria-labelledby="dead" className="card space-y-3">
        <div className="space-y-1">
          <h2 id="dead" className="text-lg font-semibold">Dead letters ({n(overview.counts.DEAD)})</h2>
          <p className="muted text-sm">The worker gave up on these after its retry limit on temporary failures. Retrying starts the attempts over and sends at once.</p>
        </div>
        <ProblemList kind="dead" rows={rows(overview.dead)} q={q} />
        {pager("dead", overview.dead)}
      </section>

      <section aria-labelledby="failed" className="card space-y-3">
        <div className="space-y-1">
          <h2 id="failed" className="text-lg font-semibold">Failed ({n(overview.counts.FAILED)})</h2>
          <p className="muted text-sm">Permanent failures (a 5xx answer, a bad address): the address was suppressed at once. Once its suppression is lifted, the message can be retried.</p>
        </div>
        <ProblemList kind="failed" rows={rows(overview.failed)} q={q} />
        {pager("failed", overview.failed)}
      </section>

      <section aria-labelledby="suppressions" className="card space-y-3">
        <div className="space-y-1">
          <h2 id="suppressions" className="text-lg font-semibold">Suppressed addresses ({n(overview.suppressionTotal)})</h2>
          <p className="muted text-sm">
            Nothing is sent to these addresses. {overview.suppressionTotal > overview.suppressions.length ? `The ${overview.suppressions.length} newest are shown; search to find others.` : ""}
          </p>
        </div>
        <SuppressionList rows={overview.suppressions.map((s) => ({ email: s.email, reason: s.reason, since: formatDateTime(s.createdAt) }))} />
      </section>
    </div>
  );
}
