-- CreateIndex
CREATE INDEX "Transfer_no_mechanism_idx" ON "Transfer"("current", "thirdCountry", "mechanisms", "countryCode", "controllerName", "id");
