import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { MAX_IMPORT_BYTES } from "@/lib/restoration/import-batch";
import { listBatches } from "@/lib/restoration/list-batches";
import { listImportIncidents } from "@/lib/restoration/list-import-incidents";
import { FormatGuide } from "./_components/format-guide";
import { ImportForm } from "./_components/import-form";
import { RecentBatches } from "./_components/recent-batches";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Import restoration progress" };

export default async function ImportsPage({ searchParams }: { searchParams: Promise<{ incident?: string; page?: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/restoration/imports");
  const params = await searchParams;
  const incidents = await listImportIncidents(user);
  const selected = incidents.find((i) => i.slug === params.incident) ?? incidents[0];
  const batches = selected ? await listBatches({ actor: user, input: { incident: selected.slug, page: params.page } }) : null;

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="page-title">Import restoration progress</h1>
        <p className="muted">Upload the recovery pipeline&apos;s CSV to move subscribers&apos; data categories forward. Every row is checked before anything is applied.</p>
      </div>
      {selected ? (
        <>
          <ImportForm incidents={incidents} incident={selected.slug} maxBytes={MAX_IMPORT_BYTES} />
          <FormatGuide now={new Date()} />
          {batches && <RecentBatches data={batches} />}
        </>
      ) : (
        <p className="card muted">There are no incidents yet, so there is nothing to import progress into.</p>
      )}
    </div>
  );
}
