-- AlterTable
ALTER TABLE "Article" ADD COLUMN "pendingChangeSummary" TEXT;
ALTER TABLE "Article" ADD COLUMN "pendingDeskNote" TEXT;

