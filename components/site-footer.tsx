import Link from "next/link";
import { providerName } from "@/lib/branding";

export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-white text-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex w-full max-w-4xl flex-col gap-3 px-4 py-6 sm:flex-row sm:items-center sm:justify-between">
        <p className="muted">© {providerName()} · Status and data recovery</p>
        <nav aria-label="Footer">
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            <li><Link href="/">Status</Link></li>
            <li><Link href="/history">Incident history</Link></li>
            <li><a href="/feed.atom">Atom feed</a></li>
            <li><a href="/feed.rss">RSS feed</a></li>
            <li><Link href="/subscribe">Subscribe</Link></li>
            <li><Link href="/preferences">Email preferences</Link></li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
