-- CreateTable
CREATE TABLE "EditorSynonym" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "terms" TEXT NOT NULL,
    "termsKey" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "SearchGapAction" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "normalized" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "articleId" TEXT,
    "detail" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "EditorSynonym_termsKey_key" ON "EditorSynonym"("termsKey");

-- CreateIndex
CREATE UNIQUE INDEX "SearchGapAction_normalized_key" ON "SearchGapAction"("normalized");

-- CreateIndex
CREATE INDEX "SearchGapAction_createdAt_idx" ON "SearchGapAction"("createdAt");

