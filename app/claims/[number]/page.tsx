import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { formatDateTime } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import { currentUser } from "@/lib/auth/session";
import { getMyClaim, type MyClaim } from "@/lib/claims/get-my-claim";
import { CLAIM_STATUS_COPY } from "@/lib/claims/offer-copy";
import { toAppError } from "@/lib/errors";
import { RevealCode } from "./_components/reveal-code";

export const metadata: Metadata = { title: "My claim" };

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ submitted?: string }> };

type Step = { label: string; at: Date | null; state: "done" | "current" | "todo" | "bad"; note?: string };

function timeline(claim: MyClaim): Step[] {
  const steps: Step[] = [{ label: "Submitted", at: claim.createdAt, state: "done" }];
  if (claim.status === "SUBMITTED") return [...steps, { label: "Review", at: null, state: "current", note: "We are reviewing your claim." }, { label: "Fulfilled", at: null, state: "todo" }];
  if (claim.status === "DENIED") return [...steps, { label: "Denied", at: claim.decidedAt, state: "bad", note: claim.decisionReason ?? undefined }];
  steps.push({ label: "Approved", at: claim.decidedAt, state: "done" });
  if (claim.status === "AWAITING_CODE") return [...steps, { label: "Waiting for a gift-card code", at: null, state: "current", note: "Your gift card is being prepared. We will email you when your code is ready." }, { label: "Fulfilled", at: null, state: "todo" }];
  if (claim.status === "APPROVED") return [...steps, { label: "Fulfilled", at: null, state: "todo" }];
  return [...steps, { label: "Fulfilled", at: claim.fulfilledAt, state: "done" }];
}

const DOT: Record<Step["state"], string> = {
  done: "bg-green-600 dark:bg-green-400",
  current: "bg-blue-600 ring-4 ring-blue-200 dark:bg-blue-400 dark:ring-blue-900",
  todo: "bg-slate-300 dark:bg-slate-600",
  bad: "bg-red-600 dark:bg-red-400",
};

export default async function ClaimPage({ params, searchParams }: Props) {
  const { number } = await params;
  const user = await currentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/claims/${number}`)}`);
  const { submitted } = await searchParams;
  const claim = await getMyClaim(user, number).catch((error: unknown) => {
    if (toAppError(error)?.code === "NOT_FOUND") notFound();
    throw error;
  });
  const copy = CLAIM_STATUS_COPY[claim.status];

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm"><Link href="/claims">← My compensation</Link></p>
        <h1 className="page-title">Claim <span className="font-mono">{claim.number}</span></h1>
        <p className="muted">{claim.incident.title}</p>
      </div>

      {submitted && (
        <div role="status" className="rounded-lg bg-green-50 p-4 text-green-900 dark:bg-green-950 dark:text-green-100">
          <p className="font-semibold">Your claim is submitted.</p>
          <p className="text-sm">Your claim number is <span className="font-mono">{claim.number}</span>. We sent a confirmation to {user.email}.</p>
        </div>
      )}

      <section aria-labelledby="claim-status" className="card space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="claim-status" className="text-lg font-semibold">Status</h2>
          <StatusPill tone={copy.tone}>{copy.label}</StatusPill>
        </div>
        <ol className="space-y-4">
          {timeline(claim).map((step) => (
            <li key={step.label} className="flex gap-3" aria-current={step.state === "current" ? "step" : undefined}>
              <span aria-hidden="true" className={`mt-1.5 size-3 shrink-0 rounded-full ${DOT[step.state]}`} />
              <div>
                <p className={step.state === "todo" ? "muted" : "font-medium"}>{step.label}</p>
                {step.at && <p className="muted text-sm">{formatDateTime(step.at)}</p>}
                {step.note && <p className="text-sm">{step.state === "bad" ? `Reason: ${step.note}` : step.note}</p>}
              </div>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="claim-items" className="card space-y-4">
        <h2 id="claim-items" className="text-lg font-semibold">What you claimed</h2>
        <ul className="space-y-4">
          {claim.items.map((item) => (
            <li key={item.id} className="space-y-2 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
              <p className="font-medium">{item.offer.title}</p>
              {item.offer.kind === "GIFT_CARD" &&
                (item.code ? (
                  <RevealCode claimItemId={item.id} last4={item.code.last4} />
                ) : (
                  <p className="muted text-sm">
                    {claim.status === "DENIED" ? "Not issued." : claim.giftCardEmail ? `Your code will be shown here and sent to ${claim.giftCardEmail}.` : "Your code will be shown here."}
                  </p>
                ))}
              {item.offer.kind === "SERVICE_CREDIT" &&
                (item.credit ? (
                  <p className="text-sm">{item.credit.months} {item.credit.months === 1 ? "month" : "months"}, applied by billing{item.credit.exportedAt ? ` (sent to billing ${formatDateTime(item.credit.exportedAt)})` : " to your next bills"}.</p>
                ) : (
                  <p className="muted text-sm">Applied by billing once your claim is approved.</p>
                ))}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
