import type { Metadata } from "next";
import Link from "next/link";
import { currentUser } from "@/lib/auth/session";
import { listComponentGroups } from "@/lib/incidents/list-components";
import { getPreferences } from "@/lib/notifications/preferences";
import { savePreferences } from "./actions";
import { PreferencesForm } from "./_components/preferences-form";

export const metadata: Metadata = { title: "Email preferences" };

export default async function PreferencesPage() {
  const user = await currentUser();
  if (!user) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="page-title">Email preferences</h1>
        <div className="card space-y-3">
          <p>Sign in with the address on file to choose which incident emails you get and how often.</p>
          <Link href="/signin?callbackUrl=/preferences" className="btn-primary w-full">Sign in</Link>
        </div>
      </div>
    );
  }
  const [prefs, groups] = await Promise.all([getPreferences(user), listComponentGroups()]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-1">
        <h1 className="page-title">Email preferences</h1>
        <p className="muted break-all text-sm">For {prefs.email}</p>
      </div>
      <div className="card">
        <PreferencesForm initial={prefs} groups={groups} showAccountLists action={savePreferences} />
      </div>
    </div>
  );
}
