import { describe, expect, it } from "vitest";
import type { PostDto, ThreadDto } from "@/lib/forum/post-dto";
import { appendPage, EMPTY_OVERLAY, viewThreads, withPatch } from "./qa-state";

let nextId = 1;
function post(extra: Partial<PostDto> = {}): PostDto {
  const id = nextId++;
  return { id, parentId: null, body: `Post ${id}`, author: { name: "Sam R.", staff: false }, official: false, pinned: false, locked: false, inFaq: false, voteCount: 0, replyCount: 0, createdAt: `2026-11-20T10:00:${String(id % 60).padStart(2, "0")}.000Z`, editedAt: null, ...extra };
}
const thread = (extra: Partial<PostDto> = {}, replies: PostDto[] = []): ThreadDto => ({ ...post(extra), replies });

describe("viewThreads", () => {
  it("shows the visitor's own new question first, and never twice once the server has it", () => {
    const old = thread();
    const mine = thread({ body: "Mine" });
    const overlay = { ...EMPTY_OVERLAY, askedQuestions: [mine] };
    expect(viewThreads([old], overlay, {}).map((t) => t.id)).toEqual([mine.id, old.id]);
    expect(viewThreads([mine, old], overlay, {}).map((t) => t.id)).toEqual([mine.id, old.id]);
  });

  it("applies votes, pins and hides, keeping pinned questions and replies on top", () => {
    const a = thread();
    const reply = post({ parentId: a.id });
    const answer = post({ parentId: a.id, official: true });
    const b = thread({}, []);
    a.replies = [answer, reply];
    let overlay = withPatch(EMPTY_OVERLAY, b.id, { pinned: true });
    overlay = withPatch(overlay, a.id, { voteCount: 3 });
    overlay = withPatch(overlay, reply.id, { pinned: true });
    const view = viewThreads([a, b], overlay, {});
    expect(view.map((t) => t.id)).toEqual([b.id, a.id]);
    expect(view[1]!.voteCount).toBe(3);
    expect(view[1]!.replies.map((r) => r.id)).toEqual([reply.id, answer.id]);
    expect(viewThreads([a, b], { ...overlay, removed: [reply.id, b.id] }, {}).map((t) => [t.id, t.replies.length])).toEqual([[a.id, 1]]);
  });

  it("adds the visitor's reply to the loaded replies without duplicating it", () => {
    const q = thread();
    const mine = post({ parentId: q.id });
    const overlay = { ...EMPTY_OVERLAY, addedReplies: { [q.id]: [mine] } };
    expect(viewThreads([q], overlay, {})[0]!.replies).toEqual([mine]);
    expect(viewThreads([q], overlay, { [q.id]: [mine] })[0]!.replies).toEqual([mine]);
  });
});

describe("appendPage", () => {
  it("skips questions already on screen", () => {
    const [a, b, c] = [thread(), thread(), thread()];
    expect(appendPage([a, b], [b, c]).map((t) => t.id)).toEqual([a.id, b.id, c.id]);
  });
});
