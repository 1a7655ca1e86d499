-- AlterTable
ALTER TABLE "Desk" ADD COLUMN     "article" TEXT NOT NULL DEFAULT 'de';


-- Data: the IPO takes "het" (the seed keeps it in line with content/desks.yaml from now on).
UPDATE "Desk" SET "article" = 'het' WHERE "name" LIKE 'Informatiepunt%';
