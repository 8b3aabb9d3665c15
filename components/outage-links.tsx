import Link from "next/link";

/**
 * Where to look while part of the site is out of reach: the status page (served from its cache)
 * and, when configured, the static mirror that needs neither the application nor the database.
 */
export function OutageLinks({ mirrorUrl }: { mirrorUrl?: string }) {
  return (
    <ul className="flex flex-wrap justify-center gap-3">
      <li><Link href="/" className="btn-primary">Go to the status page</Link></li>
      <li><a href={mirrorUrl ?? "/status-mirror"} className="btn-secondary">Status page mirror</a></li>
    </ul>
  );
}
