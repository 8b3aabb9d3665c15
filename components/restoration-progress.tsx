import { LocalDay } from "@/components/local-day";
import type { PublicCategoryProgress, PublicRestoration } from "@/lib/restoration/public-progress";

const SEGMENTS = [
  { key: "back", label: "Back", className: "bg-green-600" },
  { key: "comingBack", label: "Coming back now", className: "bg-blue-600" },
  { key: "validated", label: "Checked, waiting", className: "bg-sky-400" },
  { key: "recovering", label: "Being recovered", className: "bg-amber-400" },
  { key: "unrecoverable", label: "Could not be recovered", className: "bg-red-800" },
] as const;

const pct = (share: number) => `${Math.round(share * 100)}%`;

function CategoryRow({ category, compact }: { category: PublicCategoryProgress; compact: boolean }) {
  const { shares } = category;
  return (
    <li className="space-y-1.5" data-testid={`restoration-${category.slug}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 text-sm">
        <span className="font-semibold">
          {category.name}
          {compact && shares && !category.complete && <span className="font-normal"> · {pct(shares.back)} back</span>}
        </span>
        <span className="muted">
          {category.complete ? (
            "Complete"
          ) : category.projectedEnd ? (
            <>Expected <LocalDay iso={category.projectedEnd.toISOString()} />{category.late ? ", later than first planned" : ""}</>
          ) : (
            "No date yet"
          )}
        </span>
      </div>
      {shares ? (
        <>
          <div className="flex h-3 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800" aria-hidden="true">
            {SEGMENTS.map((s) => (shares[s.key] > 0 ? <div key={s.key} className={s.className} style={{ width: `${shares[s.key] * 100}%` }} /> : null))}
          </div>
          <p className={compact ? "sr-only" : "text-xs"}>
            {SEGMENTS.filter((s) => shares[s.key] > 0)
              .map((s) => `${s.label}: ${pct(shares[s.key])}`)
              .join(" · ")}
          </p>
        </>
      ) : (
        <p className="muted text-xs">Too few accounts affected to show a breakdown.</p>
      )}
    </li>
  );
}

/** Restoration of an incident as the public sees it: aggregates per data category, never a person. */
export function RestorationProgress({ restoration, compact = false, headline = true }: { restoration: PublicRestoration; compact?: boolean; headline?: boolean }) {
  return (
    <div className="space-y-3">
      {headline && restoration.headline && <p className="font-medium" data-testid="restoration-headline">{restoration.headline}</p>}
      <ul className={compact ? "grid gap-3 sm:grid-cols-2" : "space-y-4"}>
        {restoration.categories.map((c) => (
          <CategoryRow key={c.slug} category={c} compact={compact} />
        ))}
      </ul>
      {compact ? null : (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Legend">
          {SEGMENTS.map((s) => (
            <li key={s.key} className="flex items-center gap-1.5"><span aria-hidden="true" className={`inline-block size-3 rounded-sm ${s.className}`} />{s.label}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
