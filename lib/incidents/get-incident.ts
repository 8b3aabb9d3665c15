import { db } from "@/lib/db";
import { NotFound } from "@/lib/errors";

export async function getIncidentOrThrow(slug: string) {
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
      postmortemBody: true,
      postmortemPublishedAt: true,
      components: { select: { status: true, component: { select: { name: true, slug: true } } } },
      updates: { orderBy: { createdAt: "desc" }, select: { id: true, status: true, body: true, createdAt: true } },
      faqEntries: { orderBy: { position: "asc" }, select: { id: true, question: true, answer: true } },
    },
  });
  if (!incident) throw NotFound("There is no incident at this address.");
  return incident;
}
