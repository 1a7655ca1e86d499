-- AlterTable
ALTER TABLE "Article" ADD COLUMN "successorId" TEXT;
ALTER TABLE "Article" ADD COLUMN "validFrom" DATETIME;
ALTER TABLE "Article" ADD COLUMN "validUntil" DATETIME;

-- CreateTable
CREATE TABLE "ArticleTicket" (
    "articleId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("articleId", "ticketId"),
    CONSTRAINT "ArticleTicket_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleTicket_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ArticleTicket_ticketId_idx" ON "ArticleTicket"("ticketId");

