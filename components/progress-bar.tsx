export function ProgressBar({ value, max, label, tone = "info" }: { value: number; max: number; label: string; tone?: "ok" | "warn" | "bad" | "info" | "neutral" }) {
  const percent = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  const color = { ok: "bg-green-600", warn: "bg-amber-500", bad: "bg-red-600", info: "bg-blue-600", neutral: "bg-slate-400" }[tone];
  return (
    <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800">
      <div className={`h-full rounded-full ${color}`} style={{ width: `${percent}%` }} />
    </div>
  );
}
