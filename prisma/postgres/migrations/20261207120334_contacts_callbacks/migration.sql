-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "deskId" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'phone',
    "outcome" TEXT NOT NULL,
    "ticketId" TEXT,
    "agentId" TEXT,
    "summary" TEXT NOT NULL,
    "reason" TEXT,
    "articleSlugs" TEXT NOT NULL DEFAULT '[]',
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Callback" (
    "id" TEXT NOT NULL,
    "deskId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "contactId" TEXT,
    "assigneeId" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),
    "result" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Callback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Contact_deskId_createdAt_idx" ON "Contact"("deskId", "createdAt");

-- CreateIndex
CREATE INDEX "Contact_ticketId_idx" ON "Contact"("ticketId");

-- CreateIndex
CREATE INDEX "Callback_deskId_doneAt_dueAt_idx" ON "Callback"("deskId", "doneAt", "dueAt");

-- CreateIndex
CREATE INDEX "Callback_ticketId_idx" ON "Callback"("ticketId");

