-- CreateTable
CREATE TABLE "EditorSynonym" (
    "id" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "termsKey" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EditorSynonym_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchGapAction" (
    "id" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "articleId" TEXT,
    "detail" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchGapAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EditorSynonym_termsKey_key" ON "EditorSynonym"("termsKey");

-- CreateIndex
CREATE UNIQUE INDEX "SearchGapAction_normalized_key" ON "SearchGapAction"("normalized");

-- CreateIndex
CREATE INDEX "SearchGapAction_createdAt_idx" ON "SearchGapAction"("createdAt");

