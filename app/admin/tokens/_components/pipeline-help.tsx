import { CopyButton } from "./copy-button";

/** How the recovery pipeline sends a batch, with this site's address and a real incident filled in. */
export function PipelineHelp({ origin, incident }: { origin: string; incident: string }) {
  const command = [
    `curl -X POST \\`,
    `  "${origin}/api/v1/restoration/batches?incident=${incident}&mode=all_or_nothing" \\`,
    `  -H "Authorization: Bearer <token>" \\`,
    `  -H "Idempotency-Key: <run id>" \\`,
    `  -H "Content-Type: text/csv" \\`,
    `  --data-binary @progress.csv`,
  ].join("\n");
  return (
    <section aria-labelledby="pipeline-title" className="card space-y-3">
      <h2 id="pipeline-title" className="text-lg font-semibold">How the recovery pipeline calls the API</h2>
      <p className="text-sm">
        The pipeline posts the same CSV the <a href="/admin/restoration/imports">import page</a> takes, as the raw request body, with its token.
        Use its run id as the <code className="font-mono">Idempotency-Key</code>: a retried run is then applied at most once.
      </p>
      <pre tabIndex={0} role="region" aria-label="Example command" className="overflow-x-auto rounded-lg bg-slate-900 p-3 dark:bg-slate-950 dark:ring-1 dark:ring-slate-700 font-mono text-xs leading-relaxed text-slate-100 sm:text-sm"><code>{command}</code></pre>
      <CopyButton text={command} label="Copy command" />
      <ul className="muted list-disc space-y-1 pl-5 text-sm">
        <li><strong>201</strong> applied · <strong>200</strong> already applied earlier (nothing changed) · <strong>422</strong> rejected, with the errors and an <code className="font-mono">errorReportUrl</code>.</li>
        <li><strong>401</strong> the token is missing, wrong or revoked · <strong>404</strong> no such incident · <strong>409</strong> the key was already used for a different file.</li>
        <li>Use <code className="font-mono">mode=apply_valid</code> to apply the rows that pass and get the rest back in the error report.</li>
      </ul>
    </section>
  );
}
