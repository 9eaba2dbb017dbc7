-- DropIndex
DROP INDEX "Transfer_countryCode_idx";

-- DropIndex
DROP INDEX "Transfer_recipientId_idx";

-- DropIndex
DROP INDEX "Transfer_serviceId_idx";

-- AlterTable
ALTER TABLE "Transfer" ADD COLUMN     "controllerName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "current" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "viaServiceIds" TEXT[];

-- Backfill (written by hand), one pass: the copies of what the rows already say (schema.prisma, Transfer)
UPDATE "Transfer" t SET
  "current" = v."isCurrent",
  "controllerName" = o."name",
  "viaServiceIds" = coalesce((SELECT array_agg(es."B" ORDER BY es."B") FROM "_EngagementServices" es
                              WHERE es."A" = t."engagementId" AND es."B" IS DISTINCT FROM t."serviceId"), '{}')
FROM "PolicyVersion" v, "Organization" o
WHERE v."id" = t."versionId" AND o."id" = t."controllerId";

-- CreateIndex
CREATE INDEX "Transfer_serviceId_countryCode_current_controllerName_id_idx" ON "Transfer"("serviceId", "countryCode", "current", "controllerName", "id");

-- CreateIndex
CREATE INDEX "Transfer_recipientId_countryCode_serviceId_current_controll_idx" ON "Transfer"("recipientId", "countryCode", "serviceId", "current", "controllerName", "id");

-- CreateIndex
CREATE INDEX "Transfer_countryCode_current_controllerName_id_idx" ON "Transfer"("countryCode", "current", "controllerName", "id");

-- CreateIndex
CREATE INDEX "Transfer_viaServiceIds_idx" ON "Transfer" USING GIN ("viaServiceIds");
