-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "successorId" TEXT,
ADD COLUMN     "validFrom" TIMESTAMP(3),
ADD COLUMN     "validUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ArticleTicket" (
    "articleId" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ArticleTicket_pkey" PRIMARY KEY ("articleId","ticketId")
);

-- CreateIndex
CREATE INDEX "ArticleTicket_ticketId_idx" ON "ArticleTicket"("ticketId");

-- AddForeignKey
ALTER TABLE "ArticleTicket" ADD CONSTRAINT "ArticleTicket_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleTicket" ADD CONSTRAINT "ArticleTicket_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;

