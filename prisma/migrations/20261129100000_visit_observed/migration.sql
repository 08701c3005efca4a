-- The visit facts of data completeness need, per visit, which mandatory items its own observations sent at all and
-- which with a value. A full refresh worked that out from all 16.5 M observations with an encounter (scan, item test
-- per observation and a hash aggregate into 2.2 M groups: about 13 of the 30 s of the visit-facts statement at
-- scale 1). The ingest now keeps it per encounter in visit_observed, in the transaction that stores the observations
-- (lib/ingest/visit-observed.ts), and the refresh reads it.
--
-- completeness_item_bit is the one definition of which mandatory item an observation is: the bit of its position in
-- lib/completeness/items.ts ITEMS, or null. Measurements count by kind whatever their code. A change of ITEMS needs a
-- migration that replaces this function and rebuilds visit_observed; tests/integration/visit-observed.test.ts fails until
-- it does. An SQL function of one expression: the planner inlines it, so it costs what the expression costs.

-- CreateFunction
CREATE FUNCTION "completeness_item_bit"("observation_kind", text) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT 1::bigint << CASE $1
  WHEN 'indicator' THEN CASE $2
    WHEN '2c39af9f-8e45-4c88-962f-e7a9e2cd31b6' THEN 0 -- parentMental
    WHEN '58997614-ba43-4534-90bd-10c7e76802f4' THEN 1 -- parentSocial
    WHEN '7e7fab2f-278a-4b14-9bc9-efc36fffcba5' THEN 2 -- network
    WHEN '763c6f21-5467-4713-82fb-716c9d0a1fdf' THEN 3 -- relationship
    WHEN '68605f88-49fb-44b9-b327-86947af6aa93' THEN 4 -- socialInteraction
    WHEN '28972d4b-fea3-42ec-b2a5-e2a26f79b14d' THEN 8 -- passiveSmoking
    WHEN 'e61e4dab-54bb-4bf4-9b76-8d991cf4de08' THEN 9 -- nutrition
    WHEN '76891f7b-cf49-4cb2-88d6-728a509eb75d' THEN 10 -- nicotine
    WHEN '653c2b0b-bb64-4906-888b-aea6fef3c3f8' THEN 11 -- communication
    WHEN '73f981f8-455a-4158-b435-7c6d83ab84da' THEN 12 -- sleep
    WHEN 'e04f2ca1-888a-4671-a97a-371b525cd2a3' THEN 13 -- motor
    WHEN 'b331fe02-a781-4abd-b6db-9331d6a69b15' THEN 14 -- physicalActivity
    WHEN 'a22c4b53-b622-4394-ba13-910a7b0d7b0d' THEN 15 -- hearing
    WHEN '01fddd46-ed7c-423d-b191-ffdd977dd61e' THEN 16 -- sight
  END
  WHEN 'weight' THEN 5
  WHEN 'height' THEN 6
  WHEN 'head_circumference' THEN 7 -- head
  WHEN 'feeding' THEN CASE $2 WHEN 'e61e4dab-54bb-4bf4-9b76-8d991cf4de08' THEN 9 END -- nutrition
END $$;

-- CreateTable
CREATE TABLE "visit_observed" (
    "encounter_id" TEXT NOT NULL,
    "seen" BIGINT NOT NULL,
    "valued" BIGINT NOT NULL,

    CONSTRAINT "visit_observed_pkey" PRIMARY KEY ("encounter_id")
);

-- Fill from the stored observations (2.2 M groups at scale 1: hashed in memory, not in batches on disk)
SET LOCAL work_mem = '256MB';
INSERT INTO "visit_observed" ("encounter_id", "seen", "valued")
SELECT "encounter_id", bit_or("b"), COALESCE(bit_or("b") FILTER (WHERE "has_value"), 0)
FROM (SELECT "encounter_id", "completeness_item_bit"("kind", "code") AS "b", ("value_code" IS NOT NULL OR "value_quantity" IS NOT NULL) AS "has_value"
      FROM "observation" WHERE "encounter_id" IS NOT NULL AND "status" <> 'entered-in-error') o
WHERE "b" IS NOT NULL
GROUP BY "encounter_id";
