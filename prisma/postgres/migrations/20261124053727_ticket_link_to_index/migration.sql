-- CreateIndex
CREATE INDEX "TicketLink_toId_idx" ON "TicketLink"("toId");

