"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/** The phone's "Menu" disclosure; it folds again once a link has taken the person to another page. */
export function StaffMenu({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [pathname]);
  return (
    <details ref={details} className="group sm:hidden">
      <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between rounded-md border border-slate-600 px-3 py-2 font-semibold [&::-webkit-details-marker]:hidden">
        Menu
        <span aria-hidden="true" className="transition-transform group-open:rotate-180">▾</span>
      </summary>
      {children}
    </details>
  );
}
