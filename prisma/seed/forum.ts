// Forum threads under the demo incident: questions, official answers (some pinned), "me too"
// votes, and one answer promoted into the incident's FAQ.
import type { PrismaClient } from "../../lib/generated/prisma/client";

const HOUR = 3_600_000;

export async function seedForum(db: PrismaClient, incidentId: number, staffId: string, userIds: string[], startedAt: Date) {
  const at = (hours: number) => new Date(startedAt.getTime() + hours * HOUR);
  const threads = [
    {
      question: "Will my photos come back in their original quality, or only as thumbnails?",
      hours: 60,
      votes: 41,
      replies: [
        { official: true, pinned: true, hours: 64, body: "Photos are recovered in their **original quality**. Photos are restored after contacts, calendar, notes and tasks; *My recovery* shows the expected date for your account." },
        { official: false, hours: 70, body: "Thanks — that is a relief. Mine are family photos I have nowhere else." },
      ],
    },
    {
      question: "Should I keep my phone switched on while contacts are restored?",
      hours: 102,
      votes: 17,
      replies: [
        { official: true, pinned: false, hours: 105, body: "Yes, please keep your phone on and connected. If it is off, restoration waits and resumes when it next syncs — nothing is lost." },
      ],
    },
    {
      question: "Do I have to do anything to get the free month?",
      hours: 232,
      votes: 28,
      replies: [
        { official: true, pinned: true, hours: 234, body: "No. The free month is applied **automatically** to every affected account. The $100 gift card needs a short claim on the compensation desk." },
      ],
    },
  ];
  for (const [index, thread] of threads.entries()) {
    const question = await db.forumPost.create({
      data: {
        incidentId,
        authorId: userIds[(index * 7 + 3) % userIds.length]!,
        body: thread.question,
        voteCount: Math.min(thread.votes, userIds.length),
        replyCount: thread.replies.length,
        createdAt: at(thread.hours),
      },
    });
    await db.forumVote.createMany({
      data: userIds.slice(0, Math.min(thread.votes, userIds.length)).map((userId) => ({ postId: question.id, userId })),
      skipDuplicates: true,
    });
    for (const [r, reply] of thread.replies.entries()) {
      const post = await db.forumPost.create({
        data: {
          incidentId,
          parentId: question.id,
          authorId: reply.official ? staffId : userIds[(index * 11 + r + 5) % userIds.length]!,
          body: reply.body,
          isOfficial: reply.official,
          pinnedAt: reply.official && reply.pinned ? at(reply.hours) : null,
          createdAt: at(reply.hours),
        },
      });
      if (index === 2 && reply.official) {
        await db.faqEntry.create({ data: { incidentId, postId: post.id, question: thread.question, answer: reply.body, position: 0 } });
      }
    }
  }
}
