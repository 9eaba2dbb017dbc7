-- DropIndex
DROP INDEX "Evidence_clauseId_idx";

-- DropIndex
DROP INDEX "Evidence_engagementId_idx";

-- DropIndex
DROP INDEX "Evidence_parentLinkId_idx";

-- DropIndex
DROP INDEX "Evidence_processingLocationId_idx";

-- DropIndex
DROP INDEX "Evidence_subprocessorLinkId_idx";

-- DropIndex
DROP INDEX "Evidence_transferId_idx";

-- CreateIndex
CREATE INDEX "Evidence_engagementId_idx" ON "Evidence"("engagementId") WHERE ("engagementId" IS NOT NULL);

-- CreateIndex
CREATE INDEX "Evidence_transferId_idx" ON "Evidence"("transferId") WHERE ("transferId" IS NOT NULL);

-- CreateIndex
CREATE INDEX "Evidence_subprocessorLinkId_idx" ON "Evidence"("subprocessorLinkId") WHERE ("subprocessorLinkId" IS NOT NULL);

-- CreateIndex
CREATE INDEX "Evidence_parentLinkId_idx" ON "Evidence"("parentLinkId") WHERE ("parentLinkId" IS NOT NULL);

-- CreateIndex
CREATE INDEX "Evidence_processingLocationId_idx" ON "Evidence"("processingLocationId") WHERE ("processingLocationId" IS NOT NULL);

-- CreateIndex
CREATE INDEX "Evidence_clauseId_idx" ON "Evidence"("clauseId") WHERE ("clauseId" IS NOT NULL);
