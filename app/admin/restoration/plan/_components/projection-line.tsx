import { formatDate } from "@/components/format";
import type { ProjectionBasis } from "@/lib/generated/prisma/enums";

type Props = {
  phase: { parallelWithPrevious: boolean; projectedStart: Date | null; projectedEnd: Date | null; projectionBasis: ProjectionBasis | null; projectedLate: boolean };
};

const BASIS: Record<ProjectionBasis, string> = {
  PLAN: "from the plan's duration",
  PROGRESS: "from the progress so far",
  DONE: "complete",
  NONE: "no date: the plan has none for this phase or one it waits on",
};

/** What subscribers are told for this phase: the stored projection, in UTC days like the plan. */
export function ProjectionLine({ phase }: Props) {
  const basis = phase.projectionBasis;
  let text: string;
  if (!basis) text = "Not projected yet.";
  else if (basis === "NONE") text = `Projection: ${BASIS.NONE}.`;
  else if (basis === "DONE") text = `Complete${phase.projectedEnd ? ` since ${formatDate(phase.projectedEnd)} (UTC)` : ""}.`;
  else text = `Projected: ${phase.projectedStart ? `${formatDate(phase.projectedStart)} to ` : "by "}${phase.projectedEnd ? formatDate(phase.projectedEnd) : "?"} (UTC), ${BASIS[basis]}${phase.projectedLate ? ", later than planned" : ""}.`;
  return (
    <p className="rounded-lg bg-slate-50 p-2 text-sm dark:bg-slate-950" data-testid="phase-projection">
      {text}
      {phase.parallelWithPrevious && <span className="muted"> Runs in parallel with the phase before it.</span>}
    </p>
  );
}
