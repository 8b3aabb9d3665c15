import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMailbox, pageMailbox } from "./mailbox";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "mailbox-"));
  // 125 messages, one a second apart; message n arrived at second n.
  await Promise.all(
    Array.from({ length: 125 }, (_, n) => {
      const id = `${1_700_000_000_000 + n * 1000}-${n.toString(16).padStart(8, "0")}`;
      const mail = { id, receivedAt: new Date(1_700_000_000_000 + n * 1000).toISOString(), from: "a@b", to: ["c@d"], subject: `Message ${n}`, text: "", html: "", headers: {} };
      return writeFile(path.join(dir, `${id}.json`), JSON.stringify(mail));
    }),
  );
  await writeFile(path.join(dir, "not-a-message.txt"), "x");
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("pageMailbox", () => {
  it("pages through every message, newest first", async () => {
    const first = await pageMailbox(dir, { page: 1, perPage: 50 });
    expect(first).toMatchObject({ total: 125, page: 1, pages: 3 });
    expect(first.mails[0]!.subject).toBe("Message 124");
    const last = await pageMailbox(dir, { page: 3, perPage: 50 });
    expect(last.mails.map((m) => m.subject)).toEqual(Array.from({ length: 25 }, (_, i) => `Message ${24 - i}`));
  });

  it("keeps a page number in range", async () => {
    expect((await pageMailbox(dir, { page: 99, perPage: 50 })).page).toBe(3);
    expect((await pageMailbox(dir, { page: 0, perPage: 50 })).page).toBe(1);
    expect((await pageMailbox(dir, { page: Number.NaN, perPage: 50 })).page).toBe(1);
  });

  it("answers an empty or missing folder with one empty page", async () => {
    expect(await pageMailbox(path.join(dir, "missing"))).toEqual({ mails: [], total: 0, page: 1, pages: 1 });
  });

  it("still lists the newest messages for the tests' link lookups", async () => {
    expect((await listMailbox(dir, { limit: 3 })).map((m) => m.subject)).toEqual(["Message 124", "Message 123", "Message 122"]);
  });
});
