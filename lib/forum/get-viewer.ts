import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { pgPool } from "@/lib/db";
import { NotFound } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { IncidentSlug } from "./post-input";

export const MAX_VIEWER_IDS = 200;

export const GetViewerInput = z.object({
  incidentSlug: IncidentSlug,
  postIds: z.array(z.number().int().positive()).max(MAX_VIEWER_IDS, { error: `Ask about at most ${MAX_VIEWER_IDS} posts at a time.` }),
});

export interface ForumViewer {
  signedIn: boolean;
  isStaff: boolean;
  canPost: boolean;
  qaLocked: boolean;
  /** Which of the asked-about posts this person has voted on. */
  votedPostIds: number[];
}

/** The per-person part of the Q&A, kept out of the shared page: who is looking and what they voted. */
export async function getViewer({ actor, input }: { actor: Actor | null; input: unknown }): Promise<ForumViewer> {
  const { incidentSlug, postIds } = parseInput(GetViewerInput, input);
  const { rows } = await pgPool().query<{ qaLocked: boolean; votedPostIds: number[] }>(
    `SELECT i."qaLockedAt" IS NOT NULL AS "qaLocked",
            COALESCE((SELECT array_agg(v."postId") FROM "ForumVote" v WHERE v."userId" = $2 AND v."postId" = ANY($3::int[])), '{}') AS "votedPostIds"
     FROM "Incident" i WHERE i.slug = $1`,
    [incidentSlug, actor?.id ?? null, actor ? postIds : []],
  );
  const incident = rows[0];
  if (!incident) throw NotFound("There is no incident at this address.");
  return {
    signedIn: actor !== null,
    isStaff: isStaff(actor?.role),
    canPost: actor !== null && !incident.qaLocked,
    qaLocked: incident.qaLocked,
    votedPostIds: incident.votedPostIds,
  };
}
