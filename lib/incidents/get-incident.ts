import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { getPublicRestoration } from "@/lib/restoration/public-progress";

/** One incident as the public sees it, or null. `generatedAt` is when it was read. */
export async function getIncident(slug: string) {
  const incident = await db.incident.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      impact: true,
      status: true,
      startedAt: true,
      resolvedAt: true,
      qaLockedAt: true,
      postmortemBody: true,
      postmortemPublishedAt: true,
      components: { orderBy: { component: { position: "asc" } }, select: { status: true, component: { select: { name: true, slug: true } } } },
      updates: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, status: true, body: true, createdAt: true } },
      faqEntries: { orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, question: true, answer: true } },
    },
  });
  if (!incident) return null;
  return { ...incident, restoration: await getPublicRestoration(incident.id), generatedAt: new Date() };
}

export type PublicIncident = NonNullable<Awaited<ReturnType<typeof getIncident>>>;

export async function getIncidentOrThrow(slug: string): Promise<PublicIncident> {
  const incident = await getIncident(slug);
  if (!incident) throw NotFound("There is no incident at this address.");
  return incident;
}
