/** The local mailbox folder, only in development and only when the launcher started the sink. */
export function devMailboxDir(): string | null {
  if (process.env.NODE_ENV === "production") return null;
  return process.env.MAILBOX_DIR || null;
}
