-- DropIndex
DROP INDEX "Engagement_recipientId_idx";

-- CreateIndex
CREATE INDEX "Engagement_recipientId_id_idx" ON "Engagement"("recipientId", "id");

-- CreateIndex
CREATE INDEX "Service_aliases_idx" ON "Service" USING GIN ("aliases");

-- CreateIndex
CREATE INDEX "Transfer_engagementId_idx" ON "Transfer"("engagementId");

