import { ProgressBar } from "@/components/progress-bar";
import { formatMegabytes } from "./upload-batch";

type Props = { phase: { step: "uploading"; loaded: number; total: number } | { step: "processing" } };

export function UploadProgress({ phase }: Props) {
  if (phase.step === "processing") {
    return (
      <div className="space-y-2">
        <p className="text-sm font-medium">Checking and applying rows…</p>
        {/* No value: how long the checks take depends on the rows, not on bytes sent. */}
        <div role="progressbar" aria-label="Checking and applying rows" className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800">
          <div className="h-full w-1/3 animate-indeterminate rounded-full bg-blue-600 motion-reduce:w-full motion-reduce:animate-pulse" />
        </div>
      </div>
    );
  }
  const percent = phase.total > 0 ? Math.min(100, Math.round((phase.loaded / phase.total) * 100)) : 0;
  return (
    <div className="space-y-2">
      <p className="flex justify-between gap-2 text-sm font-medium">
        <span>Uploading… {percent}%</span>
        <span className="muted tabular-nums">{formatMegabytes(phase.loaded)} of {formatMegabytes(phase.total)}</span>
      </p>
      <ProgressBar value={phase.loaded} max={phase.total} label="Upload progress" />
    </div>
  );
}
