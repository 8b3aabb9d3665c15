import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface StoredMail {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

const ID = /^\d+-[0-9a-f]{8}$/;

/** The ids of the messages in a sink folder, newest first. */
async function mailIds(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => n.endsWith(".json"))
    .map((n) => n.slice(0, -5))
    .filter((id) => ID.test(id))
    .sort((a, b) => Number(b.split("-")[0]) - Number(a.split("-")[0]) || b.localeCompare(a));
}

async function readMails(dir: string, ids: string[]): Promise<StoredMail[]> {
  const mails = await Promise.all(ids.map((id) => readMail(dir, id)));
  return mails.filter((m): m is StoredMail => m !== null);
}

/** Messages in a sink folder, newest first. */
export async function listMailbox(dir: string, { limit = 100 }: { limit?: number } = {}): Promise<StoredMail[]> {
  return readMails(dir, (await mailIds(dir)).slice(0, limit));
}

export interface MailboxPage {
  mails: StoredMail[];
  total: number;
  /** 1-based, clamped to the pages that exist. */
  page: number;
  pages: number;
}

/** One page of a sink folder, newest first; only that page's files are read. */
export async function pageMailbox(dir: string, { page = 1, perPage = 50 }: { page?: number; perPage?: number } = {}): Promise<MailboxPage> {
  const ids = await mailIds(dir);
  const pages = Math.max(1, Math.ceil(ids.length / perPage));
  const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
  return { mails: await readMails(dir, ids.slice((current - 1) * perPage, current * perPage)), total: ids.length, page: current, pages };
}

export async function readMail(dir: string, id: string): Promise<StoredMail | null> {
  if (!ID.test(id)) return null;
  try {
    return JSON.parse(await readFile(path.join(dir, `${id}.json`), "utf8")) as StoredMail;
  } catch {
    return null;
  }
}

/** The first link in a message that points at the given path (e.g. the magic link). */
export function findLink(mail: StoredMail, pathPart: string): string | null {
  const links = mail.text.match(/https?:\/\/[^\s<>"')]+/g) ?? [];
  return links.find((l) => l.includes(pathPart)) ?? null;
}
