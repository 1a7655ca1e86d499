-- AlterTable: existing users start at version 0, which is what sessions issued before this migration carry (none).
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
