-- DropIndex
DROP INDEX "RestorationRecord_incidentId_categoryId_state_idx";

-- Leave room on every page so an import can update a record in place (a HOT update).
-- Applies to pages written from now on; `VACUUM FULL "RestorationRecord"` repacks existing ones.
ALTER TABLE "RestorationRecord" SET (fillfactor = 75);
