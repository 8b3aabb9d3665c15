-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "duplicateRows" INTEGER NOT NULL DEFAULT 0;
