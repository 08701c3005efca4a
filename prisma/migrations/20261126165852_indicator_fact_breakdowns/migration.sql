-- AlterTable: the child's breakdowns go with each fact (aggregates are counted from the facts alone).
ALTER TABLE "indicator_fact" ADD COLUMN     "mother_education" "mother_education",
ADD COLUMN     "parity" INTEGER,
ADD COLUMN     "sex" "sex";

-- Facts already computed get their child's breakdowns, as a refresh would write them.
UPDATE "indicator_fact" f SET "sex" = c."sex", "mother_education" = rp."mother_education", "parity" = rp."parity"
FROM "citizen" c LEFT JOIN "register_person" rp ON rp."citizen_id" = c."id"
WHERE c."id" = f."citizen_id";

ALTER TABLE "indicator_fact" ALTER COLUMN "sex" SET NOT NULL;
