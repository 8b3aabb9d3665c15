-- DropIndex
DROP INDEX "RestorationEvent_userId_incidentId_createdAt_idx";

-- DropIndex
DROP INDEX "RestorationEvent_incidentId_createdAt_idx";

-- DropIndex
DROP INDEX "RestorationEvent_batchId_idx";

-- CreateIndex
CREATE INDEX "RestorationEvent_userId_asOf_idx" ON "RestorationEvent"("userId", "asOf");

-- Settled transitions only, for the staff dashboard's progress-over-time chart.
CREATE INDEX "RestorationEvent_settled_by_day" ON "RestorationEvent" ("incidentId", "asOf")
  WHERE "toState" IN ('RESTORED', 'PARTIAL', 'UNRECOVERABLE');
