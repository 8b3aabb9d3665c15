import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeForumScenario, seedQuestion, seedReply } from "./forum-test-scenario";
import { hidePost } from "./hide-post";
import { listModerationQueue } from "./list-moderation-queue";
import { listThreads } from "./list-threads";
import { promoteToFaq } from "./promote-to-faq";
import { removeFromFaq } from "./remove-from-faq";
import { setPinned } from "./set-pinned";
import { setQaLocked } from "./set-qa-locked";
import { setThreadLocked } from "./set-thread-locked";
import { unhidePost } from "./unhide-post";

const auditsFor = (entityType: string, entityId: number) => db.auditLog.findMany({ where: { entityType, entityId: String(entityId) }, orderBy: { id: "asc" } });

describe("forum moderation (PostgreSQL)", () => {
  it("refuses a subscriber every moderation action and changes nothing", async () => {
    const { incident, slug, subscriber, staff } = await makeForumScenario();
    const question = await seedQuestion(incident.id, subscriber.id);
    const answer = await seedReply(question, staff.id, { isOfficial: true });
    const attempts = [
      () => hidePost({ actor: subscriber, input: { postId: question.id, reason: "I do not like it" } }),
      () => unhidePost({ actor: subscriber, input: { postId: question.id } }),
      () => setPinned({ actor: subscriber, input: { postId: question.id, pinned: true } }),
      () => setThreadLocked({ actor: subscriber, input: { postId: question.id, locked: true } }),
      () => setQaLocked({ actor: subscriber, input: { incidentSlug: slug, locked: true } }),
      () => promoteToFaq({ actor: subscriber, input: { postId: answer.id } }),
      () => removeFromFaq({ actor: subscriber, input: { postId: answer.id } }),
      () => listModerationQueue({ actor: subscriber, input: {} }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.forumPost.findUniqueOrThrow({ where: { id: question.id } })).toMatchObject({ hiddenAt: null, pinnedAt: null, lockedAt: null });
    expect(await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({ qaLockedAt: null });
    expect(await db.faqEntry.count({ where: { incidentId: incident.id } })).toBe(0);
  });

  it("hides a reply with a reason staff can see, keeps reply counts right, and brings it back", async () => {
    const { incident, slug, subscriber, staff } = await makeForumScenario();
    const question = await seedQuestion(incident.id, subscriber.id);
    const reply = await seedReply(question, subscriber.id, { body: "Call me on +1 555 0100" });
    await expect(hidePost({ actor: staff, input: { postId: reply.id, reason: " " } })).rejects.toMatchObject({ code: "INVALID", details: { field: "reason" } });

    expect(await hidePost({ actor: staff, input: { postId: reply.id, reason: "Shares a phone number" } })).toMatchObject({ hidden: true, incidentSlug: slug });
    expect((await listThreads({ incidentSlug: slug })).threads[0]).toMatchObject({ replyCount: 0, replies: [] });
    const queue = await listModerationQueue({ actor: staff, input: { filter: "hidden", incidentSlug: slug } });
    expect(queue.posts).toHaveLength(1);
    expect(queue.posts[0]).toMatchObject({ id: reply.id, hidden: { reason: "Shares a phone number", by: staff.email } });

    await unhidePost({ actor: staff, input: { postId: reply.id } });
    await unhidePost({ actor: staff, input: { postId: reply.id } });
    expect((await listThreads({ incidentSlug: slug })).threads[0]).toMatchObject({ replyCount: 1, replies: [{ id: reply.id }] });
    expect((await auditsFor("ForumPost", reply.id)).map((a) => a.action)).toEqual(["forum.post.hidden", "forum.post.unhidden"]);
  });

  it("pins, locks a thread and closes the incident's Q&A, audited, and lists unanswered questions", async () => {
    const { incident, slug, subscriber, staff } = await makeForumScenario();
    const older = await seedQuestion(incident.id, subscriber.id, { createdAt: new Date(Date.now() - 60_000) });
    const newer = await seedQuestion(incident.id, subscriber.id);
    await setPinned({ actor: staff, input: { postId: older.id, pinned: true } });
    await setThreadLocked({ actor: staff, input: { postId: older.id, locked: true } });
    expect((await listThreads({ incidentSlug: slug })).threads.map((t) => [t.id, t.pinned, t.locked])).toEqual([
      [older.id, true, true],
      [newer.id, false, false],
    ]);
    const reply = await seedReply(newer, staff.id, { isOfficial: true });
    await expect(setThreadLocked({ actor: staff, input: { postId: reply.id, locked: true } })).rejects.toMatchObject({ code: "INVALID" });

    const unanswered = await listModerationQueue({ actor: staff, input: { filter: "unanswered", incidentSlug: slug } });
    expect(unanswered.posts.map((p) => p.id)).toEqual([]);
    await setThreadLocked({ actor: staff, input: { postId: older.id, locked: false } });
    expect((await listModerationQueue({ actor: staff, input: { filter: "unanswered", incidentSlug: slug } })).posts.map((p) => p.id)).toEqual([older.id]);

    await setQaLocked({ actor: staff, input: { incidentSlug: slug, locked: true } });
    expect((await listThreads({ incidentSlug: slug })).qaLocked).toBe(true);
    expect((await auditsFor("ForumPost", older.id)).map((a) => a.action)).toEqual(["forum.post.pinned", "forum.thread.locked", "forum.thread.unlocked"]);
    expect((await auditsFor("Incident", incident.id)).map((a) => a.action)).toEqual(["forum.qa.locked"]);
  });

  it("promotes an official answer to the end of the FAQ once, and removes it", async () => {
    const { incident, slug, subscriber, staff } = await makeForumScenario();
    await db.faqEntry.create({ data: { incidentId: incident.id, question: "Existing?", answer: "Yes.", position: 4 } });
    const question = await seedQuestion(incident.id, subscriber.id, { body: "Do I need to do anything?" });
    const plain = await seedReply(question, subscriber.id, { body: "No idea" });
    const answer = await seedReply(question, staff.id, { body: "No, it is **automatic**.", isOfficial: true });
    const second = await seedReply(question, staff.id, { body: "Still automatic.", isOfficial: true });

    await expect(promoteToFaq({ actor: staff, input: { postId: plain.id } })).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/official/) });
    await expect(promoteToFaq({ actor: staff, input: { postId: question.id } })).rejects.toMatchObject({ code: "INVALID" });
    expect(await promoteToFaq({ actor: staff, input: { postId: answer.id } })).toMatchObject({ inFaq: true, incidentSlug: slug });
    expect(await db.faqEntry.findUniqueOrThrow({ where: { postId: answer.id } })).toMatchObject({ question: "Do I need to do anything?", answer: "No, it is **automatic**.", position: 5 });
    await expect(promoteToFaq({ actor: staff, input: { postId: answer.id } })).rejects.toMatchObject({ code: "CONFLICT", message: "This answer is already in the FAQ." });
    await expect(promoteToFaq({ actor: staff, input: { postId: second.id } })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Another answer/) });
    const twice = await Promise.allSettled([promoteToFaq({ actor: staff, input: { postId: answer.id } }), promoteToFaq({ actor: staff, input: { postId: answer.id } })]);
    expect(twice.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect((await listThreads({ incidentSlug: slug })).threads[0]!.replies.find((r) => r.id === answer.id)).toMatchObject({ inFaq: true });

    await removeFromFaq({ actor: staff, input: { postId: answer.id } });
    await expect(removeFromFaq({ actor: staff, input: { postId: answer.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.faqEntry.count({ where: { incidentId: incident.id } })).toBe(1);
    const both = await Promise.allSettled([promoteToFaq({ actor: staff, input: { postId: second.id } }), promoteToFaq({ actor: staff, input: { postId: second.id } })]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(both.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT", message: "This answer is already in the FAQ." } });
  });
});
