// Test data for the staff incident and maintenance use cases: each call makes its own staff
// member, subscriber and services, so tests never share rows with each other or the demo seed.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/restoration/staff-test-scenario";

export async function makeIncidentScenario(componentCount = 3) {
  const tag = randomUUID().slice(0, 8);
  const staff = await makeUser("SUPPORT");
  const subscriber = await makeUser("SUBSCRIBER");
  const components: { id: number; name: string }[] = [];
  for (let i = 0; i < componentCount; i++) {
    components.push(await db.component.create({ data: { slug: `svc-${tag}-${i}`, name: `Service ${tag} ${i}` }, select: { id: true, name: true } }));
  }
  const statusOf = async (index: number) => (await db.component.findUniqueOrThrow({ where: { id: components[index]!.id } })).status;
  const statuses = async () => Promise.all(components.map((_, i) => statusOf(i)));
  return { tag, staff, subscriber, components, statuses, title: (what: string) => `${what} ${tag}` };
}

export const auditsFor = (entityType: string, entityId: number | string, action?: string) =>
  db.auditLog.findMany({ where: { entityType, entityId: String(entityId), ...(action ? { action } : {}) }, orderBy: { id: "asc" } });

/** A datetime-local value (UTC) `hours` from now, whole minutes. */
export function hoursFromNow(hours: number): string {
  return new Date(Math.floor(Date.now() / 60_000) * 60_000 + hours * 3_600_000).toISOString().slice(0, 16);
}
