-- AlterTable (a plain ADD COLUMN: a table redefinition would drop columns that other branches add meanwhile)
ALTER TABLE "Article" ADD COLUMN "sources" TEXT NOT NULL DEFAULT '[]';
