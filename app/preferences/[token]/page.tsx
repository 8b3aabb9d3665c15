import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getEmailPreferences } from "@/lib/notifications/subscriptions/get-email-preferences";
import { isEmailList } from "@/lib/notifications/subscriptions/unsubscribe-list";
import { PreferencesForm } from "../_components/preferences-form";
import { saveEmailPreferences, stopList, unsubscribeFromEverything } from "./actions";
import { ActionButton } from "./_components/action-button";

// The link itself is the key to this page: keep it out of search engines and Referer headers.
export const metadata: Metadata = { title: "Email preferences", robots: { index: false, follow: false }, referrer: "no-referrer" };

const LIST_LABEL = {
  incidents: "incident updates",
  restoration: "news about your data coming back",
  claims: "news about your compensation and claims",
} as const;

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ list?: string; done?: string }> };

export default async function SignedPreferencesPage({ params, searchParams }: Props) {
  await connection();
  const [{ token }, { list, done }] = await Promise.all([params, searchParams]);
  const prefs = await getEmailPreferences({ token });
  if (!prefs) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="page-title">Email preferences</h1>
        <div className="card space-y-3">
          <p role="alert">This preferences link is not valid. It may have been cut short when it was copied from the email.</p>
          <p className="muted text-sm">Open the link from one of our emails again, or sign in with your address to change your choices.</p>
          <Link href="/signin?callbackUrl=/preferences" className="btn-primary w-full">Sign in instead</Link>
        </div>
      </div>
    );
  }

  const doneText = done === "everything" ? "You are unsubscribed from everything. We will not email this address again unless you choose otherwise here." : isEmailList(done) ? `Done: you will get no more ${LIST_LABEL[done]}.` : null;
  const pendingList = !done && isEmailList(list) ? list : null;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-1">
        <h1 className="page-title">Email preferences</h1>
        <p className="muted break-all text-sm">For {prefs.email}</p>
      </div>
      {doneText && <p role="status" className="rounded-lg bg-green-50 p-3 text-sm text-green-900 dark:bg-green-950 dark:text-green-100">{doneText}</p>}
      {pendingList && (
        <div className="card space-y-3">
          <p>You followed the unsubscribe link for {LIST_LABEL[pendingList]}. Nothing has changed yet.</p>
          <ActionButton action={stopList.bind(null, token, pendingList)} label={`Stop ${LIST_LABEL[pendingList]}`} pendingLabel="Unsubscribing…" className="btn-primary w-full sm:w-auto" />
        </div>
      )}
      {!prefs.known && <p className="card">This address has no subscription. <Link href="/subscribe">Subscribe to incident updates</Link>.</p>}
      <div className="card">
        <PreferencesForm key={prefs.version} initial={prefs} groups={prefs.groups} showAccountLists={prefs.isAccount} action={saveEmailPreferences.bind(null, token)} />
      </div>
      <div className="card space-y-3">
        <h2 className="text-base font-semibold">Unsubscribe from everything</h2>
        <p className="muted text-sm">No incident updates{prefs.isAccount ? ", and no news about your data or your claims" : ""}. You can come back here at any time.</p>
        <ActionButton action={unsubscribeFromEverything.bind(null, token)} label="Unsubscribe from everything" pendingLabel="Unsubscribing…" className="btn-secondary w-full sm:w-auto" />
      </div>
    </div>
  );
}
