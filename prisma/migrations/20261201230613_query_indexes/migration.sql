-- DropIndex
DROP INDEX "Engagement_recipientId_idx";

-- CreateTable
CREATE TABLE "TransferTally" (
    "key" TEXT NOT NULL,
    "countryCode" TEXT,
    "thirdCountry" BOOLEAN NOT NULL,
    "mechanisms" "Mechanism"[],
    "count" INTEGER NOT NULL,

    CONSTRAINT "TransferTally_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "VendorPairTally" (
    "recipientId" TEXT NOT NULL,
    "controllerId" TEXT NOT NULL,
    "engagements" INTEGER NOT NULL,

    CONSTRAINT "VendorPairTally_pkey" PRIMARY KEY ("recipientId","controllerId")
);

-- CreateTable
CREATE TABLE "VendorTally" (
    "recipientId" TEXT NOT NULL,
    "controllers" INTEGER NOT NULL,
    "engagements" INTEGER NOT NULL,

    CONSTRAINT "VendorTally_pkey" PRIMARY KEY ("recipientId")
);

-- CreateIndex
CREATE INDEX "VendorTally_controllers_engagements_idx" ON "VendorTally"("controllers" DESC, "engagements" DESC);

-- CreateIndex
CREATE INDEX "Engagement_recipientId_id_idx" ON "Engagement"("recipientId", "id");

-- CreateIndex
CREATE INDEX "Service_aliases_idx" ON "Service" USING GIN ("aliases");

-- CreateIndex
CREATE INDEX "Transfer_engagementId_idx" ON "Transfer"("engagementId");

-- The tallies of a database filled before they existed (src/store/tallies.ts keeps them from here on)
INSERT INTO "TransferTally" ("key", "countryCode", "thirdCountry", "mechanisms", "count")
SELECT concat_ws('|', coalesce(t."countryCode", ''), t."thirdCountry", array_to_string(m.sorted, ',')), t."countryCode", t."thirdCountry", m.sorted, count(*)::int
FROM "Transfer" t JOIN "PolicyVersion" v ON v.id = t."versionId" AND v."isCurrent"
CROSS JOIN LATERAL (SELECT coalesce(array_agg(x ORDER BY x), '{}') AS sorted FROM unnest(t.mechanisms) x) m
GROUP BY 1, 2, 3, 4;
INSERT INTO "VendorPairTally" ("recipientId", "controllerId", "engagements")
SELECT e."recipientId", e."controllerId", count(*)::int FROM "Engagement" e JOIN "PolicyVersion" v ON v.id = e."versionId" AND v."isCurrent" GROUP BY 1, 2;
INSERT INTO "VendorTally" ("recipientId", "controllers", "engagements")
SELECT "recipientId", count(*)::int, sum("engagements")::int FROM "VendorPairTally" GROUP BY 1;
