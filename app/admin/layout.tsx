import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { isStaff, ROLE_LABEL } from "@/lib/auth/roles";
import { SignOutButton } from "../me/_components/sign-out-button";
import { StaffMenu } from "./_components/staff-menu";

const LINK = "block rounded-md px-3 py-2 text-slate-100 no-underline hover:bg-slate-700 hover:no-underline";

// The proxy already turned away non-staff; this check is the one that must never be skipped.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin");
  if (!isStaff(user.role)) redirect("/forbidden");
  const links: [string, string][] = [
    ["/admin", "Overview"],
    ["/admin/incidents", "Incidents"],
    ["/admin/maintenance", "Maintenance"],
    ["/admin/qa", "Q&A"],
    ["/admin/restoration", "Restoration"],
    ["/admin/restoration/subscribers", "Subscribers"],
    ["/admin/restoration/plan", "Plan"],
    ["/admin/restoration/imports", "Imports"],
    ["/admin/claims", "Claims"],
    ["/admin/claims/offers", "Offers"],
    ["/admin/claims/credits", "Credit exports"],
    ["/admin/email", "Email"],
    ...(user.role === "ADMIN" ? ([["/admin/claims/codes", "Gift codes"], ["/admin/tokens", "API tokens"]] as [string, string][]) : []),
  ];
  return (
    <div className="space-y-6">
      <div className="space-y-3 rounded-xl bg-slate-900 p-4 text-slate-100 dark:bg-slate-800">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-400">Staff area</p>
            <p className="break-words text-sm">{user.email} · {ROLE_LABEL[user.role]}</p>
          </div>
          <SignOutButton />
        </div>
        {/* On a phone the fourteen links fold behind "Menu" (a native disclosure, working before any script), so the
            page itself starts on the first screen; from sm up they are all in view. */}
        <nav aria-label="Staff" className="text-sm">
          <StaffMenu>
            <ul className="mt-2 grid grid-cols-2 gap-1">
              {links.map(([href, label]) => (
                <li key={href}><Link href={href} className={LINK}>{label}</Link></li>
              ))}
            </ul>
          </StaffMenu>
          <ul className="-mx-1 hidden flex-wrap items-center gap-1 sm:flex">
            {links.map(([href, label]) => (
              <li key={href}><Link href={href} className={LINK}>{label}</Link></li>
            ))}
          </ul>
        </nav>
      </div>
      {children}
    </div>
  );
}
