import { db } from "@/lib/db";
import type { PhaseState, ProjectionBasis } from "@/lib/generated/prisma/enums";
import { isPhaseComplete } from "./project-plan";

/** Below this many affected accounts a category shows no breakdown: a share could point at a person. */
export const MIN_PUBLIC_ACCOUNTS = 5;
const HISTORY_DAYS = 90;

interface PhaseCounts {
  affectedCount: number;
  restoredCount: number;
  partialCount: number;
  unrecoverableCount: number;
  restoringCount: number;
  validatedCount: number;
}

export interface PublicCategoryProgress {
  slug: string;
  name: string;
  /** Shares of the affected accounts (0–1, three decimals), or null when too few to publish. */
  shares: { back: number; comingBack: number; validated: number; recovering: number; unrecoverable: number } | null;
  complete: boolean;
  completedAt: Date | null;
  /** The projected day the category is complete, for an open category with a date. */
  projectedEnd: Date | null;
  basis: ProjectionBasis | null;
  late: boolean;
}

export interface PublicRestoration {
  categories: PublicCategoryProgress[];
  /** Daily share of affected accounts back, per category slug, oldest first. */
  history: { day: string; back: Record<string, number> }[];
  /** "Restoring data — Calendar: back for 38% of affected accounts", or null once all is complete. */
  headline: string | null;
  completeCount: number;
  countedAt: Date | null;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : 0);
const percent = (value: number) => `${Math.floor(value * 100)}%`;

/** What the public sees of one phase: aggregates only. */
export function publicCategory(
  phase: PhaseCounts & { state: PhaseState; settledCount: number; completedAt: Date | null; projectedEnd: Date | null; projectionBasis: ProjectionBasis | null; projectedLate: boolean },
  category: { slug: string; name: string },
): PublicCategoryProgress {
  const a = phase.affectedCount;
  const back = phase.restoredCount + phase.partialCount;
  const complete = isPhaseComplete(phase);
  return {
    slug: category.slug,
    name: category.name,
    shares:
      a >= MIN_PUBLIC_ACCOUNTS
        ? {
            back: share(back, a),
            comingBack: share(phase.restoringCount, a),
            validated: share(phase.validatedCount, a),
            recovering: share(Math.max(0, a - back - phase.restoringCount - phase.validatedCount - phase.unrecoverableCount), a),
            unrecoverable: share(phase.unrecoverableCount, a),
          }
        : null,
    complete,
    completedAt: complete ? phase.completedAt : null,
    projectedEnd: complete || phase.projectionBasis === "NONE" ? null : phase.projectedEnd,
    basis: phase.projectionBasis,
    late: phase.projectedLate,
  };
}

/** The headline of the incident's progress: the category being restored now, in plan order. */
export function restorationHeadline(categories: readonly PublicCategoryProgress[], running: ReadonlySet<string>): string | null {
  const open = categories.filter((c) => !c.complete);
  if (open.length === 0) return null;
  const current = open.find((c) => running.has(c.slug)) ?? open[0]!;
  const done = categories.length - open.length;
  const part = current.shares ? `${current.name}: back for ${percent(current.shares.back)} of affected accounts` : `${current.name} next`;
  return `Restoring data — ${part}; ${done} of ${categories.length} categories complete.`;
}

/** The restoration an incident's public page, status card, API and feed show; null without a plan. */
export async function getPublicRestoration(incidentId: number, now = new Date()): Promise<PublicRestoration | null> {
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const [phases, days] = await Promise.all([
    db.restorationPhase.findMany({
      where: { incidentId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: {
        state: true, affectedCount: true, settledCount: true, restoredCount: true, partialCount: true, unrecoverableCount: true, restoringCount: true,
        validatedCount: true, completedAt: true, projectedEnd: true, projectionBasis: true, projectedLate: true, progressAt: true,
        category: { select: { id: true, slug: true, name: true } },
      },
    }),
    db.restorationProgressDay.findMany({
      where: { incidentId, day: { gte: since } },
      orderBy: { day: "asc" },
      select: { day: true, categoryId: true, affectedCount: true, restoredCount: true, partialCount: true },
    }),
  ]);
  if (phases.length === 0) return null;
  const categories = phases.map((p) => publicCategory(p, p.category));
  const slugOf = new Map(phases.map((p) => [p.category.id, p.category.slug]));
  const published = new Set(categories.filter((c) => c.shares).map((c) => c.slug));
  const byDay = new Map<string, Record<string, number>>();
  for (const d of days) {
    const slug = slugOf.get(d.categoryId);
    if (!slug || !published.has(slug)) continue;
    const key = d.day.toISOString().slice(0, 10);
    const point = byDay.get(key) ?? {};
    point[slug] = share(d.restoredCount + d.partialCount, d.affectedCount);
    byDay.set(key, point);
  }
  const running = new Set(phases.filter((p) => p.state === "IN_PROGRESS").map((p) => p.category.slug));
  const counted = phases.map((p) => p.progressAt?.getTime() ?? 0);
  return {
    categories,
    history: [...byDay].map(([day, back]) => ({ day, back })),
    headline: restorationHeadline(categories, running),
    completeCount: categories.filter((c) => c.complete).length,
    countedAt: Math.max(...counted) > 0 ? new Date(Math.max(...counted)) : null,
  };
}
