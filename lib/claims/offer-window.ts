export type WindowState = "NOT_OPEN" | "OPEN" | "CLOSED";

/** Open from opensAt (inclusive) until closesAt (exclusive); no closing time means open for good. */
export function windowState(offer: { opensAt: Date; closesAt: Date | null }, now: Date): WindowState {
  if (now.getTime() < offer.opensAt.getTime()) return "NOT_OPEN";
  if (offer.closesAt && now.getTime() >= offer.closesAt.getTime()) return "CLOSED";
  return "OPEN";
}
