// Test data for the forum use cases: each call makes its own incident, staff member and
// subscribers, so tests never share rows and can run in parallel.
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export async function makeForumUser(role: Role, name: string | null = "Test Person"): Promise<Actor> {
  const tag = randomUUID().slice(0, 8);
  const user = await db.user.create({ data: { email: `${role.toLowerCase()}-${tag}@forum.test`, name, role } });
  return { id: user.id, email: user.email, role: user.role };
}

export async function makeForumScenario({ subscribers = 2 } = {}) {
  const tag = randomUUID().slice(0, 8);
  const incident = await db.incident.create({
    data: { slug: `forum-${tag}`, title: `Forum test ${tag}`, impact: "MAJOR", status: "RESOLVED", resolvedAt: new Date() },
  });
  const staff = await makeForumUser("SUPPORT", "Riley (Support)");
  const people = await Promise.all(Array.from({ length: subscribers }, (_, i) => makeForumUser("SUBSCRIBER", `Sam${i} Rivera`)));
  return { tag, incident, slug: incident.slug, staff, subscriber: people[0]!, subscribers: people };
}

/** A question written straight to the database (no posting allowance), with optional replies. */
export async function seedQuestion(
  incidentId: number,
  authorId: string,
  extra: { body?: string; createdAt?: Date; voteCount?: number; pinnedAt?: Date; hiddenAt?: Date } = {},
) {
  return db.forumPost.create({ data: { incidentId, authorId, body: extra.body ?? `Question ${randomUUID()}`, ...extra } });
}

export async function seedReply(
  question: { id: number; incidentId: number },
  authorId: string,
  extra: { body?: string; createdAt?: Date; isOfficial?: boolean; pinnedAt?: Date; hiddenAt?: Date } = {},
) {
  const reply = await db.forumPost.create({
    data: { incidentId: question.incidentId, parentId: question.id, authorId, body: extra.body ?? `Reply ${randomUUID()}`, ...extra },
  });
  if (!extra.hiddenAt) await db.forumPost.update({ where: { id: question.id }, data: { replyCount: { increment: 1 } } });
  return reply;
}
