-- AlterTable
ALTER TABLE "Requester" ADD COLUMN "emailBounceReason" TEXT;
ALTER TABLE "Requester" ADD COLUMN "emailBouncedAt" DATETIME;

-- CreateTable
CREATE TABLE "InboundMail" (
    "messageId" TEXT NOT NULL PRIMARY KEY,
    "fromAddress" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "ticketId" TEXT,
    "deskId" TEXT,
    "autoReplied" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "MailboxLease" (
    "mailbox" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Ticket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "reference" TEXT NOT NULL,
    "deskId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'new',
    "subject" TEXT NOT NULL,
    "topic" TEXT,
    "sector" TEXT,
    "callerType" TEXT NOT NULL,
    "requesterId" TEXT NOT NULL,
    "assigneeId" TEXT,
    "firstResponseDueAt" DATETIME,
    "resolutionDueAt" DATETIME,
    "firstRespondedAt" DATETIME,
    "resolvedAt" DATETIME,
    "closedAt" DATETIME,
    "slaPausedMs" INTEGER NOT NULL DEFAULT 0,
    "slaPausedAt" DATETIME,
    "followUpTokenHash" TEXT NOT NULL,
    "followUpExpiresAt" DATETIME,
    "mergedIntoId" TEXT,
    "triage" TEXT,
    "channel" TEXT NOT NULL DEFAULT 'web',
    "personalNumberRemoved" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ticket_deskId_fkey" FOREIGN KEY ("deskId") REFERENCES "Desk" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Ticket_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "Requester" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Ticket_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Ticket" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Ticket" ("assigneeId", "callerType", "channel", "closedAt", "createdAt", "deskId", "firstRespondedAt", "firstResponseDueAt", "followUpExpiresAt", "followUpTokenHash", "id", "mergedIntoId", "number", "reference", "requesterId", "resolutionDueAt", "resolvedAt", "sector", "slaPausedAt", "slaPausedMs", "status", "subject", "topic", "triage", "updatedAt", "year") SELECT "assigneeId", "callerType", "channel", "closedAt", "createdAt", "deskId", "firstRespondedAt", "firstResponseDueAt", "followUpExpiresAt", "followUpTokenHash", "id", "mergedIntoId", "number", "reference", "requesterId", "resolutionDueAt", "resolvedAt", "sector", "slaPausedAt", "slaPausedMs", "status", "subject", "topic", "triage", "updatedAt", "year" FROM "Ticket";
DROP TABLE "Ticket";
ALTER TABLE "new_Ticket" RENAME TO "Ticket";
CREATE UNIQUE INDEX "Ticket_reference_key" ON "Ticket"("reference");
CREATE UNIQUE INDEX "Ticket_followUpTokenHash_key" ON "Ticket"("followUpTokenHash");
CREATE INDEX "Ticket_deskId_status_resolutionDueAt_idx" ON "Ticket"("deskId", "status", "resolutionDueAt");
CREATE INDEX "Ticket_deskId_status_createdAt_idx" ON "Ticket"("deskId", "status", "createdAt");
CREATE INDEX "Ticket_deskId_updatedAt_idx" ON "Ticket"("deskId", "updatedAt");
CREATE INDEX "Ticket_assigneeId_status_idx" ON "Ticket"("assigneeId", "status");
CREATE INDEX "Ticket_requesterId_idx" ON "Ticket"("requesterId");
CREATE INDEX "Ticket_mergedIntoId_idx" ON "Ticket"("mergedIntoId");
CREATE INDEX "Ticket_updatedAt_id_idx" ON "Ticket"("updatedAt", "id");
CREATE UNIQUE INDEX "Ticket_deskId_year_number_key" ON "Ticket"("deskId", "year", "number");
CREATE TABLE "new_Message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "bodyJson" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "emailFrom" TEXT,
    "otherSender" BOOLEAN NOT NULL DEFAULT false,
    "emailOriginal" TEXT,
    "refusedAttachments" TEXT,
    CONSTRAINT "Message_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Message_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Message" ("authorId", "body", "bodyJson", "createdAt", "id", "kind", "ticketId") SELECT "authorId", "body", "bodyJson", "createdAt", "id", "kind", "ticketId" FROM "Message";
DROP TABLE "Message";
ALTER TABLE "new_Message" RENAME TO "Message";
CREATE INDEX "Message_ticketId_createdAt_idx" ON "Message"("ticketId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "InboundMail_fromAddress_createdAt_idx" ON "InboundMail"("fromAddress", "createdAt");

-- CreateIndex
CREATE INDEX "InboundMail_ticketId_idx" ON "InboundMail"("ticketId");

