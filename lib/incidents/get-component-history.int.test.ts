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
});
