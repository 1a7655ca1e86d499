-- DropIndex
DROP INDEX "Requester_organisationId_idx";

-- CreateIndex
CREATE INDEX "Requester_organisationId_email_name_createdAt_idx" ON "Requester"("organisationId", "email", "name", "createdAt");

-- CreateIndex
CREATE INDEX "Ticket_organisationId_deskId_status_idx" ON "Ticket"("organisationId", "deskId", "status");

-- CreateIndex
CREATE INDEX "Ticket_schoolId_deskId_status_idx" ON "Ticket"("schoolId", "deskId", "status");

