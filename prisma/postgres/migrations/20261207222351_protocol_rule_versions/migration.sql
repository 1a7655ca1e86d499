-- CreateTable
CREATE TABLE "ProtocolRuleVersion" (
    "id" TEXT NOT NULL,
    "protocolId" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "validFrom" TEXT NOT NULL,
    "threshold" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProtocolRuleVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProtocolRuleVersion_protocolId_ruleId_idx" ON "ProtocolRuleVersion"("protocolId", "ruleId");

-- CreateIndex
CREATE UNIQUE INDEX "ProtocolRuleVersion_protocolId_ruleId_validFrom_key" ON "ProtocolRuleVersion"("protocolId", "ruleId", "validFrom");

