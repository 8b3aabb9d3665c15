import Link from "next/link";
import { providerName } from "@/lib/branding";

// No session lookup here: the header is the same for everyone, so public pages stay cacheable.
export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex w-full max-w-4xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-slate-900 no-underline hover:no-underline dark:text-slate-100">
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-lg bg-blue-700 text-sm font-bold text-white dark:bg-blue-500 dark:text-slate-950">
            {providerName().slice(0, 1)}
          </span>
          <span className="leading-tight">
            <span className="block text-base font-semibold">{providerName()}</span>
            <span className="block text-xs text-slate-600 dark:text-slate-400">Status &amp; recovery</span>
          </span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1 text-sm">
          <Link href="/" className="hidden rounded-md px-3 py-2 text-slate-700 no-underline hover:bg-slate-100 sm:inline-block dark:text-slate-300 dark:hover:bg-slate-800">
            Status
          </Link>
          <Link href="/me" className="btn-primary min-h-10 px-3">
            My recovery
          </Link>
        </nav>
      </div>
    </header>
  );
}
