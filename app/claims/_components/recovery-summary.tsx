import { LocalDay } from "@/components/local-day";
import type { MyRecovery } from "@/lib/restoration/get-my-recovery";
import { STATE_COPY } from "@/lib/restoration/state-copy";

/**
 * Where the subscriber's data stands, beside what they are owed for it: the same states and
 * projected days as "My recovery" and the restoration email (one projection, see eta.ts).
 */
export function RecoverySummary({ recovery }: { recovery: MyRecovery[number] }) {
  const affected = recovery.categories.filter((c) => c.state !== "NOT_AFFECTED");
  if (affected.length === 0) return null;
  return (
    <details className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800">
      <summary className="cursor-pointer font-medium">Where your data stands</summary>
      <ul className="mt-2 space-y-1" aria-label="Your data, by category">
        {affected.map((c) => (
          <li key={c.category.id} data-testid={`claims-recovery-${c.category.slug}`}>
            <span className="font-medium">{c.category.name}:</span> {STATE_COPY[c.state].label.toLowerCase()}
            {c.eta.kind === "date" && (
              <>
                , expected <LocalDay iso={c.eta.date.toISOString()} />
              </>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}
