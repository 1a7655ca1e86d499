-- CreateIndex
CREATE INDEX "Ticket_deskId_status_assigneeId_mergedIntoId_idx" ON "Ticket"("deskId", "status", "assigneeId", "mergedIntoId");

