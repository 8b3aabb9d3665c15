import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime, formatRelative } from "@/components/format";
import { devMailboxDir } from "@/lib/mail/dev-mailbox";
import { pageMailbox } from "@/lib/mail/mailbox";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Development mailbox", robots: { index: false } };

const PER_PAGE = 50;

export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const dir = devMailboxDir();
  if (!dir) notFound();
  const { page: pageParam } = await searchParams;
  const { mails, total, page, pages } = await pageMailbox(dir, { page: Number(typeof pageParam === "string" ? pageParam : 1), perPage: PER_PAGE });
  const pageHref = (n: number) => (n === 1 ? "/dev/mailbox" : `/dev/mailbox?page=${n}`);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-amber-700 dark:text-amber-300">Development only</p>
        <h1 className="page-title">Mailbox</h1>
        <p className="muted">
          Every email the portal sends in development lands here instead of a real inbox. Sign in as{" "}
          <code>support@nimbus.example</code>, <code>admin@nimbus.example</code> or the demo subscriber <code>sam.rivera@example.com</code>, then open the newest message.
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <Link href={pageHref(page)} className="btn-secondary">Refresh</Link>
          {total > 0 && <p className="muted text-sm">{total.toLocaleString("en-US")} {total === 1 ? "message" : "messages"}{pages > 1 ? ` · page ${page} of ${pages}` : ""}</p>}
        </div>
      </div>
      {mails.length === 0 ? (
        <div className="card"><p className="muted">No messages yet. Ask for a sign-in link and it will show up here.</p></div>
      ) : (
        <ul className="card divide-y divide-slate-200 p-0 sm:p-0 dark:divide-slate-800">
          {mails.map((mail) => (
            <li key={mail.id}>
              <Link href={`/dev/mailbox/${mail.id}`} className="block px-4 py-3 text-inherit no-underline hover:bg-slate-50 hover:no-underline dark:hover:bg-slate-800">
                <p className="font-medium text-slate-900 dark:text-slate-100">{mail.subject}</p>
                <p className="muted break-all text-sm">To {mail.to.join(", ")} · from {mail.from}</p>
                <p className="muted text-xs"><time dateTime={mail.receivedAt} title={formatDateTime(new Date(mail.receivedAt))}>{formatRelative(new Date(mail.receivedAt))}</time></p>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav aria-label="Mailbox pages" className="flex items-center justify-between gap-2">
          {page > 1 ? <Link href={pageHref(page - 1)} className="btn-secondary">Newer</Link> : <span />}
          {page < pages ? <Link href={pageHref(page + 1)} className="btn-secondary">Older</Link> : <span />}
        </nav>
      )}
    </div>
  );
}
