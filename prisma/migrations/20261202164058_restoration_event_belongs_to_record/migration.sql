-- DropForeignKey
ALTER TABLE "RestorationEvent" DROP CONSTRAINT "RestorationEvent_incidentId_fkey";

-- DropForeignKey
ALTER TABLE "RestorationEvent" DROP CONSTRAINT "RestorationEvent_userId_fkey";

-- DropForeignKey
ALTER TABLE "RestorationEvent" DROP CONSTRAINT "RestorationEvent_categoryId_fkey";

-- AddForeignKey
ALTER TABLE "RestorationEvent" ADD CONSTRAINT "RestorationEvent_incidentId_userId_categoryId_fkey" FOREIGN KEY ("incidentId", "userId", "categoryId") REFERENCES "RestorationRecord"("incidentId", "userId", "categoryId") ON DELETE CASCADE ON UPDATE CASCADE;
