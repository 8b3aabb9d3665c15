import type { EligibilityRule, OfferMode, RestorationState } from "@/lib/generated/prisma/enums";
import type { WindowState } from "./offer-window";

// What a subscriber reads about their compensation, computed from the offers they actually have,
// once for /me, /claims and the emails. Pure, so the browser and the worker can call it too.

type When = Date | string;

export interface OfferForLines {
  title: string;
  mode: OfferMode;
  eligibilityRule: EligibilityRule;
  window: WindowState;
  opensAt: When;
  /** When the automatic grant was made, from the grant itself; null while there is none. */
  grantedAt: When | null;
  claimed: boolean;
}

export interface CompensationLine {
  text: string;
  link: { href: string; label: string } | null;
}

const mediumDay = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
/** "Dec 6, 2026", the way /me shows days. */
export const defaultDay = (d: Date) => mediumDay.format(d);

/** An automatic offer, for someone eligible: applied on the grant's date, or when it will be. */
export function automaticOfferNote(offer: Pick<OfferForLines, "window" | "opensAt" | "grantedAt">, formatDay: (d: Date) => string = defaultDay): string {
  if (offer.grantedAt) return `Applied to your account on ${formatDay(new Date(offer.grantedAt))}, nothing to do.`;
  if (offer.window === "NOT_OPEN") return `It will be applied to your account on ${formatDay(new Date(offer.opensAt))}, when the offer opens. No action needed.`;
  if (offer.window === "CLOSED") return "The offer closed before your account qualified for it.";
  return "Being applied to your account now. No action needed.";
}

const LOST: readonly RestorationState[] = ["PARTIAL", "UNRECOVERABLE"];

/**
 * The sentence under a category that was lost in part or in full: only when an offer for exactly
 * that exists (rule ANY_UNRECOVERABLE_OR_PARTIAL, open or opening, or already granted or claimed),
 * naming it, with the way to claim it. Null when there is no such offer — nothing is promised.
 * `claimFiled`: the subscriber already made their one claim for the incident, so an offer left out
 * of it can no longer be claimed and is not offered.
 */
export function extraCompensationLine(
  state: RestorationState,
  offers: readonly OfferForLines[],
  { claimFiled = false, formatDay = defaultDay }: { claimFiled?: boolean; formatDay?: (d: Date) => string } = {},
): CompensationLine | null {
  if (!LOST.includes(state)) return null;
  const extra = offers.filter(
    (o) =>
      o.eligibilityRule === "ANY_UNRECOVERABLE_OR_PARTIAL" &&
      (o.mode === "AUTOMATIC" ? o.window !== "CLOSED" || o.grantedAt !== null : o.claimed || (o.window !== "CLOSED" && !claimFiled)),
  );
  if (extra.length === 0) return null;
  const sentences = extra.map((o) => {
    const name = `“${o.title}”`;
    if (o.mode === "AUTOMATIC") {
      if (o.grantedAt) return `${name} was applied to your account on ${formatDay(new Date(o.grantedAt))}.`;
      if (o.window === "NOT_OPEN") return `${name} will be applied to your account on ${formatDay(new Date(o.opensAt))}, with no action needed.`;
      return `${name} is being applied to your account.`;
    }
    if (o.claimed) return `You have claimed ${name}.`;
    if (o.window === "NOT_OPEN") return `You can claim ${name} from ${formatDay(new Date(o.opensAt))}.`;
    return `You can claim ${name}.`;
  });
  const claimLeft = extra.some((o) => o.mode === "CLAIM" && !o.claimed);
  const claimedAny = extra.some((o) => o.mode === "CLAIM" && o.claimed);
  return {
    text: sentences.join(" "),
    link: claimLeft ? { href: "/claims", label: "Claim it" } : claimedAny ? { href: "/claims", label: "See your claim" } : null,
  };
}
