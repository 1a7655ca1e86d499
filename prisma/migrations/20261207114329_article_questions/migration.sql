-- "Ook gevraagd als" questions of an article (JSON array of strings); existing articles start with none.
ALTER TABLE "Article" ADD COLUMN "questions" TEXT NOT NULL DEFAULT '[]';
