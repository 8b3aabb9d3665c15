-- CreateEnum
CREATE TYPE "ProjectionBasis" AS ENUM ('PLAN', 'PROGRESS', 'DONE', 'NONE');

-- AlterTable
ALTER TABLE "RestorationPhase" ADD COLUMN     "completedAt" TIMESTAMP(3),
ADD COLUMN     "parallelWithPrevious" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "partialCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "projectedAt" TIMESTAMP(3),
ADD COLUMN     "projectedEnd" TIMESTAMP(3),
ADD COLUMN     "projectedLate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "projectedStart" TIMESTAMP(3),
ADD COLUMN     "projectionBasis" "ProjectionBasis",
ADD COLUMN     "recoveredCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "restoredCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "restoringCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "startedAt" TIMESTAMP(3),
ADD COLUMN     "unrecoverableCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "validatedCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "RestorationProgressDay" (
    "incidentId" INTEGER NOT NULL,
    "categoryId" INTEGER NOT NULL,
    "day" DATE NOT NULL,
    "affectedCount" INTEGER NOT NULL DEFAULT 0,
    "restoredCount" INTEGER NOT NULL DEFAULT 0,
    "partialCount" INTEGER NOT NULL DEFAULT 0,
    "unrecoverableCount" INTEGER NOT NULL DEFAULT 0,
    "restoringCount" INTEGER NOT NULL DEFAULT 0,
    "validatedCount" INTEGER NOT NULL DEFAULT 0,
    "recoveredCount" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RestorationProgressDay_pkey" PRIMARY KEY ("incidentId","categoryId","day")
);

-- AddForeignKey
ALTER TABLE "RestorationProgressDay" ADD CONSTRAINT "RestorationProgressDay_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RestorationProgressDay" ADD CONSTRAINT "RestorationProgressDay_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "DataCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Phases already under way or done: their best-known start is the plan's, their completion the last edit.
UPDATE "RestorationPhase" SET "startedAt" = COALESCE("plannedStart", "updatedAt") WHERE state IN ('IN_PROGRESS', 'DONE');
UPDATE "RestorationPhase" SET "completedAt" = "updatedAt" WHERE state = 'DONE';
