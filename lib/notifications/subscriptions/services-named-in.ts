/** The ids of the services named in a link (`?services=contacts-sync,backups`); unknown names are ignored. */
export function servicesNamedIn(groups: { components: { id: number; slug: string }[] }[], param: string | undefined): number[] {
  const wanted = new Set((param ?? "").split(",").map((s) => s.trim()).filter(Boolean));
  return groups.flatMap((g) => g.components).filter((c) => wanted.has(c.slug)).map((c) => c.id);
}
