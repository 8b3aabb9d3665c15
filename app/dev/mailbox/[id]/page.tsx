import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { devMailboxDir } from "@/lib/mail/dev-mailbox";
import { readMail } from "@/lib/mail/mailbox";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Message", robots: { index: false } };

export default async function DevMailPage({ params }: { params: Promise<{ id: string }> }) {
  const dir = devMailboxDir();
  if (!dir) notFound();
  const mail = await readMail(dir, (await params).id);
  if (!mail) notFound();
  return (
    <div className="space-y-4">
      <Link href="/dev/mailbox">← Mailbox</Link>
      <div className="card space-y-1 text-sm">
        <h1 className="text-lg font-semibold">{mail.subject}</h1>
        <p><span className="muted">From</span> {mail.from}</p>
        <p className="break-all"><span className="muted">To</span> {mail.to.join(", ")}</p>
        <p><span className="muted">Received</span> {formatDateTime(new Date(mail.receivedAt))}</p>
      </div>
      {mail.html ? (
        // The message is shown in a sandboxed frame: its HTML cannot run script or reach this page.
        <iframe title="Message body" sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" srcDoc={`<base target="_top">${mail.html}`} className="h-[32rem] w-full rounded-xl border border-slate-200 bg-white dark:border-slate-800" />
      ) : null}
      <details className="card">
        <summary className="cursor-pointer font-medium">Plain-text version</summary>
        <pre className="mt-3 whitespace-pre-wrap break-words text-sm">{mail.text}</pre>
      </details>
    </div>
  );
}
