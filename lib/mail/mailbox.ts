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

/** Messages in a sink folder, newest first. */
export async function listMailbox(dir: string, { limit = 100 }: { limit?: number } = {}): Promise<StoredMail[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const ids = names
    .filter((n) => n.endsWith(".json"))
    .map((n) => n.slice(0, -5))
    .filter((id) => ID.test(id))
    .sort((a, b) => Number(b.split("-")[0]) - Number(a.split("-")[0]) || b.localeCompare(a))
    .slice(0, limit);
  const mails = await Promise.all(ids.map((id) => readMail(dir, id)));
  return mails.filter((m): m is StoredMail => m !== null);
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
