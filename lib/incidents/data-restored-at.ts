/** An incident's restoration plan, summed up: enough to tell whether its data is all back. */
export interface PlanSummary {
  /** How many phases (data categories) the plan has; 0 for an incident without a plan. */
  phases: number;
  /** Every phase is complete: marked done, or every affected account in it settled (its completedAt). */
  allDone: boolean;
  /** Some phase still has affected subscribers whose data is not settled. */
  pending: boolean;
  /** When the last phase completed, once all have. */
  lastChangeAt: Date | null;
}

/**
 * When an incident's data was all back, for the status history: undefined for an incident without
 * a restoration plan (not a data incident); the time the last phase was marked done once all are;
 * else, for a resolved incident with no subscriber still waiting in any phase, its resolution;
 * null while data is still missing.
 */
export function dataRestoredAt(incident: { startedAt: Date; resolvedAt: Date | null }, plan: PlanSummary): Date | null | undefined {
  if (plan.phases === 0) return undefined;
  if (plan.allDone && plan.lastChangeAt) return plan.lastChangeAt < incident.startedAt ? incident.startedAt : plan.lastChangeAt;
  if (incident.resolvedAt && !plan.pending) return incident.resolvedAt;
  return null;
}
