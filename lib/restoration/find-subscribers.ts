import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { isStaff } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { Forbidden } from "@/lib/errors";
import { parseInput } from "@/lib/parse-input";
import { isEmptyQuery, parseSubscriberQuery } from "./subscriber-query";

export const FindSubscribersInput = z.object({ q: z.string().max(200, "Search for one email address, phone number or account reference.") });

const LIMIT = 20;
const SUBSCRIBER_FIELDS = { id: true, email: true, name: true, accountRef: true, phone: true } as const;

/**
 * Finds subscribers by exact email (any case), phone number (spaces and dashes ignored) or
 * account reference (any case). `searched` is false when the text cannot be any of the three.
 */
export async function findSubscribers({ actor, input }: { actor: Actor; input: unknown }) {
  if (!isStaff(actor.role)) throw Forbidden("Only support staff can look up subscribers.");
  const { q } = parseInput(FindSubscribersInput, input);
  const query = parseSubscriberQuery(q);
  if (isEmptyQuery(query)) return { searched: false, subscribers: [] };

  const subscribers = await db.user.findMany({
    where: { OR: [{ email: { in: query.emails } }, { phone: { in: query.phones } }, { accountRef: { in: query.accountRefs } }] },
    orderBy: { email: "asc" },
    take: LIMIT,
    select: SUBSCRIBER_FIELDS,
  });
  if (subscribers.length === 0 && query.accountRefs.length > 0) {
    // References are normally upper case (an index probe above); a differently cased one costs a scan.
    return {
      searched: true,
      subscribers: await db.user.findMany({ where: { accountRef: { equals: q.trim(), mode: "insensitive" } }, take: LIMIT, select: SUBSCRIBER_FIELDS }),
    };
  }
  return { searched: true, subscribers };
}
