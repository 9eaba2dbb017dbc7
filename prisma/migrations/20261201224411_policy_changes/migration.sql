-- CreateEnum
CREATE TYPE "ChangeKind" AS ENUM ('VENDOR_ADDED', 'VENDOR_REMOVED', 'ROLE_CHANGED', 'TRANSFER_ADDED', 'TRANSFER_REMOVED', 'MECHANISM_ADDED', 'MECHANISM_DROPPED', 'DESTINATION_CHANGED');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'DEAD');

-- CreateTable
CREATE TABLE "PolicyChange" (
    "id" TEXT NOT NULL,
    "kind" "ChangeKind" NOT NULL,
    "detectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "position" INTEGER NOT NULL,
    "policyId" TEXT NOT NULL,
    "fromVersionId" TEXT,
    "toVersionId" TEXT NOT NULL,
    "controllerId" TEXT,
    "vendorId" TEXT,
    "serviceId" TEXT,
    "countryCode" TEXT,
    "countryBeforeCode" TEXT,
    "mechanism" "Mechanism",
    "roleBefore" "Role",
    "roleAfter" "Role",
    "summary" TEXT NOT NULL,
    "beforeEvidenceId" TEXT,
    "afterEvidenceId" TEXT,

    CONSTRAINT "PolicyChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Webhook" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "events" "ChangeKind"[],
    "controller" TEXT,
    "vendor" TEXT,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT,

    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "changeId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAttemptAt" TIMESTAMP(3),
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PolicyChange_detectedAt_idx" ON "PolicyChange"("detectedAt");

-- CreateIndex
CREATE INDEX "PolicyChange_toVersionId_idx" ON "PolicyChange"("toVersionId");

-- CreateIndex
CREATE INDEX "PolicyChange_controllerId_idx" ON "PolicyChange"("controllerId");

-- CreateIndex
CREATE INDEX "PolicyChange_vendorId_idx" ON "PolicyChange"("vendorId");

-- CreateIndex
CREATE INDEX "PolicyChange_kind_idx" ON "PolicyChange"("kind");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_webhookId_changeId_key" ON "WebhookDelivery"("webhookId", "changeId");

-- AddForeignKey
ALTER TABLE "PolicyChange" ADD CONSTRAINT "PolicyChange_fromVersionId_fkey" FOREIGN KEY ("fromVersionId") REFERENCES "PolicyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyChange" ADD CONSTRAINT "PolicyChange_toVersionId_fkey" FOREIGN KEY ("toVersionId") REFERENCES "PolicyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyChange" ADD CONSTRAINT "PolicyChange_controllerId_fkey" FOREIGN KEY ("controllerId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyChange" ADD CONSTRAINT "PolicyChange_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyChange" ADD CONSTRAINT "PolicyChange_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyChange" ADD CONSTRAINT "PolicyChange_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyChange" ADD CONSTRAINT "PolicyChange_beforeEvidenceId_fkey" FOREIGN KEY ("beforeEvidenceId") REFERENCES "Evidence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyChange" ADD CONSTRAINT "PolicyChange_afterEvidenceId_fkey" FOREIGN KEY ("afterEvidenceId") REFERENCES "Evidence"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "PolicyChange"("id") ON DELETE CASCADE ON UPDATE CASCADE;
