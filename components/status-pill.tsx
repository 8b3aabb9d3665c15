export type Tone = "ok" | "warn" | "bad" | "info" | "neutral";

const TONES: Record<Tone, string> = {
  ok: "bg-green-100 text-green-900 ring-green-600/30 dark:bg-green-950 dark:text-green-200 dark:ring-green-400/30",
  warn: "bg-amber-100 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-400/30",
  bad: "bg-red-100 text-red-900 ring-red-600/30 dark:bg-red-950 dark:text-red-200 dark:ring-red-400/30",
  info: "bg-blue-100 text-blue-900 ring-blue-600/30 dark:bg-blue-950 dark:text-blue-200 dark:ring-blue-400/30",
  neutral: "bg-slate-100 text-slate-800 ring-slate-500/30 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-400/30",
};

export function StatusPill({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  return <span className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONES[tone]}`}>{children}</span>;
}
