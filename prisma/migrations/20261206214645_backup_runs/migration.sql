-- CreateEnum
CREATE TYPE "BackupRunStatus" AS ENUM ('RUNNING', 'VERIFIED', 'FAILED');

-- CreateTable
CREATE TABLE "BackupRun" (
    "id" SERIAL NOT NULL,
    "status" "BackupRunStatus" NOT NULL DEFAULT 'RUNNING',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "file" TEXT,
    "bytes" BIGINT,
    "sha256" TEXT,
    "tables" INTEGER,
    "rows" BIGINT,
    "backupMs" INTEGER,
    "verifyMs" INTEGER,
    "error" TEXT,

    CONSTRAINT "BackupRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BackupRun_status_startedAt_idx" ON "BackupRun"("status", "startedAt");
