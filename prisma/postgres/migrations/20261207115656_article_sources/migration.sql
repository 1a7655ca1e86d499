-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "sources" TEXT NOT NULL DEFAULT '[]';

