-- AlterTable
ALTER TABLE "Requester" ADD COLUMN     "emailBounceReason" TEXT,
ADD COLUMN     "emailBouncedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "personalNumberRemoved" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "emailFrom" TEXT,
ADD COLUMN     "emailOriginal" TEXT,
ADD COLUMN     "otherSender" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "refusedAttachments" TEXT;

-- CreateTable
CREATE TABLE "InboundMail" (
    "messageId" TEXT NOT NULL,
    "fromAddress" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "ticketId" TEXT,
    "deskId" TEXT,
    "autoReplied" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundMail_pkey" PRIMARY KEY ("messageId")
);

-- CreateTable
CREATE TABLE "MailboxLease" (
    "mailbox" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailboxLease_pkey" PRIMARY KEY ("mailbox")
);

-- CreateIndex
CREATE INDEX "InboundMail_fromAddress_createdAt_idx" ON "InboundMail"("fromAddress", "createdAt");

-- CreateIndex
CREATE INDEX "InboundMail_ticketId_idx" ON "InboundMail"("ticketId");

