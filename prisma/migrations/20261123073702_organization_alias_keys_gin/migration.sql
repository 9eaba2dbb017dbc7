-- CreateIndex
CREATE INDEX "Organization_aliasKeys_idx" ON "Organization" USING GIN ("aliasKeys");
