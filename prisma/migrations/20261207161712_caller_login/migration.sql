-- CreateTable
CREATE TABLE "Caller" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "emailVerified" DATETIME,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "CallerLoginToken" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "identifier" TEXT NOT NULL,
    "expires" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "Caller_email_key" ON "Caller"("email");

-- CreateIndex
CREATE INDEX "CallerLoginToken_identifier_idx" ON "CallerLoginToken"("identifier");

-- CreateIndex
CREATE INDEX "CallerLoginToken_expires_idx" ON "CallerLoginToken"("expires");

