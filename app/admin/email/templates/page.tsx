import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { previewTemplates } from "@/lib/notifications/admin/preview-templates";

export const metadata: Metadata = { title: "Email templates" };

export default async function EmailTemplatesPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/email/templates");
  const previews = previewTemplates(user);

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm"><Link href="/admin/email">← Email</Link></p>
        <h1 className="page-title">Email templates</h1>
        <p className="muted">Every message the outbox sends, rendered with sample data: the HTML version, the plain-text version sent alongside it, and the headers mail programs read (one-click unsubscribe).</p>
      </div>
      <nav aria-label="Templates" className="card">
        <ul className="flex flex-wrap gap-2 text-sm">
          {previews.map((p) => (
            <li key={p.name}><a href={`#template-${p.name}`} className="inline-flex min-h-11 items-center font-mono">{p.name}</a></li>
          ))}
        </ul>
      </nav>
      {previews.map((preview) => {
        const headers = Object.entries(preview.headers);
        return (
          <section key={preview.name} id={`template-${preview.name}`} aria-labelledby={`title-${preview.name}`} className="card scroll-mt-4 space-y-4">
            <div className="space-y-1">
              <h2 id={`title-${preview.name}`} className="break-all font-mono text-lg font-semibold">{preview.name}</h2>
              <p>{preview.description}</p>
            </div>
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="muted">Subject</dt>
              <dd className="break-words font-medium">{preview.subject}</dd>
              <dt className="muted">List</dt>
              <dd>{preview.list ?? "None: cannot be unsubscribed from (sent only when asked for)"}</dd>
            </dl>
            <details open className="space-y-2">
              <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold">HTML version</summary>
              {/* sandbox="" : the preview runs no script and cannot navigate this page. */}
              <iframe title={`HTML version of ${preview.name}`} srcDoc={preview.html} sandbox="" className="h-[32rem] w-full rounded-lg border border-slate-200 bg-white dark:border-slate-700" />
            </details>
            <details className="space-y-2">
              <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold">Plain-text version</summary>
              <pre tabIndex={0} role="region" aria-label={`Plain-text version of ${preview.name}`} className="overflow-x-auto whitespace-pre-wrap break-words rounded-lg bg-slate-100 p-3 font-mono text-sm dark:bg-slate-800">{preview.text}</pre>
            </details>
            <details className="space-y-2">
              <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold">Headers ({headers.length})</summary>
              {headers.length === 0 ? (
                <p className="muted text-sm">No extra headers: this message is not part of a list.</p>
              ) : (
                <dl className="space-y-2 text-sm">
                  {headers.map(([name, value]) => (
                    <div key={name}>
                      <dt className="font-mono font-semibold">{name}</dt>
                      <dd className="break-all font-mono text-xs">{value}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </details>
          </section>
        );
      })}
    </div>
  );
}
