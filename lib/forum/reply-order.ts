/** How many replies a question shows before "Show all replies". */
export const INLINE_REPLIES = 3;

/** Replies read as a conversation, with the answers people look for on top: pinned, official, then oldest first. */
export const REPLY_RANK = `(CASE WHEN p."pinnedAt" IS NOT NULL THEN 0 WHEN p."isOfficial" THEN 1 ELSE 2 END)`;
export const REPLY_ORDER = `${REPLY_RANK}, p."createdAt", p.id`;
