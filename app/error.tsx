"use client";

import { OutageLinks } from "@/components/outage-links";

// A page that failed to render (the database went away mid-request, or a bug): an honest page
// instead of Next.js's bare one. The cause is in the server log, never shown here.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="card mx-auto max-w-md space-y-4 text-center" role="alert">
      <h1 className="text-xl font-bold">This page can&apos;t be shown right now.</h1>
      <p>Something went wrong on our side. Nothing is lost; try again in a few minutes.</p>
      <button type="button" className="btn-secondary" onClick={reset}>Try again</button>
      <OutageLinks />
    </div>
  );
}
