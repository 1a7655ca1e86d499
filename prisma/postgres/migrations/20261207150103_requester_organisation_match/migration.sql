-- AlterTable
ALTER TABLE "Requester" ADD COLUMN     "organisationMatchedBy" TEXT;

