import { db } from "@/lib/db";

export const HISTORY_PAGE_SIZE = 20;

/** Incident history, newest first, page by page. */
export async function listIncidents({ page = 1 }: { page?: number }) {
  const safePage = Number.isInteger(page) && page > 0 ? page : 1;
  const [items, total] = await Promise.all([
    db.incident.findMany({
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      skip: (safePage - 1) * HISTORY_PAGE_SIZE,
      take: HISTORY_PAGE_SIZE,
      select: { slug: true, title: true, impact: true, status: true, startedAt: true, resolvedAt: true },
    }),
    db.incident.count(),
  ]);
  return { items, page: safePage, pages: Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE)), total, generatedAt: new Date() };
}
