// Test data for the staff restoration use cases: each call makes its own staff member,
// subscriber and incident with a three-phase plan, so tests never share rows.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export async function makeUser(role: Role, extra: { phone?: string; accountRef?: string } = {}): Promise<Actor & { tag: string }> {
  const tag = randomUUID().slice(0, 8);
  const user = await db.user.create({ data: { email: `${role.toLowerCase()}-${tag}@staff-tools.test`, role, ...extra } });
  return { id: user.id, email: user.email, role: user.role, tag };
}

/** Resolved unless asked otherwise, so test incidents do not crowd the open ones staff pages list. */
export async function makeScenario({ open = false } = {}) {
  const staff = await makeUser("SUPPORT");
  const digits = String(Math.floor(Math.random() * 1e9)).padStart(9, "0");
  const subscriber = await makeUser("SUBSCRIBER", { phone: `+1777${digits}`, accountRef: `ST-${digits}` });
  const incident = await db.incident.create({
    data: {
      slug: `staff-tools-${subscriber.tag}`,
      title: `Staff tools ${subscriber.tag}`,
      impact: "MAJOR",
      ...(open ? {} : { status: "RESOLVED" as const, resolvedAt: new Date() }),
    },
  });
  const categories = await db.dataCategory.findMany({ where: { slug: { in: ["contacts", "calendar", "notes"] } }, orderBy: { position: "asc" } });
  await db.restorationPhase.createMany({
    data: categories.map((category, position) => ({ incidentId: incident.id, categoryId: category.id, position })),
  });
  const phases = await db.restorationPhase.findMany({ where: { incidentId: incident.id }, orderBy: { position: "asc" } });
  const category = (slug: string) => categories.find((c) => c.slug === slug)!;
  return { staff, subscriber, incident, phases, category };
}

export const SUBSCRIBER_ACTOR: Actor = { id: "not-staff", email: "subscriber@staff-tools.test", role: "SUBSCRIBER" };
