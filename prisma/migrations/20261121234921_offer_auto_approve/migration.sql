-- AlterTable
ALTER TABLE "CompensationOffer" ADD COLUMN     "autoApprove" BOOLEAN NOT NULL DEFAULT false;
