import { describe, expect, it } from "vitest";
import type { ComponentStatus } from "@/lib/generated/prisma/enums";
import { computeComponentHistory, type IncidentInterval, type MaintenanceInterval } from "./uptime";

const NOW = new Date("2026-11-20T10:30:00Z");
const LONG_AGO = new Date("2025-01-01T00:00:00Z");
const at = (iso: string) => new Date(iso);

function incident(slug: string, startedAt: string, resolvedAt: string | null, status: ComponentStatus, componentId = 1): IncidentInterval {
  return { slug, title: `Incident ${slug}`, impact: "MAJOR", startedAt: at(startedAt), resolvedAt: resolvedAt ? at(resolvedAt) : null, components: [{ componentId, status }] };
}

function maintenance(slug: string, start: string, end: string, componentIds = [1]): MaintenanceInterval {
  return { slug, title: `Maintenance ${slug}`, scheduledStart: at(start), scheduledEnd: at(end), componentIds };
}

function history({ incidents = [], maintenances = [], createdAt = LONG_AGO, days }: { incidents?: IncidentInterval[]; maintenances?: MaintenanceInterval[]; createdAt?: Date; days?: number }) {
  const [result] = computeComponentHistory({ components: [{ id: 1, createdAt }], incidents, maintenances, now: NOW, days });
  return result!;
}

const day = (h: ReturnType<typeof history>, date: string) => h.days.find((d) => d.date === date)!;

describe("computeComponentHistory", () => {
  it("gives one operational entry per UTC day, oldest first and ending today, at 100 % uptime", () => {
    const h = history({});
    expect(h.days).toHaveLength(90);
    expect(h.days[0]!.date).toBe("2026-08-23");
    expect(h.days.at(-1)!.date).toBe("2026-11-20");
    expect(h.days.every((d) => d.status === "OPERATIONAL" && d.incidents.length === 0 && Object.keys(d.minutes).length === 0)).toBe(true);
    expect(h.uptimePercent).toBe(100);
    expect(h.recentUptimePercent).toBe(100);
  });

  it("splits an incident that crosses midnight between the two days it touched", () => {
    const h = history({ incidents: [incident("night", "2026-11-10T22:00:00Z", "2026-11-11T02:30:00Z", "PARTIAL_OUTAGE")] });
    expect(day(h, "2026-11-10")).toMatchObject({ status: "PARTIAL_OUTAGE", minutes: { PARTIAL_OUTAGE: 120 }, incidents: [{ slug: "night", minutes: 120, status: "PARTIAL_OUTAGE" }] });
    expect(day(h, "2026-11-11")).toMatchObject({ status: "PARTIAL_OUTAGE", minutes: { PARTIAL_OUTAGE: 150 }, incidents: [{ slug: "night", minutes: 150 }] });
    expect(day(h, "2026-11-12").status).toBe("OPERATIONAL");
  });

  it("runs an open incident until now, and not into the rest of today", () => {
    const h = history({ incidents: [incident("open", "2026-11-19T20:00:00Z", null, "MAJOR_OUTAGE")] });
    expect(day(h, "2026-11-19").minutes).toEqual({ MAJOR_OUTAGE: 240 });
    expect(day(h, "2026-11-20").minutes).toEqual({ MAJOR_OUTAGE: 630 });
    expect(day(h, "2026-11-20").incidents[0]!.minutes).toBe(630);
  });

  it("counts overlapping incidents once, as the worst of them, while listing each with its own time", () => {
    const h = history({
      incidents: [
        incident("slow", "2026-11-05T10:00:00Z", "2026-11-05T14:00:00Z", "DEGRADED"),
        incident("down", "2026-11-05T12:00:00Z", "2026-11-05T13:00:00Z", "MAJOR_OUTAGE"),
      ],
    });
    const d = day(h, "2026-11-05");
    expect(d.status).toBe("MAJOR_OUTAGE");
    expect(d.minutes).toEqual({ DEGRADED: 180, MAJOR_OUTAGE: 60 });
    expect(d.incidents.map((i) => [i.slug, i.minutes])).toEqual([["slow", 240], ["down", 60]]);
  });

  it("shows no data before a component existed and measures uptime only from its creation", () => {
    const h = history({ createdAt: at("2026-11-10T12:00:00Z"), incidents: [incident("early", "2026-11-12T00:00:00Z", "2026-11-12T06:00:00Z", "MAJOR_OUTAGE")] });
    expect(h.days.filter((d) => d.status === "NO_DATA")).toHaveLength(79);
    expect(day(h, "2026-11-09")).toEqual({ date: "2026-11-09", status: "NO_DATA", minutes: {}, incidents: [], maintenances: [] });
    expect(day(h, "2026-11-10").status).toBe("OPERATIONAL");
    // Observed: 12 h on the 10th, 9 full days, 10.5 h today = 238.5 h; down 6 h.
    expect(h.uptimePercent).toBe(Math.floor((1 - 6 / 238.5) * 10_000) / 100);
  });

  it("starts the history at an incident that involved the component before its recorded creation", () => {
    const h = history({ createdAt: at("2026-11-15T00:00:00Z"), incidents: [incident("before", "2026-11-01T08:00:00Z", "2026-11-01T09:00:00Z", "DEGRADED")] });
    expect(day(h, "2026-10-31").status).toBe("NO_DATA");
    expect(day(h, "2026-11-01").status).toBe("DEGRADED");
    expect(day(h, "2026-11-02").status).toBe("OPERATIONAL");
  });

  it("is all no data for a component created after now", () => {
    const h = history({ createdAt: at("2026-11-21T00:00:00Z") });
    expect(h.days.every((d) => d.status === "NO_DATA")).toBe(true);
    expect(h.uptimePercent).toBeNull();
  });

  it("ignores maintenance until it starts, and counts one under way only until now", () => {
    const h = history({
      maintenances: [
        maintenance("tomorrow", "2026-11-21T02:00:00Z", "2026-11-21T04:00:00Z"),
        maintenance("later-today", "2026-11-20T12:00:00Z", "2026-11-20T13:00:00Z"),
        maintenance("now", "2026-11-20T10:00:00Z", "2026-11-20T12:00:00Z"),
      ],
    });
    const today = day(h, "2026-11-20");
    expect(today.status).toBe("MAINTENANCE");
    expect(today.minutes).toEqual({ MAINTENANCE: 30 });
    expect(today.maintenances).toEqual([{ slug: "now", title: "Maintenance now", start: "2026-11-20T10:00:00.000Z", end: "2026-11-20T12:00:00.000Z", minutes: 30 }]);
    expect(h.uptimePercent).toBe(100);
  });

  it("colours a day by the worst status, with maintenance below degraded", () => {
    const h = history({
      incidents: [incident("slow", "2026-11-03T01:00:00Z", "2026-11-03T02:00:00Z", "DEGRADED")],
      maintenances: [maintenance("upgrade", "2026-11-03T03:00:00Z", "2026-11-03T05:00:00Z"), maintenance("only", "2026-11-04T03:00:00Z", "2026-11-04T05:00:00Z")],
    });
    expect(day(h, "2026-11-03")).toMatchObject({ status: "DEGRADED", minutes: { DEGRADED: 60, MAINTENANCE: 120 } });
    expect(day(h, "2026-11-04")).toMatchObject({ status: "MAINTENANCE", minutes: { MAINTENANCE: 120 } });
  });

  it("counts major outage as fully down and partial outage as half, degraded as up", () => {
    const h = history({
      days: 2,
      incidents: [
        incident("major", "2026-11-19T00:00:00Z", "2026-11-19T03:00:00Z", "MAJOR_OUTAGE"),
        incident("partial", "2026-11-19T06:00:00Z", "2026-11-19T12:00:00Z", "PARTIAL_OUTAGE"),
        incident("slow", "2026-11-20T00:00:00Z", "2026-11-20T10:00:00Z", "DEGRADED"),
      ],
    });
    // Observed 24 h + 10.5 h; down 3 h + 6 h / 2.
    expect(h.uptimePercent).toBe(Math.floor((1 - 6 / 34.5) * 10_000) / 100);
    expect(h.recentUptimePercent).toBe(h.uptimePercent);
  });

  it("keeps any downtime below 100 % and reports the last 30 days on their own", () => {
    const h = history({ incidents: [incident("blip", "2026-09-01T10:00:00Z", "2026-09-01T10:00:20Z", "MAJOR_OUTAGE")] });
    expect(h.uptimePercent).toBe(99.99);
    expect(h.recentUptimePercent).toBe(100);
    expect(day(h, "2026-09-01").minutes).toEqual({ MAJOR_OUTAGE: 1 });
  });

  it("clips incidents to the window and leaves out other components' incidents", () => {
    const h = history({
      incidents: [
        incident("old", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "MAJOR_OUTAGE"),
        incident("long", "2026-08-20T00:00:00Z", "2026-08-23T06:00:00Z", "PARTIAL_OUTAGE"),
        incident("elsewhere", "2026-11-01T00:00:00Z", "2026-11-01T05:00:00Z", "MAJOR_OUTAGE", 2),
      ],
    });
    expect(h.days[0]).toMatchObject({ date: "2026-08-23", minutes: { PARTIAL_OUTAGE: 360 }, incidents: [{ slug: "long", minutes: 360 }] });
    expect(h.days.flatMap((d) => d.incidents.map((i) => i.slug))).toEqual(["long"]);
  });

  it("lists an incident that lasted no time without colouring the day, and one that left the component operational", () => {
    const h = history({
      incidents: [
        incident("false-alarm", "2026-11-07T09:00:00Z", "2026-11-07T09:00:00Z", "MAJOR_OUTAGE"),
        incident("bystander", "2026-11-07T11:00:00Z", "2026-11-07T12:00:00Z", "OPERATIONAL"),
      ],
    });
    expect(day(h, "2026-11-07")).toMatchObject({ status: "OPERATIONAL", minutes: {}, incidents: [{ slug: "false-alarm", minutes: 0 }, { slug: "bystander", minutes: 60 }] });
  });

  it("returns plain JSON: no Date objects survive", () => {
    const h = history({ incidents: [incident("a", "2026-11-10T22:00:00Z", null, "DEGRADED")], maintenances: [maintenance("m", "2026-11-02T01:00:00Z", "2026-11-02T02:00:00Z")] });
    expect(JSON.parse(JSON.stringify(h))).toEqual(h);
  });
});

describe("computeComponentHistory for data incidents", () => {
  // Like the demo: a critical data-loss incident opened 11 days ago, still open, that left the
  // component's service operational while subscribers' data is still coming back.
  const dataLoss = (dataRestoredAt: Date | null | undefined, status: ComponentStatus = "OPERATIONAL", resolvedAt: string | null = null): IncidentInterval => ({
    ...incident("data-loss", "2026-11-09T10:30:00Z", resolvedAt, status),
    impact: "CRITICAL",
    dataRestoredAt,
  });

  it("shows every day since the start as degraded while the data is not back, and counts it in the uptime", () => {
    const h = history({ incidents: [dataLoss(null)] });
    const touched = h.days.filter((d) => d.status !== "OPERATIONAL");
    expect(touched.map((d) => d.date)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-11-${String(9 + i).padStart(2, "0")}`));
    expect(touched.every((d) => d.status === "DEGRADED")).toBe(true);
    expect(day(h, "2026-11-09")).toMatchObject({ minutes: { DEGRADED: 810 }, dataMinutes: 810, incidents: [{ slug: "data-loss", status: "DEGRADED", minutes: 810, dataPending: true }] });
    expect(day(h, "2026-11-12")).toMatchObject({ minutes: { DEGRADED: 1440 }, dataMinutes: 1440 });
    // 11 days down at half weight, out of 89 days and 10.5 hours observed.
    expect(h.uptimePercent).toBe(Math.floor((1 - (11 * 24) / 2 / (89 * 24 + 10.5)) * 10_000) / 100);
    expect(h.uptimePercent).toBeLessThan(94);
    expect(h.recentUptimePercent).toBe(Math.floor((1 - (11 * 24) / 2 / (29 * 24 + 10.5)) * 10_000) / 100);
  });

  it("is unchanged for an incident without a restoration plan: degraded performance still counts as up", () => {
    const h = history({ incidents: [dataLoss(undefined, "DEGRADED")] });
    expect(day(h, "2026-11-12")).toMatchObject({ status: "DEGRADED", minutes: { DEGRADED: 1440 } });
    expect(day(h, "2026-11-12").dataMinutes).toBeUndefined();
    expect(day(h, "2026-11-12").incidents[0]!.dataPending).toBeUndefined();
    expect(h.uptimePercent).toBe(100);
    // And an operational link without a plan leaves the days operational.
    expect(day(history({ incidents: [dataLoss(undefined)] }), "2026-11-12").status).toBe("OPERATIONAL");
  });

  it("stops counting on the day the data was all back, even when the incident stays open", () => {
    const h = history({ incidents: [dataLoss(at("2026-11-15T06:00:00Z"))] });
    expect(day(h, "2026-11-15")).toMatchObject({ status: "DEGRADED", minutes: { DEGRADED: 360 }, dataMinutes: 360 });
    expect(day(h, "2026-11-16")).toMatchObject({ status: "OPERATIONAL", minutes: {}, incidents: [{ slug: "data-loss", status: "OPERATIONAL" }] });
    expect(day(h, "2026-11-16").incidents[0]!.dataPending).toBeUndefined();
  });

  it("keeps counting after the incident was resolved while data is still missing", () => {
    const h = history({ incidents: [dataLoss(null, "PARTIAL_OUTAGE", "2026-11-10T10:30:00Z")] });
    expect(day(h, "2026-11-10")).toMatchObject({ status: "PARTIAL_OUTAGE", minutes: { PARTIAL_OUTAGE: 630, DEGRADED: 810 } });
    expect(day(h, "2026-11-10").dataMinutes).toBeUndefined();
    expect(day(h, "2026-11-20")).toMatchObject({ status: "DEGRADED", minutes: { DEGRADED: 630 }, dataMinutes: 630, incidents: [{ slug: "data-loss", status: "DEGRADED", minutes: 630, dataPending: true }] });
  });

  it("lets a worse outage rank win, counting each minute once", () => {
    const h = history({ incidents: [dataLoss(null), incident("down", "2026-11-12T00:00:00Z", "2026-11-12T06:00:00Z", "MAJOR_OUTAGE")] });
    const d = day(h, "2026-11-12");
    expect(d).toMatchObject({ status: "MAJOR_OUTAGE", minutes: { MAJOR_OUTAGE: 360, DEGRADED: 1080 } });
    expect(d.dataMinutes).toBeUndefined();
    expect(d.incidents.map((i) => [i.slug, i.status, i.minutes, i.dataPending])).toEqual([["data-loss", "DEGRADED", 1440, true], ["down", "MAJOR_OUTAGE", 360, undefined]]);
    // Down: 6 h fully, and the rest of the 11 days at half.
    const downHours = 6 + (11 * 24 - 6) / 2;
    expect(h.uptimePercent).toBe(Math.floor((1 - downHours / (89 * 24 + 10.5)) * 10_000) / 100);
  });

  it("ranks missing data above a merely slow service on the same day", () => {
    const h = history({ incidents: [dataLoss(null), incident("slow", "2026-11-12T00:00:00Z", "2026-11-12T06:00:00Z", "DEGRADED")] });
    expect(day(h, "2026-11-12")).toMatchObject({ status: "DEGRADED", minutes: { DEGRADED: 1440 }, dataMinutes: 1440 });
    expect(h.uptimePercent).toBe(Math.floor((1 - (11 * 24) / 2 / (89 * 24 + 10.5)) * 10_000) / 100);
  });
});
