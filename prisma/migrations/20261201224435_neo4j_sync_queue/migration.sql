-- CreateTable
CREATE TABLE "Neo4jSyncQueue" (
    "id" SERIAL NOT NULL,
    "policyId" TEXT,
    "versionId" TEXT,
    "enqueuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "lastAttemptAt" TIMESTAMP(3),
    "syncedAt" TIMESTAMP(3),

    CONSTRAINT "Neo4jSyncQueue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Neo4jSyncQueue_syncedAt_id_idx" ON "Neo4jSyncQueue"("syncedAt", "id");
