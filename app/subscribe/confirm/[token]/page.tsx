import type { Metadata } from "next";
import Link from "next/link";
import { INVALID_CONFIRM_LINK, confirmLinkAddress } from "@/lib/notifications/subscriptions/confirm-subscription";
import { confirmByLink } from "./actions";
import { ConfirmButton } from "./_components/confirm-button";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

// Confirming takes a button press (a POST): mail scanners fetch every link in a message, and a
// GET that confirmed would subscribe addresses whose owners never saw the email.
export default async function ConfirmSubscriptionPage({ params }: Props) {
  const { token } = await params;
  const email = confirmLinkAddress(token);
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="page-title">Confirm your subscription</h1>
      <div className="card space-y-3">
        {email ? (
          <>
            <p className="muted break-all text-sm">For {email}</p>
            <ConfirmButton action={confirmByLink.bind(null, token)} />
          </>
        ) : (
          <>
            <p role="alert">{INVALID_CONFIRM_LINK}</p>
            <Link href="/subscribe" className="btn-primary w-full">Subscribe again</Link>
          </>
        )}
      </div>
    </div>
  );
}
