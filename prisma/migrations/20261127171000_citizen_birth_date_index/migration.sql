-- Every indicator group of a refresh places the children born in one year; without an index that read all citizens,
-- parents included (1.1 M at national scale), once per birth cohort and school year.

-- CreateIndex
CREATE INDEX "citizen_birth_date_idx" ON "citizen"("birth_date");
