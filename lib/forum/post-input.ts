import { z } from "zod";
import { BODY_MAX, BODY_MIN, REASON_MAX, REASON_MIN } from "./limits";

/** A question or reply as typed: trimmed, then measured, so spaces alone never count. */
export const PostBody = z
  .string({ error: "Write your message first." })
  .trim()
  .min(BODY_MIN, { error: `Write at least ${BODY_MIN} characters.` })
  .max(BODY_MAX, { error: (issue) => `Keep it to ${BODY_MAX.toLocaleString("en-US")} characters (this has ${String(issue.input).length.toLocaleString("en-US")}).` });

/** Why staff hid a post: shown to staff only, kept for the audit trail. */
export const HideReason = z
  .string({ error: "Give a reason for hiding this post." })
  .trim()
  .min(REASON_MIN, { error: `Give a reason for hiding this post (at least ${REASON_MIN} characters).` })
  .max(REASON_MAX, { error: `Keep the reason to ${REASON_MAX} characters.` });

export const PostId = z.coerce.number({ error: "That post does not exist." }).int().positive({ error: "That post does not exist." });

export const IncidentSlug = z.string({ error: "Choose an incident." }).trim().min(1, { error: "Choose an incident." }).max(200);
