-- AlterTable
ALTER TABLE "Requester" ADD COLUMN     "organisationId" TEXT;

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "organisationId" TEXT,
ADD COLUMN     "schoolId" TEXT;

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "sector" TEXT,
    "name" TEXT NOT NULL,
    "code" TEXT,
    "place" TEXT,
    "searchText" TEXT NOT NULL,
    "bestuurId" TEXT,
    "municipalityId" TEXT,
    "shared" BOOLEAN NOT NULL DEFAULT false,
    "mergedIntoId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationDomain" (
    "domain" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationDomain_pkey" PRIMARY KEY ("domain")
);

-- CreateTable
CREATE TABLE "OrganisationNote" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationNote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Organisation_code_idx" ON "Organisation"("code");

-- CreateIndex
CREATE INDEX "Organisation_bestuurId_idx" ON "Organisation"("bestuurId");

-- CreateIndex
CREATE INDEX "Organisation_municipalityId_idx" ON "Organisation"("municipalityId");

-- CreateIndex
CREATE INDEX "Organisation_mergedIntoId_idx" ON "Organisation"("mergedIntoId");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_kind_code_key" ON "Organisation"("kind", "code");

-- CreateIndex
CREATE INDEX "OrganisationDomain_organisationId_idx" ON "OrganisationDomain"("organisationId");

-- CreateIndex
CREATE INDEX "OrganisationNote_organisationId_createdAt_idx" ON "OrganisationNote"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "Requester_organisationId_idx" ON "Requester"("organisationId");

-- CreateIndex
CREATE INDEX "Ticket_organisationId_createdAt_idx" ON "Ticket"("organisationId", "createdAt");

-- CreateIndex
CREATE INDEX "Ticket_schoolId_createdAt_idx" ON "Ticket"("schoolId", "createdAt");

-- AddForeignKey
ALTER TABLE "Requester" ADD CONSTRAINT "Requester_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_bestuurId_fkey" FOREIGN KEY ("bestuurId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationDomain" ADD CONSTRAINT "OrganisationDomain_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationNote" ADD CONSTRAINT "OrganisationNote_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

