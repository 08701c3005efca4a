-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "receipt_outcome" AS ENUM ('accepted', 'rejected', 'duplicate');

-- CreateEnum
CREATE TYPE "receipt_channel" AS ENUM ('http', 'cli');

-- CreateEnum
CREATE TYPE "sex" AS ENUM ('female', 'male');

-- CreateEnum
CREATE TYPE "observation_kind" AS ENUM ('indicator', 'weight', 'height', 'head_circumference', 'feeding', 'exam_result');

-- CreateEnum
CREATE TYPE "mother_education" AS ENUM ('grundskole', 'ungdomsuddannelse', 'kort_videregaaende', 'mellemlang_lang_videregaaende');

-- CreateEnum
CREATE TYPE "area_level" AS ENUM ('municipality', 'region', 'nation');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('sundhedsplejerske', 'leder', 'politiker', 'sundk');

-- CreateEnum
CREATE TYPE "annual_report_status" AS ENUM ('draft', 'hearing', 'published', 'superseded');

-- CreateTable
CREATE TABLE "region" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "municipality" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,

    CONSTRAINT "municipality_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "organisation" (
    "sor_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("sor_code")
);

-- CreateTable
CREATE TABLE "gateway_client" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gateway_client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "receipt" (
    "id" BIGSERIAL NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "channel" "receipt_channel" NOT NULL,
    "client_id" INTEGER,
    "bundle_id" TEXT,
    "wrapper_id" TEXT,
    "report_timestamp" TIMESTAMPTZ(3),
    "content_hash" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "sor_code" TEXT,
    "municipality_code" TEXT,
    "outcome" "receipt_outcome" NOT NULL,
    "error_count" INTEGER NOT NULL DEFAULT 0,
    "warning_count" INTEGER NOT NULL DEFAULT 0,
    "issues" JSONB NOT NULL DEFAULT '[]',
    "resource_count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "receipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "citizen" (
    "id" BIGSERIAL NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "birth_date" DATE NOT NULL,
    "sex" "sex" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "citizen_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "citizen_record" (
    "resource_id" TEXT NOT NULL,
    "citizen_id" BIGINT NOT NULL,
    "sor_code" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "report_timestamp" TIMESTAMPTZ(3) NOT NULL,
    "receipt_id" BIGINT NOT NULL,

    CONSTRAINT "citizen_record_pkey" PRIMARY KEY ("resource_id")
);

-- CreateTable
CREATE TABLE "citizen_custodian" (
    "citizen_id" BIGINT NOT NULL,
    "receipt_id" BIGINT NOT NULL,
    "report_timestamp" TIMESTAMPTZ(3) NOT NULL,
    "sor_code" TEXT NOT NULL,

    CONSTRAINT "citizen_custodian_pkey" PRIMARY KEY ("citizen_id","receipt_id")
);

-- CreateTable
CREATE TABLE "parent_link" (
    "resource_id" TEXT NOT NULL,
    "parent_id" BIGINT,
    "child_id" BIGINT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "report_timestamp" TIMESTAMPTZ(3) NOT NULL,
    "receipt_id" BIGINT NOT NULL,

    CONSTRAINT "parent_link_pkey" PRIMARY KEY ("resource_id")
);

-- CreateTable
CREATE TABLE "location" (
    "resource_id" TEXT NOT NULL,
    "school_number" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "report_timestamp" TIMESTAMPTZ(3) NOT NULL,
    "receipt_id" BIGINT NOT NULL,

    CONSTRAINT "location_pkey" PRIMARY KEY ("resource_id")
);

-- CreateTable
CREATE TABLE "encounter" (
    "resource_id" TEXT NOT NULL,
    "citizen_id" BIGINT NOT NULL,
    "type_code" TEXT NOT NULL,
    "class_code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "start" TIMESTAMPTZ(3) NOT NULL,
    "end" TIMESTAMPTZ(3),
    "location_id" TEXT,
    "based_on_interventions" TEXT[],
    "sor_code" TEXT NOT NULL,
    "report_timestamp" TIMESTAMPTZ(3) NOT NULL,
    "first_received_at" TIMESTAMPTZ(3) NOT NULL,
    "receipt_id" BIGINT NOT NULL,

    CONSTRAINT "encounter_pkey" PRIMARY KEY ("resource_id")
);

-- CreateTable
CREATE TABLE "observation" (
    "resource_id" TEXT NOT NULL,
    "citizen_id" BIGINT NOT NULL,
    "encounter_id" TEXT,
    "kind" "observation_kind" NOT NULL,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "value_code" TEXT,
    "value_quantity" DECIMAL(10,2),
    "unit" TEXT,
    "data_absent_reason" TEXT,
    "effective_start" TIMESTAMPTZ(3) NOT NULL,
    "effective_end" TIMESTAMPTZ(3),
    "effective_is_period" BOOLEAN NOT NULL,
    "report_timestamp" TIMESTAMPTZ(3) NOT NULL,
    "receipt_id" BIGINT NOT NULL,

    CONSTRAINT "observation_pkey" PRIMARY KEY ("resource_id")
);

-- CreateTable
CREATE TABLE "questionnaire_response" (
    "resource_id" TEXT NOT NULL,
    "citizen_id" BIGINT NOT NULL,
    "questionnaire" TEXT NOT NULL,
    "instrument" TEXT,
    "status" TEXT NOT NULL,
    "authored" TIMESTAMPTZ(3) NOT NULL,
    "total_score" INTEGER,
    "item_sum" INTEGER,
    "informer_code" TEXT,
    "answers" JSONB NOT NULL,
    "report_timestamp" TIMESTAMPTZ(3) NOT NULL,
    "receipt_id" BIGINT NOT NULL,

    CONSTRAINT "questionnaire_response_pkey" PRIMARY KEY ("resource_id")
);

-- CreateTable
CREATE TABLE "intervention" (
    "resource_id" TEXT NOT NULL,
    "citizen_id" BIGINT NOT NULL,
    "code" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "detail_status" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3) NOT NULL,
    "period_end" TIMESTAMPTZ(3),
    "reason_codes" TEXT[],
    "report_timestamp" TIMESTAMPTZ(3) NOT NULL,
    "receipt_id" BIGINT NOT NULL,

    CONSTRAINT "intervention_pkey" PRIMARY KEY ("resource_id")
);

-- CreateTable
CREATE TABLE "register_import" (
    "id" SERIAL NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "row_count" INTEGER NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "register_import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "register_person" (
    "citizen_id" BIGINT NOT NULL,
    "birth_date" DATE NOT NULL,
    "sex" "sex" NOT NULL,
    "birth_weight_g" INTEGER,
    "gestational_age_days" INTEGER,
    "parity" INTEGER,
    "residence_municipality_code" TEXT NOT NULL,
    "mother_education" "mother_education",
    "import_id" INTEGER NOT NULL,

    CONSTRAINT "register_person_pkey" PRIMARY KEY ("citizen_id")
);

-- CreateTable
CREATE TABLE "indicator_standard" (
    "indicator_id" TEXT NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "provisional" BOOLEAN NOT NULL DEFAULT true,
    "updated_by" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indicator_standard_pkey" PRIMARY KEY ("indicator_id")
);

-- CreateTable
CREATE TABLE "indicator_result" (
    "id" BIGSERIAL NOT NULL,
    "indicator_id" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "area_level" "area_level" NOT NULL,
    "area_code" TEXT NOT NULL,
    "breakdown" TEXT NOT NULL DEFAULT 'all',
    "breakdown_value" TEXT NOT NULL DEFAULT '',
    "numerator" INTEGER NOT NULL,
    "denominator" INTEGER NOT NULL,
    "uoplyst" INTEGER NOT NULL,
    "value" DOUBLE PRECISION,
    "ci_low" DOUBLE PRECISION,
    "ci_high" DOUBLE PRECISION,
    "benchmark" TEXT,
    "standard_met" BOOLEAN,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "indicator_result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "completeness_result" (
    "id" BIGSERIAL NOT NULL,
    "measure" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "area_level" "area_level" NOT NULL,
    "area_code" TEXT NOT NULL,
    "visit_type" TEXT NOT NULL DEFAULT '',
    "item" TEXT NOT NULL DEFAULT '',
    "numerator" INTEGER NOT NULL,
    "denominator" INTEGER NOT NULL,
    "value" DOUBLE PRECISION,
    "detail" JSONB,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "completeness_result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refresh_mark" (
    "period" TEXT NOT NULL,
    "municipality_code" TEXT NOT NULL,
    "marked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refresh_mark_pkey" PRIMARY KEY ("period","municipality_code")
);

-- CreateTable
CREATE TABLE "setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_by" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" SERIAL NOT NULL,
    "username" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "role" "role" NOT NULL,
    "municipality_code" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "external_id" TEXT,
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "failed_logins" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" INTEGER,
    "username" TEXT,
    "role" TEXT,
    "action" TEXT NOT NULL,
    "resource" TEXT NOT NULL,
    "municipality_code" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "address" TEXT,

    CONSTRAINT "audit_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "annual_report" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "status" "annual_report_status" NOT NULL DEFAULT 'draft',
    "snapshot" JSONB NOT NULL,
    "catalog_version" TEXT NOT NULL,
    "data_cutoff" TIMESTAMPTZ(3) NOT NULL,
    "hearing_deadline" TIMESTAMPTZ(3),
    "summary" TEXT,
    "change_note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "annual_report_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "annual_report_comment" (
    "id" SERIAL NOT NULL,
    "report_id" INTEGER NOT NULL,
    "indicator_id" TEXT NOT NULL,
    "municipality_code" TEXT,
    "author_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "annual_report_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "annual_report_event" (
    "id" SERIAL NOT NULL,
    "report_id" INTEGER NOT NULL,
    "step" TEXT NOT NULL,
    "user_id" INTEGER,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "annual_report_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "municipality_region_code_idx" ON "municipality"("region_code");

-- CreateIndex
CREATE INDEX "organisation_municipality_code_idx" ON "organisation"("municipality_code");

-- CreateIndex
CREATE UNIQUE INDEX "gateway_client_name_key" ON "gateway_client"("name");

-- CreateIndex
CREATE UNIQUE INDEX "gateway_client_token_hash_key" ON "gateway_client"("token_hash");

-- CreateIndex
CREATE INDEX "receipt_municipality_code_received_at_idx" ON "receipt"("municipality_code", "received_at");

-- CreateIndex
CREATE INDEX "receipt_outcome_received_at_idx" ON "receipt"("outcome", "received_at");

-- CreateIndex
CREATE INDEX "receipt_content_hash_idx" ON "receipt"("content_hash");

-- CreateIndex
CREATE UNIQUE INDEX "citizen_pseudonym_key" ON "citizen"("pseudonym");

-- CreateIndex
CREATE INDEX "citizen_record_citizen_id_idx" ON "citizen_record"("citizen_id");

-- CreateIndex
CREATE INDEX "citizen_custodian_sor_code_idx" ON "citizen_custodian"("sor_code");

-- CreateIndex
CREATE INDEX "parent_link_child_id_idx" ON "parent_link"("child_id");

-- CreateIndex
CREATE INDEX "parent_link_parent_id_idx" ON "parent_link"("parent_id");

-- CreateIndex
CREATE INDEX "encounter_citizen_id_type_code_idx" ON "encounter"("citizen_id", "type_code");

-- CreateIndex
CREATE INDEX "encounter_sor_code_type_code_start_idx" ON "encounter"("sor_code", "type_code", "start");

-- CreateIndex
CREATE INDEX "observation_citizen_id_kind_code_idx" ON "observation"("citizen_id", "kind", "code");

-- CreateIndex
CREATE INDEX "observation_encounter_id_idx" ON "observation"("encounter_id");

-- CreateIndex
CREATE INDEX "questionnaire_response_citizen_id_instrument_idx" ON "questionnaire_response"("citizen_id", "instrument");

-- CreateIndex
CREATE INDEX "intervention_citizen_id_idx" ON "intervention"("citizen_id");

-- CreateIndex
CREATE INDEX "register_person_residence_municipality_code_birth_date_idx" ON "register_person"("residence_municipality_code", "birth_date");

-- CreateIndex
CREATE INDEX "indicator_result_indicator_id_period_area_level_idx" ON "indicator_result"("indicator_id", "period", "area_level");

-- CreateIndex
CREATE UNIQUE INDEX "indicator_result_indicator_id_period_area_level_area_code_b_key" ON "indicator_result"("indicator_id", "period", "area_level", "area_code", "breakdown", "breakdown_value");

-- CreateIndex
CREATE UNIQUE INDEX "completeness_result_measure_period_area_level_area_code_vis_key" ON "completeness_result"("measure", "period", "area_level", "area_code", "visit_type", "item");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_external_id_key" ON "app_user"("external_id");

-- CreateIndex
CREATE INDEX "audit_entry_at_idx" ON "audit_entry"("at");

-- CreateIndex
CREATE INDEX "audit_entry_user_id_at_idx" ON "audit_entry"("user_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "annual_report_year_version_key" ON "annual_report"("year", "version");

-- CreateIndex
CREATE INDEX "annual_report_comment_report_id_indicator_id_idx" ON "annual_report_comment"("report_id", "indicator_id");

-- CreateIndex
CREATE INDEX "annual_report_event_report_id_idx" ON "annual_report_event"("report_id");

-- AddForeignKey
ALTER TABLE "municipality" ADD CONSTRAINT "municipality_region_code_fkey" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organisation" ADD CONSTRAINT "organisation_municipality_code_fkey" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "receipt" ADD CONSTRAINT "receipt_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "gateway_client"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citizen_record" ADD CONSTRAINT "citizen_record_citizen_id_fkey" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "citizen_custodian" ADD CONSTRAINT "citizen_custodian_citizen_id_fkey" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "parent_link" ADD CONSTRAINT "parent_link_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "citizen"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "parent_link" ADD CONSTRAINT "parent_link_child_id_fkey" FOREIGN KEY ("child_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "encounter" ADD CONSTRAINT "encounter_citizen_id_fkey" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_citizen_id_fkey" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "questionnaire_response" ADD CONSTRAINT "questionnaire_response_citizen_id_fkey" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "intervention" ADD CONSTRAINT "intervention_citizen_id_fkey" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "register_person" ADD CONSTRAINT "register_person_citizen_id_fkey" FOREIGN KEY ("citizen_id") REFERENCES "citizen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "register_person" ADD CONSTRAINT "register_person_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "register_import"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_municipality_code_fkey" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annual_report_comment" ADD CONSTRAINT "annual_report_comment_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "annual_report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annual_report_comment" ADD CONSTRAINT "annual_report_comment_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "annual_report_event" ADD CONSTRAINT "annual_report_event_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "annual_report"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The audit log is append-only: no UPDATE or DELETE, whoever connects through the app.
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only';
END $$;

CREATE TRIGGER audit_entry_no_update BEFORE UPDATE OR DELETE ON "audit_entry"
  FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
