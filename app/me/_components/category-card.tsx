import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { ProgressBar } from "@/components/progress-bar";
import { StatusPill } from "@/components/status-pill";
import type { CompensationLine } from "@/lib/claims/compensation-lines";
import type { Jsonified } from "@/lib/http/json";
import type { Eta } from "@/lib/restoration/eta";
import { etaSentence } from "@/lib/restoration/eta-words";
import type { MyRecoveryJson } from "@/lib/restoration/my-recovery-api";
import { STATE_COPY } from "@/lib/restoration/state-copy";

type Category = MyRecoveryJson["incidents"][number]["categories"][number];

/** The reader's own time zone: this page renders in the browser, from the JSON. */
const readerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The same sentence as the restoration email, in the reader's time zone and named so. */
export function EtaText({ eta }: { eta: Jsonified<Eta> }) {
  const text = etaSentence(eta, readerZone(), "your time", new Date());
  return text ? <span data-eta={eta.kind === "date" ? eta.date : eta.kind}>{text}</span> : null;
}

const SOURCE: Record<string, string> = { IMPORT: "recovery system", STAFF: "our support team", SYSTEM: "recovery system" };

export function CategoryCard({ record, extra = null }: { record: Category; extra?: CompensationLine | null }) {
  const copy = STATE_COPY[record.state];
  const back = ["RESTORING", "RESTORED", "PARTIAL"].includes(record.state) ? record.itemsRestored : 0;
  const barTone = copy.tone === "bad" ? "bad" : copy.tone === "warn" ? "warn" : "ok";
  return (
    <li className="card space-y-3">
      <div className="flex items-start justify-between gap-2">
        <h3 className="font-semibold">{record.category.name}</h3>
        <StatusPill tone={copy.tone}>{copy.label}</StatusPill>
      </div>
      {record.state !== "NOT_AFFECTED" && (
        <>
          <ProgressBar value={back} max={record.itemsLost} label={`${record.category.name} restored`} tone={barTone} />
          <p className="text-sm font-medium">
            {back.toLocaleString("en-US")} of {record.itemsLost.toLocaleString("en-US")} {record.category.itemNoun} back
          </p>
        </>
      )}
      <p className="text-sm">
        {copy.meaning} {copy.next}
      </p>
      {extra && <p className="text-sm font-medium">{extra.text} {extra.link && <Link href={extra.link.href}>{extra.link.label}</Link>}</p>}
      {record.eta.kind !== "settled" && (
        <p className="rounded-lg bg-slate-50 p-2 text-sm dark:bg-slate-950">
          <EtaText eta={record.eta} />
        </p>
      )}
      {record.history.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium">History ({record.history.length})</summary>
          <ol className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3 dark:border-slate-800">
            {record.history.map((event) => (
              <li key={event.id}>
                <span className="font-medium">{STATE_COPY[event.toState].label}</span>
                <span className="muted"> · {formatDateTime(new Date(event.asOf))} · by our {SOURCE[event.source]}</span>
              </li>
            ))}
          </ol>
        </details>
      )}
      <p className="muted text-xs">Last change {formatDateTime(new Date(record.asOf))}</p>
    </li>
  );
}
