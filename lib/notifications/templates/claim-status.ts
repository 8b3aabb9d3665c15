import { env } from "@/lib/env";
import type { EmailTemplate } from "./types";

export type ClaimEmailKind = "submitted" | "approved" | "awaiting-code" | "denied" | "fulfilled";
export const CLAIM_EMAIL_KINDS: ClaimEmailKind[] = ["submitted", "approved", "awaiting-code", "denied", "fulfilled"];

interface Context {
  kind: ClaimEmailKind;
  number: string;
  reason: string | null;
}

const COPY: Record<ClaimEmailKind, { subject: (n: string) => string; heading: string; body: (reason: string | null) => string[] }> = {
  submitted: {
    subject: (n) => `We received your claim ${n}`,
    heading: "We received your claim",
    body: () => ["Thank you. Your claim is waiting for review; we will email you as soon as it is decided.", "You can follow it at any time on its page."],
  },
  approved: {
    subject: (n) => `Your claim ${n} is approved`,
    heading: "Your claim is approved",
    body: () => ["Good news: your claim is approved. We will email you again when everything is delivered."],
  },
  "awaiting-code": {
    subject: (n) => `Your claim ${n} is approved`,
    heading: "Your claim is approved",
    body: () => ["Your claim is approved. Your gift-card code is being prepared; we will email you as soon as it is ready to reveal on your claim page."],
  },
  denied: {
    subject: (n) => `About your claim ${n}`,
    heading: "We could not approve your claim",
    body: (reason) => [reason ? `The reason: ${reason}` : "", "If you think this is a mistake, reply to support from your account page and we will look at it again."].filter(Boolean),
  },
  fulfilled: {
    subject: (n) => `Your claim ${n} is fulfilled`,
    heading: "Your compensation is ready",
    body: () => ["Everything in your claim is delivered. A gift-card code can be revealed on your claim page; a service credit is applied by billing to your next bills."],
  },
};

/** Each step of a claim, to its owner. Everything needed travels in the payload. */
export const claimStatus: EmailTemplate<Context> = {
  name: "claim.status",
  description: "A claim was submitted, approved, denied or fulfilled (one message per step, to the claimant).",
  list: "claims",
  async load(messages) {
    return new Map(
      messages.map((m) => {
        const kind = String(m.payload.kind) as ClaimEmailKind;
        const valid = CLAIM_EMAIL_KINDS.includes(kind) && typeof m.payload.number === "string";
        return [m.id, valid ? { kind, number: String(m.payload.number), reason: typeof m.payload.reason === "string" ? m.payload.reason : null } : null];
      }),
    );
  },
  render(c) {
    const copy = COPY[c.kind];
    return {
      subject: copy.subject(c.number),
      heading: copy.heading,
      paragraphs: [`Claim number: ${c.number}`, ...copy.body(c.reason)],
      action: { label: "See your claim", url: new URL(`/claims/${c.number}`, env().NEXTAUTH_URL).toString() },
      reason: "You received this because you made a compensation claim.",
    };
  },
  sample: () => ({ kind: "approved", number: "C-7K3M9Q", reason: null }),
};
