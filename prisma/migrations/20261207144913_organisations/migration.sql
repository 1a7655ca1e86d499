-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL PRIMARY KEY,
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Organisation_bestuurId_fkey" FOREIGN KEY ("bestuurId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Organisation_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Organisation_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrganisationDomain" (
    "domain" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrganisationDomain_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrganisationNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OrganisationNote_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (hand-written: ADD COLUMN instead of a table rebuild; a nullable column with REFERENCES is allowed)
ALTER TABLE "Requester" ADD COLUMN "organisationId" TEXT REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Ticket" ADD COLUMN "organisationId" TEXT REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Ticket" ADD COLUMN "schoolId" TEXT REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Requester_organisationId_idx" ON "Requester"("organisationId");
CREATE INDEX "Ticket_organisationId_createdAt_idx" ON "Ticket"("organisationId", "createdAt");
CREATE INDEX "Ticket_schoolId_createdAt_idx" ON "Ticket"("schoolId", "createdAt");

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

