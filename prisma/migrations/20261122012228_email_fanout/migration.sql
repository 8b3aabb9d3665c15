-- CreateTable
CREATE TABLE "EmailFanout" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expandedAt" TIMESTAMP(3),
    "recipients" INTEGER,

    CONSTRAINT "EmailFanout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EmailFanout_expandedAt_id_idx" ON "EmailFanout"("expandedAt", "id");
