-- CreateTable
CREATE TABLE "ChangeEvent" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "refId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "diff" TEXT NOT NULL DEFAULT '',
    "deskNote" TEXT,
    "topic" TEXT,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeRead" (
    "userId" TEXT NOT NULL,
    "changeId" TEXT NOT NULL,
    "readAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeRead_pkey" PRIMARY KEY ("userId","changeId")
);

-- CreateIndex
CREATE INDEX "ChangeEvent_createdAt_idx" ON "ChangeEvent"("createdAt");

-- CreateIndex
CREATE INDEX "ChangeEvent_isPublic_createdAt_idx" ON "ChangeEvent"("isPublic", "createdAt");

-- CreateIndex
CREATE INDEX "ChangeEvent_kind_refId_createdAt_idx" ON "ChangeEvent"("kind", "refId", "createdAt");

-- CreateIndex
CREATE INDEX "ChangeRead_changeId_idx" ON "ChangeRead"("changeId");

-- AddForeignKey
ALTER TABLE "ChangeEvent" ADD CONSTRAINT "ChangeEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRead" ADD CONSTRAINT "ChangeRead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRead" ADD CONSTRAINT "ChangeRead_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "ChangeEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

