import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeForumScenario, makeForumUser, seedQuestion, seedReply } from "./forum-test-scenario";
import { listThreads } from "./list-threads";
import { postQuestion } from "./post-question";
import { postReply } from "./post-reply";

describe("posting questions and replies (PostgreSQL)", () => {
  it("posts a trimmed question and a reply, and counts the reply on its question", async () => {
    const { slug, subscriber, staff } = await makeForumScenario();
    const { post: question, incidentSlug } = await postQuestion({ actor: subscriber, input: { incidentSlug: slug, body: "   Will my photos come back?  " } });
    expect(incidentSlug).toBe(slug);
    expect(question).toMatchObject({ body: "Will my photos come back?", parentId: null, official: false, replies: [], author: { name: "Sam0 R." } });
    const { post: answer } = await postReply({ actor: staff, input: { questionId: question.id, body: "Yes, in full quality.", official: true } });
    expect(answer).toMatchObject({ parentId: question.id, official: true, author: { name: "Riley", staff: true } });
    const [thread] = (await listThreads({ incidentSlug: slug })).threads;
    expect(thread).toMatchObject({ id: question.id, replyCount: 1, replies: [{ id: answer.id, official: true }] });
  });

  it("refuses bodies that are too short or too long, with messages that say what to do", async () => {
    const { slug, subscriber } = await makeForumScenario();
    await expect(postQuestion({ actor: subscriber, input: { incidentSlug: slug, body: "  a  " } })).rejects.toMatchObject({
      code: "INVALID",
      message: "Write at least 3 characters.",
      details: { field: "body" },
    });
    await expect(postQuestion({ actor: subscriber, input: { incidentSlug: slug, body: "x".repeat(5_001) } })).rejects.toMatchObject({
      code: "INVALID",
      message: "Keep it to 5,000 characters (this has 5,001).",
    });
    expect(await db.forumPost.count({ where: { authorId: subscriber.id } })).toBe(0);
  });

  it("refuses replies to replies, to hidden or locked questions, and anything on a closed incident", async () => {
    const { incident, slug, subscriber, staff } = await makeForumScenario();
    const question = await seedQuestion(incident.id, subscriber.id);
    const reply = await seedReply(question, staff.id);
    await expect(postReply({ actor: subscriber, input: { questionId: reply.id, body: "Nested reply" } })).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/under a question/) });

    const hidden = await seedQuestion(incident.id, subscriber.id, { hiddenAt: new Date() });
    await expect(postReply({ actor: subscriber, input: { questionId: hidden.id, body: "Hello there" } })).rejects.toMatchObject({ code: "NOT_FOUND" });

    await db.forumPost.update({ where: { id: question.id }, data: { lockedAt: new Date() } });
    await expect(postReply({ actor: staff, input: { questionId: question.id, body: "Too late", official: true } })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/locked/) });

    const open = await seedQuestion(incident.id, subscriber.id);
    await db.incident.update({ where: { id: incident.id }, data: { qaLockedAt: new Date() } });
    await expect(postQuestion({ actor: subscriber, input: { incidentSlug: slug, body: "Any news?" } })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/closed/) });
    await expect(postReply({ actor: subscriber, input: { questionId: open.id, body: "Me too" } })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/closed/) });
    expect(await db.forumPost.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({ replyCount: 0 });
  });

  it("lets only staff post official answers", async () => {
    const { incident, subscriber } = await makeForumScenario();
    const question = await seedQuestion(incident.id, subscriber.id);
    await expect(postReply({ actor: subscriber, input: { questionId: question.id, body: "Official, honest", official: true } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.forumPost.count({ where: { parentId: question.id } })).toBe(0);
  });

  it("limits a subscriber to 5 posts a minute and says when they can post again", async () => {
    const { slug } = await makeForumScenario();
    const hasty = await makeForumUser("SUBSCRIBER", "Hasty Poster");
    for (let i = 0; i < 5; i++) await postQuestion({ actor: hasty, input: { incidentSlug: slug, body: `Question number ${i}` } });
    const refused = postQuestion({ actor: hasty, input: { incidentSlug: slug, body: "One too many" } });
    // The wait is at most the whole minute: "1 minute" when the five posts took under a second.
    await expect(refused).rejects.toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/^You have posted 5 times in a minute\. You can post again in (\d+ seconds?|1 minute)\.$/) });
    expect(await db.forumPost.count({ where: { authorId: hasty.id } })).toBe(5);
    // Someone else is not held back by it.
    const other = await makeForumUser("SUBSCRIBER");
    await expect(postQuestion({ actor: other, input: { incidentSlug: slug, body: "My own question" } })).resolves.toBeTruthy();
  });
});
