-- The staff email desk finds every message to one address, whatever its case ("did I get the
-- email?"). An expression index, which the Prisma schema cannot declare, so it lives here only.
CREATE INDEX "EmailOutbox_lower_toEmail_id_idx" ON "EmailOutbox" (lower("toEmail"), id DESC);
