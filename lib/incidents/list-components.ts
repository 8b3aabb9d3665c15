import { db } from "@/lib/db";

/** Every service in page order, grouped as the status page groups them, for the staff pickers. */
export async function listComponentGroups() {
  const components = await db.component.findMany({
    orderBy: [{ group: { position: "asc" } }, { position: "asc" }, { id: "asc" }],
    select: { id: true, slug: true, name: true, status: true, group: { select: { id: true, name: true } } },
  });
  const groups: { name: string; components: { id: number; slug: string; name: string; status: (typeof components)[number]["status"] }[] }[] = [];
  for (const c of components) {
    const name = c.group?.name ?? "Other";
    let group = groups.find((g) => g.name === name);
    if (!group) groups.push((group = { name, components: [] }));
    group.components.push({ id: c.id, slug: c.slug, name: c.name, status: c.status });
  }
  return groups;
}

export type ComponentGroupOption = Awaited<ReturnType<typeof listComponentGroups>>[number];
