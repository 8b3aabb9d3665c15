-- DropIndex
DROP INDEX "ImportBatch_incidentId_key_key";

-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "durationMs" INTEGER,
ADD COLUMN     "staleRows" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "ImportBatch_incidentId_key_idx" ON "ImportBatch"("incidentId", "key");

-- CreateIndex
CREATE INDEX "ImportBatch_createdAt_idx" ON "ImportBatch"("createdAt");

-- A key (or file hash) identifies one applied batch per incident; rejected attempts may repeat it.
CREATE UNIQUE INDEX "ImportBatch_applied_key" ON "ImportBatch" ("incidentId", "key") WHERE "status" = 'APPLIED';
