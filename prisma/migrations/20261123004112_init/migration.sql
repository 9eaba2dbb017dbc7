-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PROCESSOR', 'CONTROLLER', 'JOINT_CONTROLLER', 'SELF_HOSTED', 'UNSPECIFIED');

-- CreateEnum
CREATE TYPE "Mechanism" AS ENUM ('SCC', 'DPF', 'BCR', 'ADEQUACY', 'ART49', 'OTHER');

-- CreateEnum
CREATE TYPE "Certainty" AS ENUM ('STATED', 'POSSIBLE');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('ROLE', 'MENTION', 'TRANSFER', 'SUBPROCESSOR', 'PARENT', 'PROCESSING_LOCATION', 'CONTROLLER', 'CLAUSE');

-- CreateTable
CREATE TABLE "Country" (
    "code" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameDe" TEXT NOT NULL,
    "eu" BOOLEAN NOT NULL DEFAULT false,
    "eea" BOOLEAN NOT NULL DEFAULT false,
    "adequacy" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Country_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Region" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "countryCode" TEXT,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[],
    "aliasKeys" TEXT[],
    "legalForm" TEXT,
    "countryCode" TEXT,
    "address" TEXT,
    "dpfId" TEXT,
    "parentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "aliases" TEXT[],
    "organizationId" TEXT,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Policy" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "controllerId" TEXT,
    "currentVersionId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "id" TEXT NOT NULL,
    "policyId" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "isCurrent" BOOLEAN NOT NULL DEFAULT false,
    "language" TEXT NOT NULL,
    "lastUpdated" TEXT,
    "doc" TEXT NOT NULL,
    "contentType" TEXT,
    "ingestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "text" TEXT NOT NULL,
    "controllerName" TEXT,
    "controllerEmail" TEXT,
    "dpoName" TEXT,
    "dpoEmail" TEXT,
    "supervisoryAuthority" TEXT,

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Engagement" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "controllerId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "serviceId" TEXT,
    "role" "Role" NOT NULL,
    "purposes" TEXT[],
    "dataCategories" TEXT[],
    "legalBases" TEXT[],
    "retention" TEXT[],

    CONSTRAINT "Engagement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Transfer" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "engagementId" TEXT NOT NULL,
    "controllerId" TEXT NOT NULL,
    "recipientId" TEXT NOT NULL,
    "serviceId" TEXT,
    "countryCode" TEXT,
    "thirdCountry" BOOLEAN NOT NULL,
    "mechanisms" "Mechanism"[],
    "certainty" "Certainty" NOT NULL,
    "dpfId" TEXT,

    CONSTRAINT "Transfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubprocessorLink" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "subprocessorId" TEXT NOT NULL,

    CONSTRAINT "SubprocessorLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParentLink" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "parentId" TEXT NOT NULL,

    CONSTRAINT "ParentLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProcessingLocation" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "countryCode" TEXT,
    "regionId" TEXT,

    CONSTRAINT "ProcessingLocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyClause" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "mechanisms" "Mechanism"[],

    CONSTRAINT "PolicyClause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "section" TEXT,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "engagementId" TEXT,
    "transferId" TEXT,
    "subprocessorLinkId" TEXT,
    "parentLinkId" TEXT,
    "processingLocationId" TEXT,
    "clauseId" TEXT,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_EngagementServices" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_EngagementServices_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Region_key_key" ON "Region"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_key_key" ON "Organization"("key");

-- CreateIndex
CREATE INDEX "Organization_name_idx" ON "Organization"("name");

-- CreateIndex
CREATE INDEX "Organization_countryCode_idx" ON "Organization"("countryCode");

-- CreateIndex
CREATE UNIQUE INDEX "Service_key_key" ON "Service"("key");

-- CreateIndex
CREATE INDEX "Service_organizationId_idx" ON "Service"("organizationId");

-- CreateIndex
CREATE INDEX "Service_name_idx" ON "Service"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Policy_source_key" ON "Policy"("source");

-- CreateIndex
CREATE UNIQUE INDEX "Policy_currentVersionId_key" ON "Policy"("currentVersionId");

-- CreateIndex
CREATE INDEX "Policy_controllerId_idx" ON "Policy"("controllerId");

-- CreateIndex
CREATE INDEX "PolicyVersion_contentHash_idx" ON "PolicyVersion"("contentHash");

-- CreateIndex
CREATE INDEX "PolicyVersion_isCurrent_idx" ON "PolicyVersion"("isCurrent");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyVersion_policyId_contentHash_key" ON "PolicyVersion"("policyId", "contentHash");

-- CreateIndex
CREATE INDEX "Engagement_versionId_idx" ON "Engagement"("versionId");

-- CreateIndex
CREATE INDEX "Engagement_controllerId_idx" ON "Engagement"("controllerId");

-- CreateIndex
CREATE INDEX "Engagement_recipientId_idx" ON "Engagement"("recipientId");

-- CreateIndex
CREATE INDEX "Engagement_serviceId_idx" ON "Engagement"("serviceId");

-- CreateIndex
CREATE INDEX "Transfer_versionId_idx" ON "Transfer"("versionId");

-- CreateIndex
CREATE INDEX "Transfer_countryCode_idx" ON "Transfer"("countryCode");

-- CreateIndex
CREATE INDEX "Transfer_controllerId_idx" ON "Transfer"("controllerId");

-- CreateIndex
CREATE INDEX "Transfer_recipientId_idx" ON "Transfer"("recipientId");

-- CreateIndex
CREATE INDEX "Transfer_serviceId_idx" ON "Transfer"("serviceId");

-- CreateIndex
CREATE INDEX "Transfer_thirdCountry_idx" ON "Transfer"("thirdCountry");

-- CreateIndex
CREATE INDEX "SubprocessorLink_versionId_idx" ON "SubprocessorLink"("versionId");

-- CreateIndex
CREATE INDEX "SubprocessorLink_organizationId_idx" ON "SubprocessorLink"("organizationId");

-- CreateIndex
CREATE INDEX "SubprocessorLink_subprocessorId_idx" ON "SubprocessorLink"("subprocessorId");

-- CreateIndex
CREATE INDEX "ParentLink_versionId_idx" ON "ParentLink"("versionId");

-- CreateIndex
CREATE INDEX "ParentLink_childId_idx" ON "ParentLink"("childId");

-- CreateIndex
CREATE INDEX "ParentLink_parentId_idx" ON "ParentLink"("parentId");

-- CreateIndex
CREATE INDEX "ProcessingLocation_versionId_idx" ON "ProcessingLocation"("versionId");

-- CreateIndex
CREATE INDEX "ProcessingLocation_organizationId_idx" ON "ProcessingLocation"("organizationId");

-- CreateIndex
CREATE INDEX "ProcessingLocation_countryCode_idx" ON "ProcessingLocation"("countryCode");

-- CreateIndex
CREATE INDEX "PolicyClause_versionId_idx" ON "PolicyClause"("versionId");

-- CreateIndex
CREATE INDEX "Evidence_versionId_idx" ON "Evidence"("versionId");

-- CreateIndex
CREATE INDEX "Evidence_engagementId_idx" ON "Evidence"("engagementId");

-- CreateIndex
CREATE INDEX "Evidence_transferId_idx" ON "Evidence"("transferId");

-- CreateIndex
CREATE INDEX "Evidence_subprocessorLinkId_idx" ON "Evidence"("subprocessorLinkId");

-- CreateIndex
CREATE INDEX "Evidence_parentLinkId_idx" ON "Evidence"("parentLinkId");

-- CreateIndex
CREATE INDEX "Evidence_processingLocationId_idx" ON "Evidence"("processingLocationId");

-- CreateIndex
CREATE INDEX "Evidence_clauseId_idx" ON "Evidence"("clauseId");

-- CreateIndex
CREATE INDEX "_EngagementServices_B_index" ON "_EngagementServices"("B");

-- AddForeignKey
ALTER TABLE "Region" ADD CONSTRAINT "Region_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_controllerId_fkey" FOREIGN KEY ("controllerId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "PolicyVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_controllerId_fkey" FOREIGN KEY ("controllerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Engagement" ADD CONSTRAINT "Engagement_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_controllerId_fkey" FOREIGN KEY ("controllerId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transfer" ADD CONSTRAINT "Transfer_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubprocessorLink" ADD CONSTRAINT "SubprocessorLink_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubprocessorLink" ADD CONSTRAINT "SubprocessorLink_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubprocessorLink" ADD CONSTRAINT "SubprocessorLink_subprocessorId_fkey" FOREIGN KEY ("subprocessorId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParentLink" ADD CONSTRAINT "ParentLink_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParentLink" ADD CONSTRAINT "ParentLink_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParentLink" ADD CONSTRAINT "ParentLink_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessingLocation" ADD CONSTRAINT "ProcessingLocation_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessingLocation" ADD CONSTRAINT "ProcessingLocation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessingLocation" ADD CONSTRAINT "ProcessingLocation_countryCode_fkey" FOREIGN KEY ("countryCode") REFERENCES "Country"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProcessingLocation" ADD CONSTRAINT "ProcessingLocation_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyClause" ADD CONSTRAINT "PolicyClause_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_engagementId_fkey" FOREIGN KEY ("engagementId") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "Transfer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_subprocessorLinkId_fkey" FOREIGN KEY ("subprocessorLinkId") REFERENCES "SubprocessorLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_parentLinkId_fkey" FOREIGN KEY ("parentLinkId") REFERENCES "ParentLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_processingLocationId_fkey" FOREIGN KEY ("processingLocationId") REFERENCES "ProcessingLocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_clauseId_fkey" FOREIGN KEY ("clauseId") REFERENCES "PolicyClause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EngagementServices" ADD CONSTRAINT "_EngagementServices_A_fkey" FOREIGN KEY ("A") REFERENCES "Engagement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_EngagementServices" ADD CONSTRAINT "_EngagementServices_B_fkey" FOREIGN KEY ("B") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;
