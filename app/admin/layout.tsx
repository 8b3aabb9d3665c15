import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { isStaff, ROLE_LABEL } from "@/lib/auth/roles";
import { SignOutButton } from "../me/_components/sign-out-button";

// The proxy already turned away non-staff; this check is the one that must never be skipped.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin");
  if (!isStaff(user.role)) redirect("/forbidden");
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
        <nav aria-label="Staff" className="-mx-1 flex flex-wrap items-center gap-1 text-sm">
          {[
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
            ...(user.role === "ADMIN" ? [["/admin/claims/codes", "Gift codes"]] : []),
            ...(user.role === "ADMIN" ? [["/admin/tokens", "API tokens"]] : []),
          ].map(([href, label]) => (
            <Link key={href} href={href!} className="rounded-md px-3 py-2 text-slate-100 no-underline hover:bg-slate-700 hover:no-underline">
              {label}
            </Link>
          ))}
        </nav>
      </div>
      {children}
    </div>
  );
}
