-- DropIndex
DROP INDEX "EmailOutbox_status_nextAttemptAt_idx";

-- AlterTable
ALTER TABLE "EmailSubscription" ADD COLUMN     "claimEmails" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "confirmSentAt" TIMESTAMP(3),
ADD COLUMN     "restorationEmails" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN     "coalesceKey" TEXT,
ADD COLUMN     "lockedBy" TEXT;

-- CreateTable
CREATE TABLE "EmailSendBudget" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "tokens" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "refilledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailSendBudget_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmailOutbox_userId_template_idx" ON "EmailOutbox"("userId", "template");

-- The worker's claim query: due QUEUED rows only, so sent history never slows it down.
CREATE INDEX "EmailOutbox_due_idx" ON "EmailOutbox" ("nextAttemptAt", id) WHERE status = 'QUEUED';
-- Leases of crashed workers, found without scanning the table.
CREATE INDEX "EmailOutbox_lease_idx" ON "EmailOutbox" ("lockedUntil") WHERE status = 'SENDING';
-- At most one pending message per coalescing key; later changes merge into it.
CREATE UNIQUE INDEX "EmailOutbox_coalesce_key" ON "EmailOutbox" ("coalesceKey") WHERE status = 'QUEUED' AND "coalesceKey" IS NOT NULL;

INSERT INTO "EmailSendBudget" (id, tokens, "refilledAt") VALUES (1, 0, now()) ON CONFLICT DO NOTHING;
