-- CreateTable
CREATE TABLE "Caller" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" TIMESTAMP(3),
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "lastLoginAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Caller_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallerLoginToken" (
    "tokenHash" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallerLoginToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateIndex
CREATE UNIQUE INDEX "Caller_email_key" ON "Caller"("email");

-- CreateIndex
CREATE INDEX "CallerLoginToken_identifier_idx" ON "CallerLoginToken"("identifier");

-- CreateIndex
CREATE INDEX "CallerLoginToken_expires_idx" ON "CallerLoginToken"("expires");

