-- CreateTable
CREATE TABLE "ProtocolRuleVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "protocolId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "validFrom" TEXT NOT NULL,
    "threshold" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ProtocolRuleVersion_protocolId_ruleId_idx" ON "ProtocolRuleVersion"("protocolId", "ruleId");

-- CreateIndex
CREATE UNIQUE INDEX "ProtocolRuleVersion_protocolId_ruleId_validFrom_key" ON "ProtocolRuleVersion"("protocolId", "ruleId", "validFrom");

