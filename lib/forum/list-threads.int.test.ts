import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { encodeCursor } from "./cursor";
import { makeForumScenario, seedQuestion, seedReply } from "./forum-test-scenario";
import { listReplies, REPLY_PAGE_SIZE } from "./list-replies";
import { listThreads, THREAD_PAGE_SIZE } from "./list-threads";
import type { ThreadDto } from "./post-dto";
import type { ThreadSort } from "./cursor";

async function allPages(incidentSlug: string, sort: ThreadSort) {
  const threads: ThreadDto[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await listThreads({ incidentSlug, sort, cursor });
    expect(page.threads.length).toBeLessThanOrEqual(THREAD_PAGE_SIZE);
    threads.push(...page.threads);
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  return { threads, pages };
}

describe("listThreads (PostgreSQL)", () => {
  it("pages through every visible question exactly once, pinned first, even when timestamps and votes tie", async () => {
    const { incident, slug, subscriber } = await makeForumScenario();
    const sameTime = new Date("2026-11-20T10:00:00.000Z");
    const created = [];
    for (let i = 0; i < 47; i++) {
      created.push(await seedQuestion(incident.id, subscriber.id, { createdAt: i < 30 ? sameTime : new Date(sameTime.getTime() + i * 1000), voteCount: i % 3 }));
    }
    const pinned = [created[5]!, created[40]!];
    for (const post of pinned) await db.forumPost.update({ where: { id: post.id }, data: { pinnedAt: new Date() } });
    await seedQuestion(incident.id, subscriber.id, { hiddenAt: new Date() });

    for (const sort of ["newest", "votes"] as const) {
      const { threads, pages } = await allPages(slug, sort);
      expect(pages).toBe(3);
      const ids = threads.map((t) => t.id);
      expect(new Set(ids).size).toBe(47);
      expect(ids.sort((a, b) => a - b)).toEqual(created.map((p) => p.id).sort((a, b) => a - b));
      const again = (await allPages(slug, sort)).threads;
      expect(again.slice(0, 2).map((t) => t.pinned)).toEqual([true, true]);
      expect(new Set(again.slice(0, 2).map((t) => t.id))).toEqual(new Set(pinned.map((p) => p.id)));
      const rest = again.slice(2);
      const key = (t: ThreadDto) => (sort === "votes" ? t.voteCount : Date.parse(t.createdAt));
      for (let i = 1; i < rest.length; i++) {
        const [a, b] = [rest[i - 1]!, rest[i]!];
        expect(key(a) > key(b) || (key(a) === key(b) && a.id > b.id), `${sort}: ${a.id} before ${b.id}`).toBe(true);
      }
    }
  });

  it("leaves out hidden questions with all their replies, and hidden replies", async () => {
    const { incident, slug, subscriber, staff } = await makeForumScenario();
    const hiddenQuestion = await seedQuestion(incident.id, subscriber.id, { body: "Hidden question", hiddenAt: new Date() });
    await seedReply(hiddenQuestion, staff.id, { body: "Reply under a hidden question", isOfficial: true });
    const question = await seedQuestion(incident.id, subscriber.id, { body: "Visible question" });
    await seedReply(question, subscriber.id, { body: "Hidden reply", hiddenAt: new Date() });
    const visible = await seedReply(question, subscriber.id, { body: "Visible reply" });

    const page = await listThreads({ incidentSlug: slug });
    const json = JSON.stringify(page);
    expect(json).not.toContain("Hidden question");
    expect(json).not.toContain("Reply under a hidden question");
    expect(json).not.toContain("Hidden reply");
    expect(page.threads).toHaveLength(1);
    expect(page.threads[0]).toMatchObject({ id: question.id, replyCount: 1, replies: [{ id: visible.id, body: "Visible reply" }] });
    await expect(listReplies({ incidentSlug: slug, questionId: hiddenQuestion.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows a few replies inline, pinned then official then oldest, and all of them a page at a time", async () => {
    const { incident, slug, subscriber, staff } = await makeForumScenario();
    const question = await seedQuestion(incident.id, subscriber.id);
    const t = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 12, minutes));
    const first = await seedReply(question, subscriber.id, { createdAt: t(1) });
    const official = await seedReply(question, staff.id, { createdAt: t(5), isOfficial: true });
    const pinned = await seedReply(question, subscriber.id, { createdAt: t(9), pinnedAt: new Date() });
    for (let i = 0; i < REPLY_PAGE_SIZE + 5; i++) await seedReply(question, subscriber.id, { createdAt: t(10) });

    const [thread] = (await listThreads({ incidentSlug: slug })).threads;
    expect(thread!.replies.map((r) => r.id)).toEqual([pinned.id, official.id, first.id]);
    expect(thread!.replies[1]).toMatchObject({ official: true, author: { name: "Riley", staff: true } });
    expect(thread!.replyCount).toBe(REPLY_PAGE_SIZE + 8);

    const one = await listReplies({ incidentSlug: slug, questionId: question.id });
    expect(one.replies).toHaveLength(REPLY_PAGE_SIZE);
    const two = await listReplies({ incidentSlug: slug, questionId: question.id, cursor: one.nextCursor });
    expect(two.nextCursor).toBeNull();
    const ids = [...one.replies, ...two.replies].map((r) => r.id);
    expect(new Set(ids).size).toBe(REPLY_PAGE_SIZE + 8);
    expect(ids.slice(0, 3)).toEqual([pinned.id, official.id, first.id]);
  });

  it("names authors by first name and initial, never by email, and uses plain JSON", async () => {
    const { incident, slug, subscriber } = await makeForumScenario();
    await seedQuestion(incident.id, subscriber.id, { body: "Who am I?" });
    const page = await listThreads({ incidentSlug: slug });
    expect(page.threads[0]!.author).toEqual({ name: "Sam0 R.", staff: false });
    expect(JSON.stringify(page)).not.toContain(subscriber.email);
    expect(JSON.parse(JSON.stringify(page))).toEqual(page);
  });

  it("refuses a tampered cursor and an unknown incident with clear errors", async () => {
    const { slug } = await makeForumScenario();
    await expect(listThreads({ incidentSlug: slug, cursor: "bogus!" })).rejects.toMatchObject({ code: "INVALID", message: expect.stringMatching(/Reload the page/) });
    await expect(listThreads({ incidentSlug: slug, sort: "votes", cursor: encodeCursor({ s: "newest", p: false, k: new Date().toISOString(), i: 1 }) })).rejects.toMatchObject({ code: "INVALID" });
    await expect(listThreads({ incidentSlug: `${slug}-missing` })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
