-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "pendingChangeSummary" TEXT,
ADD COLUMN     "pendingDeskNote" TEXT;

