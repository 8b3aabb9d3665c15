import { getCachedThreadPage } from "@/lib/forum/cached-threads";
import { QaSection } from "./qa-section";

/** The Q&A's first page from the shared cache: the same HTML for every visitor. */
export async function QaBlock({ incidentSlug }: { incidentSlug: string }) {
  const initial = await getCachedThreadPage(incidentSlug, "newest", null);
  return <QaSection incidentSlug={incidentSlug} initial={initial} />;
}
