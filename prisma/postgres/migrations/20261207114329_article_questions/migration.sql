-- "Ook gevraagd als" questions of an article (JSON array of strings), existing articles start with none.
-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "questions" TEXT NOT NULL DEFAULT '[]';

