import { z } from "zod";
import { EligibilityRule, OfferKind, OfferMode } from "@/lib/generated/prisma/enums";
import { parseUtcDateTimeLocal } from "@/lib/restoration/utc-datetime";

// One schema for creating and editing an offer, shared by both use cases and the form's field names.

const UtcTime = (required: boolean) =>
  z.string({ error: "Enter a date and time (UTC)." }).transform((value, ctx) => {
    if (value.trim() === "") {
      if (required) ctx.addIssue({ code: "custom", message: "Enter when the claim window opens (UTC)." });
      return null;
    }
    const date = parseUtcDateTimeLocal(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message: "Enter a real date and time, such as 2026-11-20 09:00 (UTC)." });
      return z.NEVER;
    }
    return date;
  });

/** "$100" or "100.50" → cents; anything else is refused with a message the form can show. */
const Dollars = z.string().transform((value, ctx) => {
  const cleaned = value.trim().replace(/^\$/, "").replace(/,/g, "");
  if (cleaned === "") return null;
  if (!/^\d{1,5}(\.\d{1,2})?$/.test(cleaned) || Number(cleaned) <= 0) {
    ctx.addIssue({ code: "custom", message: "Enter the gift card's value in dollars, such as 100 or 25.50." });
    return z.NEVER;
  }
  return Math.round(Number(cleaned) * 100);
});

export const OfferFields = z
  .object({
    kind: z.enum(OfferKind, { error: "Choose what the offer gives: service credit, a gift card or something else." }),
    title: z.string().trim().min(1, "Give the offer a title subscribers will recognise.").max(120, "Keep the title under 120 characters."),
    description: z.string().trim().min(1, "Describe the offer in a sentence or two.").max(2000, "Keep the description under 2,000 characters."),
    months: z.string().optional().default(""),
    value: Dollars.optional().default(null),
    eligibility: z.enum(EligibilityRule, { error: "Choose who is eligible." }),
    mode: z.enum(OfferMode, { error: "Choose whether the offer is granted automatically or claimed." }),
    exclusiveGroup: z
      .string()
      .trim()
      .max(40, "Keep the exclusive group under 40 characters.")
      .regex(/^[A-Za-z0-9 _-]*$/, "Use letters, digits, spaces, dashes or underscores for the exclusive group.")
      .transform((v) => (v === "" ? null : v.toLowerCase())),
    opensAt: UtcTime(true),
    closesAt: UtcTime(false),
    autoApprove: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  })
  .transform((v, ctx) => {
    let months: number | null = null;
    if (v.kind === "SERVICE_CREDIT") {
      months = /^\d{1,2}$/.test(v.months.trim()) ? Number(v.months.trim()) : NaN;
      if (!(months >= 1 && months <= 24)) {
        ctx.addIssue({ code: "custom", path: ["months"], message: "Enter the number of free months, from 1 to 24." });
        return z.NEVER;
      }
    }
    if (v.kind === "GIFT_CARD" && v.value === null) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "Enter the gift card's value in dollars, such as 100." });
      return z.NEVER;
    }
    if (v.opensAt && v.closesAt && v.closesAt.getTime() <= v.opensAt.getTime()) {
      ctx.addIssue({ code: "custom", path: ["closesAt"], message: "The window must close after it opens." });
      return z.NEVER;
    }
    return {
      kind: v.kind,
      title: v.title,
      description: v.description,
      months,
      valueCents: v.kind === "GIFT_CARD" ? v.value : null,
      eligibility: v.eligibility,
      mode: v.mode,
      exclusiveGroup: v.exclusiveGroup,
      opensAt: v.opensAt!,
      closesAt: v.closesAt,
      // Automatic grants need no review, so the setting only means something for claimed offers.
      autoApprove: v.mode === "CLAIM" && v.autoApprove,
    };
  });

export type OfferData = z.output<typeof OfferFields>;

/** The columns an offer's audit entry records before and after a change. */
export const OFFER_AUDIT_FIELDS = {
  id: true, incidentId: true, kind: true, title: true, description: true, months: true, valueCents: true, currency: true,
  eligibility: true, mode: true, exclusiveGroup: true, opensAt: true, closesAt: true, autoApprove: true,
} as const;
