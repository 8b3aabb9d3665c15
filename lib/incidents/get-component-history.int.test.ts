import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getComponentHistory } from "./get-component-history";

const DAY = 86_400_000;
const HOUR = 3_600_000;
// Noon UTC today: fixed, so that day boundaries in the assertions are known.
const NOW = new Date(Math.floor(Date.now() / DAY) * DAY + 12 * HOUR);
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const dateOf = (d: Date) => d.toISOString().slice(0, 10);

async function scenario() {
  const tag = randomUUID().slice(0, 8);
  const old = await db.component.create({ data: { slug: `uptime-old-${tag}`, name: `Uptime old ${tag}`, createdAt: ago(400 * DAY) } });
  const young = await db.component.create({ data: { slug: `uptime-young-${tag}`, name: `Uptime young ${tag}`, createdAt: ago(5 * DAY) } });
  const incident = (slug: string, startedAt: Date, resolvedAt: Date | null, links: { componentId: number; status: "DEGRADED" | "PARTIAL_OUTAGE" | "MAJOR_OUTAGE" }[]) =>
    db.incident.create({
      data: { slug: `${slug}-${tag}`, title: `${slug} ${tag}`, impact: "MAJOR", status: resolvedAt ? "RESOLVED" : "INVESTIGATING", startedAt, resolvedAt, components: { create: links } },
    });
  const maintenance = (slug: string, status: "SCHEDULED" | "IN_PROGRESS" | "COMPLETED" | "CANCELLED", start: Date, hours: number) =>
    db.maintenance.create({
      data: { slug: `${slug}-${tag}`, title: `${slug} ${tag}`, body: "Planned work.", status, scheduledStart: start, scheduledEnd: new Date(start.getTime() + hours * HOUR), components: { create: [{ componentId: old.id }] } },
    });
  // Crosses midnight three days ago: 22:00 to 01:00.
  await incident("overnight", ago(3 * DAY - 10 * HOUR), ago(3 * DAY - 13 * HOUR), [
    { componentId: old.id, status: "PARTIAL_OUTAGE" },
    { componentId: young.id, status: "DEGRADED" },
  ]);
  await incident("open", ago(2 * HOUR), null, [{ componentId: old.id, status: "MAJOR_OUTAGE" }]);
  await incident("ancient", ago(200 * DAY), ago(199 * DAY), [{ componentId: old.id, status: "MAJOR_OUTAGE" }]);
  await maintenance("done", "COMPLETED", ago(10 * DAY), 2);
  await maintenance("cancelled", "CANCELLED", ago(9 * DAY), 2);
  await maintenance("never-started", "SCHEDULED", ago(8 * DAY), 2);
  await maintenance("upcoming", "SCHEDULED", new Date(NOW.getTime() + DAY), 2);
  return { tag, old, young };
}

describe("getComponentHistory (PostgreSQL)", () => {
  it("builds each component's 90 days from the incidents and maintenance that touched it", async () => {
    const { tag, old, young } = await scenario();
    const history = await getComponentHistory({ now: NOW });
    expect(history.days).toBe(90);
    const a = history.byComponent[old.id]!;
    const b = history.byComponent[young.id]!;
    expect(a.days).toHaveLength(90);
    expect(a.days.at(-1)!.date).toBe(dateOf(NOW));

    const touched = a.days.filter((d) => d.status !== "OPERATIONAL");
    expect(touched.map((d) => [d.date, d.status, d.minutes])).toEqual([
      [dateOf(ago(10 * DAY)), "MAINTENANCE", { MAINTENANCE: 120 }],
      [dateOf(ago(3 * DAY)), "PARTIAL_OUTAGE", { PARTIAL_OUTAGE: 120 }],
      [dateOf(ago(2 * DAY)), "PARTIAL_OUTAGE", { PARTIAL_OUTAGE: 60 }],
      [dateOf(NOW), "MAJOR_OUTAGE", { MAJOR_OUTAGE: 120 }],
    ]);
    expect(a.days.at(-1)!.incidents).toEqual([{ slug: `open-${tag}`, title: `open ${tag}`, impact: "MAJOR", status: "MAJOR_OUTAGE", minutes: 120 }]);
    expect(touched[0]!.maintenances.map((m) => m.slug)).toEqual([`done-${tag}`]);
    expect(a.days.flatMap((d) => d.incidents.map((i) => i.slug))).not.toContain(`ancient-${tag}`);
    expect(a.uptimePercent).toBeLessThan(100);

    expect(b.days.filter((d) => d.status === "NO_DATA")).toHaveLength(84);
    expect(b.days.filter((d) => d.status === "DEGRADED").map((d) => d.date)).toEqual([dateOf(ago(3 * DAY)), dateOf(ago(2 * DAY))]);
    expect(b.uptimePercent).toBe(100);
  });

  it("returns plain JSON that survives a cache round trip unchanged", async () => {
    await scenario();
    const history = await getComponentHistory({ now: NOW });
    expect(JSON.parse(JSON.stringify(history))).toEqual(history);
  });

  it("keeps the components of a data incident degraded until its restoration plan is done, resolved or not", async () => {
    const tag = randomUUID().slice(0, 8);
    const component = (slug: string) => db.component.create({ data: { slug: `${slug}-${tag}`, name: `${slug} ${tag}`, createdAt: ago(400 * DAY) } });
    const [open, done, resolvedPending, noPlan] = await Promise.all([component("data-open"), component("data-done"), component("data-resolved"), component("data-none")]);
    // Categories are shared by every incident (other tests list them all); phases are per incident.
    const categories = await db.dataCategory.findMany({ orderBy: { position: "asc" }, take: 2 });
    expect(categories).toHaveLength(2);
    const dataIncident = async (slug: string, startedAt: Date, resolvedAt: Date | null, componentId: number, phases: { state: "NOT_STARTED" | "IN_PROGRESS" | "DONE"; affected: number; settled: number; updatedAt?: Date }[]) => {
      const incident = await db.incident.create({
        data: { slug: `${slug}-${tag}`, title: `${slug} ${tag}`, impact: "CRITICAL", status: resolvedAt ? "RESOLVED" : "MONITORING", startedAt, resolvedAt, components: { create: [{ componentId, status: "OPERATIONAL" }] } },
      });
      for (const [position, p] of phases.entries()) {
        const phase = await db.restorationPhase.create({ data: { incidentId: incident.id, categoryId: categories[position]!.id, position, state: p.state, affectedCount: p.affected, settledCount: p.settled } });
        // updatedAt is the moment a phase was last changed (marked done); set it as staff would have, days ago.
        if (p.updatedAt) await db.$executeRaw`UPDATE "RestorationPhase" SET "updatedAt" = ${p.updatedAt}::timestamp WHERE id = ${phase.id}`;
      }
    };
    // Like the demo: open for 11 days, contacts done, calendar still under way.
    await dataIncident("data-open", ago(11 * DAY), null, open.id, [{ state: "DONE", affected: 10, settled: 10 }, { state: "IN_PROGRESS", affected: 10, settled: 4 }]);
    // Every phase done four days ago, incident still open: degraded up to that day only.
    await dataIncident("data-done", ago(9 * DAY), null, done.id, [{ state: "DONE", affected: 5, settled: 5, updatedAt: ago(6 * DAY) }, { state: "DONE", affected: 5, settled: 5, updatedAt: ago(4 * DAY) }]);
    // Resolved long before the window, but subscribers are still waiting: the whole window is degraded.
    await dataIncident("data-resolved", ago(200 * DAY), ago(199 * DAY), resolvedPending.id, [{ state: "IN_PROGRESS", affected: 5, settled: 2 }]);
    await db.incident.create({
      data: { slug: `no-plan-${tag}`, title: `no plan ${tag}`, impact: "MINOR", status: "MONITORING", startedAt: ago(11 * DAY), components: { create: [{ componentId: noPlan.id, status: "OPERATIONAL" }] } },
    });

    const history = await getComponentHistory({ now: NOW });
    const degradedDays = (id: number) => history.byComponent[id]!.days.filter((d) => d.status === "DEGRADED");

    const a = history.byComponent[open.id]!;
    expect(degradedDays(open.id).map((d) => d.date)).toEqual(Array.from({ length: 12 }, (_, i) => dateOf(ago((11 - i) * DAY))));
    expect(degradedDays(open.id).every((d) => d.dataMinutes === d.minutes.DEGRADED)).toBe(true);
    expect(a.days.at(-1)!.incidents).toEqual([{ slug: `data-open-${tag}`, title: `data-open ${tag}`, impact: "CRITICAL", status: "DEGRADED", minutes: 12 * 60, dataPending: true }]);
    // 11 days at half weight out of the window's observed 89.5 days.
    expect(a.uptimePercent).toBe(Math.floor((1 - 5.5 / 89.5) * 10_000) / 100);

    expect(degradedDays(done.id).map((d) => d.date)).toEqual(Array.from({ length: 6 }, (_, i) => dateOf(ago((9 - i) * DAY))));
    expect(history.byComponent[done.id]!.days.at(-1)!.status).toBe("OPERATIONAL");

    expect(degradedDays(resolvedPending.id)).toHaveLength(90);
    expect(history.byComponent[resolvedPending.id]!.uptimePercent).toBe(50);

    expect(degradedDays(noPlan.id)).toHaveLength(0);
    expect(history.byComponent[noPlan.id]!.uptimePercent).toBe(100);
  });

  it("shows the demo's Contacts, Calendar and Notes & tasks degraded every day since the data loss began, below 100 % uptime", async () => {
    const incident = await db.incident.findUniqueOrThrow({ where: { slug: "subscriber-data-loss" }, include: { components: { include: { component: true } } } });
    const now = new Date();
    const history = await getComponentHistory({ now });
    const since = Math.floor(incident.startedAt.getTime() / DAY);
    const expected = Array.from({ length: Math.floor(now.getTime() / DAY) - since + 1 }, (_, i) => new Date((since + i) * DAY).toISOString().slice(0, 10));
    for (const slug of ["contacts", "calendar", "notes-tasks"]) {
      const link = incident.components.find((c) => c.component.slug === slug)!;
      const h = history.byComponent[link.componentId]!;
      const days = h.days.filter((d) => d.date >= expected[0]!);
      expect(days.map((d) => d.date), slug).toEqual(expected);
      expect(days.every((d) => d.status === "DEGRADED" && (d.dataMinutes ?? 0) > 0), slug).toBe(true);
      expect(h.uptimePercent, slug).toBeLessThan(100);
    }
  });
});
