import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeForumScenario, makeForumUser, seedQuestion, seedReply } from "./forum-test-scenario";
import { getViewer } from "./get-viewer";
import { toggleVote } from "./toggle-vote";

const counts = async (postId: number) => ({
  voteCount: (await db.forumPost.findUniqueOrThrow({ where: { id: postId } })).voteCount,
  rows: await db.forumVote.count({ where: { postId } }),
});

describe("toggleVote (PostgreSQL)", () => {
  it("keeps the count exact under 20 concurrent toggles by different people", async () => {
    const { incident, subscriber } = await makeForumScenario();
    const question = await seedQuestion(incident.id, subscriber.id);
    const voters = await Promise.all(Array.from({ length: 20 }, () => makeForumUser("SUBSCRIBER")));
    const on = await Promise.all(voters.map((actor) => toggleVote({ actor, input: { postId: question.id } })));
    expect(on.every((r) => r.voted)).toBe(true);
    expect(await counts(question.id)).toEqual({ voteCount: 20, rows: 20 });
    await Promise.all(voters.slice(0, 13).map((actor) => toggleVote({ actor, input: { postId: question.id } })));
    expect(await counts(question.id)).toEqual({ voteCount: 7, rows: 7 });
  });

  it("counts one vote per person however often it is sent, and toggles off", async () => {
    const { incident, subscriber, slug } = await makeForumScenario();
    const question = await seedQuestion(incident.id, subscriber.id);
    const voter = await makeForumUser("SUBSCRIBER");
    const results = await Promise.all(Array.from({ length: 5 }, () => toggleVote({ actor: voter, input: { postId: question.id, voted: true } })));
    expect(results.map((r) => r.voted)).toEqual([true, true, true, true, true]);
    expect(await counts(question.id)).toEqual({ voteCount: 1, rows: 1 });
    expect((await getViewer({ actor: voter, input: { incidentSlug: slug, postIds: [question.id] } })).votedPostIds).toEqual([question.id]);

    expect(await toggleVote({ actor: voter, input: { postId: question.id } })).toMatchObject({ voted: false, voteCount: 0, incidentSlug: slug });
    expect(await toggleVote({ actor: voter, input: { postId: question.id, voted: false } })).toMatchObject({ voted: false, voteCount: 0 });
    expect(await counts(question.id)).toEqual({ voteCount: 0, rows: 0 });
    expect(await toggleVote({ actor: voter, input: { postId: question.id } })).toMatchObject({ voted: true, voteCount: 1 });
  });

  it("takes votes on visible questions only", async () => {
    const { incident, subscriber, staff } = await makeForumScenario();
    const hidden = await seedQuestion(incident.id, subscriber.id, { hiddenAt: new Date() });
    const reply = await seedReply(await seedQuestion(incident.id, subscriber.id), staff.id);
    await expect(toggleVote({ actor: subscriber, input: { postId: hidden.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(toggleVote({ actor: subscriber, input: { postId: reply.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.forumVote.count({ where: { postId: { in: [hidden.id, reply.id] } } })).toBe(0);
  });
});

describe("getViewer (PostgreSQL)", () => {
  it("tells a visitor, a subscriber and staff apart, and follows the incident's lock", async () => {
    const { incident, slug, subscriber, staff } = await makeForumScenario();
    expect(await getViewer({ actor: null, input: { incidentSlug: slug, postIds: [1, 2] } })).toEqual({ signedIn: false, isStaff: false, canPost: false, qaLocked: false, votedPostIds: [] });
    expect(await getViewer({ actor: subscriber, input: { incidentSlug: slug, postIds: [] } })).toMatchObject({ signedIn: true, isStaff: false, canPost: true });
    await db.incident.update({ where: { id: incident.id }, data: { qaLockedAt: new Date() } });
    expect(await getViewer({ actor: staff, input: { incidentSlug: slug, postIds: [] } })).toMatchObject({ signedIn: true, isStaff: true, canPost: false, qaLocked: true });
  });
});
