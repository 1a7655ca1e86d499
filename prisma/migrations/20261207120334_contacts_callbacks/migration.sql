-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deskId" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'phone',
    "outcome" TEXT NOT NULL,
    "ticketId" TEXT,
    "agentId" TEXT,
    "summary" TEXT NOT NULL,
    "reason" TEXT,
    "articleSlugs" TEXT NOT NULL DEFAULT '[]',
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Callback" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deskId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "contactId" TEXT,
    "assigneeId" TEXT,
    "dueAt" DATETIME NOT NULL,
    "doneAt" DATETIME,
    "result" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Contact_deskId_createdAt_idx" ON "Contact"("deskId", "createdAt");

-- CreateIndex
CREATE INDEX "Contact_ticketId_idx" ON "Contact"("ticketId");

-- CreateIndex
CREATE INDEX "Callback_deskId_doneAt_dueAt_idx" ON "Callback"("deskId", "doneAt", "dueAt");

-- CreateIndex
CREATE INDEX "Callback_ticketId_idx" ON "Callback"("ticketId");

