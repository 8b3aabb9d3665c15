import type { ComponentStatus, IncidentImpact } from "@/lib/generated/prisma/enums";
import { COMPONENT_SEVERITY } from "./overall-status";

const MINUTE = 60_000;
const DAY = 86_400_000;
/** The recent window the status page shows on phones; its uptime is reported on its own. */
export const RECENT_DAYS = 30;

export type AffectedStatus = Exclude<ComponentStatus, "OPERATIONAL">;
/** A day's colour: the worst status the component had that day, or no data before it existed. */
export type DayStatus = ComponentStatus | "NO_DATA";

export interface IncidentInterval {
  slug: string;
  title: string;
  impact: IncidentImpact;
  startedAt: Date;
  /** Open incidents last until now. */
  resolvedAt: Date | null;
  /** The status the incident gave each component it lists. */
  components: { componentId: number; status: ComponentStatus }[];
  /**
   * Only for an incident with a restoration plan: when all its data was back (see
   * data-restored-at.ts), or null while some is still missing. Until then its components count as
   * at least degraded, resolved or not.
   */
  dataRestoredAt?: Date | null;
}

export interface MaintenanceInterval {
  slug: string;
  title: string;
  scheduledStart: Date;
  scheduledEnd: Date;
  componentIds: number[];
}

export interface DayIncident {
  slug: string;
  title: string;
  impact: IncidentImpact;
  /** What the incident did to this component. */
  status: ComponentStatus;
  /** How long it touched this component on this day. */
  minutes: number;
  /** Present when some of the incident's data was still not back this day. */
  dataPending?: true;
}

export interface DayMaintenance {
  slug: string;
  title: string;
  /** The whole window, ISO 8601. */
  start: string;
  end: string;
  minutes: number;
}

export interface DayHistory {
  /** The UTC day, YYYY-MM-DD. */
  date: string;
  status: DayStatus;
  /** Minutes spent in each status other than operational; overlapping incidents count once, as the worst. */
  minutes: Partial<Record<AffectedStatus, number>>;
  /** Of the worst status's minutes, those with data still not back (present only if any). */
  dataMinutes?: number;
  incidents: DayIncident[];
  maintenances: DayMaintenance[];
}

export interface ComponentHistory {
  componentId: number;
  /** Share of the window's observed time the component was up, in percent; null if not observed at all. */
  uptimePercent: number | null;
  /** The same over the last RECENT_DAYS days. */
  recentUptimePercent: number | null;
  /** Oldest first; the last entry is today (until now). */
  days: DayHistory[];
}

interface Segment {
  start: number;
  end: number;
  status: ComponentStatus;
  /** Degraded because data is still not back: shown as degraded, counted half down. */
  data?: boolean;
}

/** Worse status first; at equal status, data still missing outranks a merely slow service. */
const rank = (s: Segment) => COMPONENT_SEVERITY[s.status] * 2 + (s.data ? 1 : 0);

/** Whole minutes, rounding a blip of seconds up to one minute so it never reads as nothing. */
const toMinutes = (ms: number) => (ms > 0 ? Math.max(1, Math.round(ms / MINUTE)) : 0);

/** Floors to hundredths, so any downtime at all keeps the figure below 100. */
function percent(downMs: number, observedMs: number): number | null {
  if (observedMs <= 0) return null;
  // The epsilon keeps float noise (0.9995 * 10000 = 9994.999…) from costing a hundredth.
  return Math.floor((1 - downMs / observedMs) * 10_000 + 1e-9) / 100;
}

/** The portion of [start, end) inside [from, to), or null; zero-length events belong to the day they happen on. */
function clip(start: number, end: number, from: number, to: number): [number, number] | null {
  const s = Math.max(start, from);
  const e = Math.min(end, to);
  if (s < e || (start === end && start >= from && start < to)) return [s, Math.max(s, e)];
  return null;
}

/** Time in each status within one day, the worst status winning wherever intervals overlap; `dataMs` is the part of it won by missing data. */
function sweep(segments: Segment[]): { totals: Map<ComponentStatus, number>; dataMs: number } {
  const points = [...new Set(segments.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const totals = new Map<ComponentStatus, number>();
  let dataMs = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i]!, points[i + 1]!];
    let worst: Segment | null = null;
    for (const s of segments) {
      if (s.start <= from && s.end >= to && (worst === null || rank(s) > rank(worst))) worst = s;
    }
    if (!worst) continue;
    totals.set(worst.status, (totals.get(worst.status) ?? 0) + (to - from));
    if (worst.data) dataMs += to - from;
  }
  return { totals, dataMs };
}

/**
 * Per component, one entry per UTC day for the last `days` days (today included, until `now`),
 * derived from incident and maintenance intervals alone.
 *
 * Uptime rule: the share of observed time not lost to outages, where a minute of major outage
 * counts as fully down, a minute of partial outage as half down, and degraded performance and
 * maintenance count as up. Observed time starts when the component was created, or earlier if an
 * incident or maintenance already involved it, and ends now; days before that are "no data".
 * Data incidents: from the start of an incident with a restoration plan until all its data is
 * back, each component it lists is at least degraded, and that time counts half down like a
 * partial outage: the service answers, but not with everyone's data.
 * Maintenance counts only once it has started (past windows of in-progress or completed work).
 */
export function computeComponentHistory({
  components,
  incidents,
  maintenances,
  now,
  days = 90,
}: {
  components: { id: number; createdAt: Date }[];
  incidents: IncidentInterval[];
  maintenances: MaintenanceInterval[];
  now: Date;
  days?: number;
}): ComponentHistory[] {
  const nowMs = now.getTime();
  const todayStart = Math.floor(nowMs / DAY) * DAY;
  const windowStart = todayStart - (days - 1) * DAY;
  const recentStart = todayStart - (Math.min(RECENT_DAYS, days) - 1) * DAY;

  return components.map((component) => {
    type Touch = { start: number; end: number; status: ComponentStatus; data?: boolean; incident?: DayIncident; maintenance?: DayMaintenance };
    const touches: Touch[] = [];
    for (const incident of incidents) {
      const link = incident.components.find((c) => c.componentId === component.id);
      const start = incident.startedAt.getTime();
      const end = Math.min(incident.resolvedAt?.getTime() ?? nowMs, nowMs);
      if (!link || start > nowMs || end < start) continue;
      const ref = { slug: incident.slug, title: incident.title, impact: incident.impact, status: link.status, minutes: 0 };
      touches.push({ start, end, status: link.status, incident: ref });
      if (incident.dataRestoredAt === undefined) continue;
      const dataEnd = Math.min(incident.dataRestoredAt?.getTime() ?? nowMs, nowMs);
      if (dataEnd > start) touches.push({ start, end: dataEnd, status: "DEGRADED", data: true, incident: ref });
    }
    for (const m of maintenances) {
      const start = m.scheduledStart.getTime();
      const end = Math.min(m.scheduledEnd.getTime(), nowMs);
      if (!m.componentIds.includes(component.id) || start > nowMs || end < start) continue;
      const ref = { slug: m.slug, title: m.title, start: m.scheduledStart.toISOString(), end: m.scheduledEnd.toISOString(), minutes: 0 };
      touches.push({ start, end, status: "MAINTENANCE", maintenance: ref });
    }
    touches.sort((a, b) => a.start - b.start);
    const observedFrom = Math.min(component.createdAt.getTime(), touches[0]?.start ?? Infinity);

    let observed = 0;
    let down = 0;
    let recentObserved = 0;
    let recentDown = 0;
    const entries: DayHistory[] = [];
    for (let i = 0; i < days; i++) {
      const dayStart = windowStart + i * DAY;
      const dayEnd = Math.min(dayStart + DAY, nowMs);
      const date = new Date(dayStart).toISOString().slice(0, 10);
      if (observedFrom >= dayStart + DAY || observedFrom > nowMs) {
        entries.push({ date, status: "NO_DATA", minutes: {}, incidents: [], maintenances: [] });
        continue;
      }
      const segments: Segment[] = [];
      // One entry per incident: its status interval and its data interval start together, so the
      // longer of the two is their union.
      const dayIncidents = new Map<DayIncident, DayIncident>();
      const dayMaintenances: DayMaintenance[] = [];
      for (const touch of touches) {
        const part = clip(touch.start, touch.end, dayStart, dayEnd);
        if (!part) continue;
        const minutes = toMinutes(part[1] - part[0]);
        if (touch.status !== "OPERATIONAL") segments.push({ start: part[0], end: part[1], status: touch.status, data: touch.data });
        if (touch.incident) {
          const seen = dayIncidents.get(touch.incident);
          const entry: DayIncident = seen ?? { ...touch.incident, status: touch.status, minutes };
          entry.minutes = Math.max(entry.minutes, minutes);
          if (COMPONENT_SEVERITY[touch.status] > COMPONENT_SEVERITY[entry.status]) entry.status = touch.status;
          if (touch.data) entry.dataPending = true;
          dayIncidents.set(touch.incident, entry);
        }
        if (touch.maintenance) dayMaintenances.push({ ...touch.maintenance, minutes });
      }
      const { totals, dataMs } = sweep(segments);
      const minutes: Partial<Record<AffectedStatus, number>> = {};
      let status: ComponentStatus = "OPERATIONAL";
      for (const [s, ms] of totals) {
        if (s === "OPERATIONAL" || ms <= 0) continue;
        minutes[s] = toMinutes(ms);
        if (COMPONENT_SEVERITY[s] > COMPONENT_SEVERITY[status]) status = s;
      }
      const dayObserved = Math.max(0, dayEnd - Math.max(dayStart, observedFrom));
      const dayDown = (totals.get("MAJOR_OUTAGE") ?? 0) + ((totals.get("PARTIAL_OUTAGE") ?? 0) + dataMs) / 2;
      observed += dayObserved;
      down += dayDown;
      if (dayStart >= recentStart) {
        recentObserved += dayObserved;
        recentDown += dayDown;
      }
      // Missing data is only ever the worst status when nothing beat degraded that day.
      const dataMinutes = status === "DEGRADED" && dataMs > 0 ? { dataMinutes: toMinutes(dataMs) } : {};
      entries.push({ date, status, minutes, ...dataMinutes, incidents: [...dayIncidents.values()], maintenances: dayMaintenances });
    }
    return { componentId: component.id, uptimePercent: percent(down, observed), recentUptimePercent: percent(recentDown, recentObserved), days: entries };
  });
}
