-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "desks" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "expiresAt" DATETIME,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "IncomingCall" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deskId" TEXT NOT NULL,
    "callerNumber" TEXT NOT NULL,
    "calledNumber" TEXT,
    "at" DATETIME NOT NULL,
    "tokenId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- AlterTable: "source" (web | api) becomes "channel" (web | api | phone | email); existing rows keep their value.
-- (Not a table rebuild: ADD/DROP COLUMN keep every other column and index as it is.)
ALTER TABLE "Ticket" ADD COLUMN "channel" TEXT NOT NULL DEFAULT 'web';
UPDATE "Ticket" SET "channel" = "source";
ALTER TABLE "Ticket" DROP COLUMN "source";
CREATE INDEX "Ticket_updatedAt_id_idx" ON "Ticket"("updatedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "IncomingCall_deskId_at_idx" ON "IncomingCall"("deskId", "at");

