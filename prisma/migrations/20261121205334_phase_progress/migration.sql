-- AlterTable
ALTER TABLE "RestorationPhase" ADD COLUMN     "affectedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "progressAt" TIMESTAMP(3),
ADD COLUMN     "settledCount" INTEGER NOT NULL DEFAULT 0;
