"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ImportResultView } from "./import-result";
import { UploadProgress } from "./upload-progress";
import { checkFile, formatFileSize, formatMegabytes, uploadBatch, type ImportMode, type UploadResult } from "./upload-batch";

type Phase =
  | { step: "idle" }
  | { step: "uploading"; loaded: number; total: number }
  | { step: "processing" }
  | { step: "done"; result: UploadResult }
  | { step: "failed"; message: string };

type Props = {
  incidents: { slug: string; title: string; open: boolean }[];
  incident: string;
  maxBytes: number;
};

const MODES: [ImportMode, string, string][] = [
  ["ALL_OR_NOTHING", "All or nothing (recommended)", "If any row fails the checks, nothing is applied. Fix the file and upload it again."],
  ["APPLY_VALID", "Apply valid rows and list the rejected ones", "Rows that pass are applied; the others are listed in the error report for a follow-up file."],
];

export function ImportForm({ incidents, incident: initialIncident, maxBytes }: Props) {
  const router = useRouter();
  // Everything is controlled state and the form never resets itself, so a refused upload keeps
  // the chosen file and settings for the next try.
  const [incident, setIncident] = useState(initialIncident);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>("ALL_OR_NOTHING");
  const [key, setKey] = useState("");
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const abort = useRef<(() => void) | null>(null);
  useEffect(() => () => abort.current?.(), []);
  const busy = phase.step === "uploading" || phase.step === "processing";

  const chooseIncident = (slug: string) => {
    setIncident(slug);
    router.replace(`/admin/restoration/imports?incident=${encodeURIComponent(slug)}`, { scroll: false });
  };

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = incident ? checkFile(file, maxBytes) : "Choose the incident these rows belong to.";
    if (problem || !file) return setPhase({ step: "failed", message: problem ?? "Choose a CSV file first." });
    setPhase({ step: "uploading", loaded: 0, total: file.size });
    const upload = uploadBatch({
      file,
      incident,
      mode,
      key,
      onProgress: (loaded, total) => setPhase({ step: "uploading", loaded, total }),
      onSent: () => setPhase({ step: "processing" }),
    });
    abort.current = upload.abort;
    const outcome = await upload.done;
    abort.current = null;
    if (outcome.kind === "aborted") return setPhase({ step: "failed", message: "Upload cancelled. Nothing was applied." });
    if (outcome.kind === "error") return setPhase({ step: "failed", message: outcome.message });
    setPhase({ step: "done", result: outcome.result });
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="card space-y-5" aria-labelledby="upload-title">
      <h2 id="upload-title" className="text-lg font-semibold">Upload a file</h2>
      <div>
        <label htmlFor="incident" className="label">Incident</label>
        <select id="incident" className="input" value={incident} onChange={(e) => chooseIncident(e.target.value)} disabled={busy}>
          {incidents.map((i) => (
            <option key={i.slug} value={i.slug}>{i.title}{i.open ? "" : " (resolved)"}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="file" className="label">CSV file</label>
        <input
          id="file"
          type="file"
          accept=".csv,text/csv"
          className="input file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-semibold dark:file:bg-slate-800 dark:file:text-slate-100"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          disabled={busy}
          aria-describedby="file-help"
        />
        <p id="file-help" className="muted mt-1 text-sm">
          {file ? `${file.name} · ${formatFileSize(file.size)}` : `UTF-8 CSV with a header row, up to ${formatMegabytes(maxBytes)}.`}
        </p>
      </div>
      <fieldset className="space-y-2">
        <legend className="label">If some rows fail the checks</legend>
        {MODES.map(([value, title, help]) => (
          <label key={value} className="flex min-h-11 cursor-pointer items-start gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
            <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} disabled={busy} className="mt-1 size-4" />
            <span><span className="block font-medium">{title}</span><span className="muted block text-sm">{help}</span></span>
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor="batch-key" className="label">Batch key (optional)</label>
        <input id="batch-key" className="input" value={key} maxLength={200} onChange={(e) => setKey(e.target.value)} disabled={busy} placeholder="e.g. export-2026-11-21-run-3" aria-describedby="key-help" />
        <p id="key-help" className="muted mt-1 text-sm">Name this run, for example by the export it came from. A batch key that was already applied is never applied again.</p>
      </div>

      <div role="status" aria-live="polite" className="empty:hidden">
        {(phase.step === "uploading" || phase.step === "processing") && <UploadProgress phase={phase} />}
      </div>
      {phase.step === "failed" && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">{phase.message}</p>
      )}

      <div className="flex flex-col gap-2 sm:flex-row">
        <button type="submit" className="btn-primary" disabled={busy}>{busy ? "Importing…" : "Upload and import"}</button>
        {phase.step === "uploading" && <button type="button" className="btn-secondary" onClick={() => abort.current?.()}>Cancel upload</button>}
      </div>
      {phase.step === "done" && <ImportResultView result={phase.result} />}
    </form>
  );
}
