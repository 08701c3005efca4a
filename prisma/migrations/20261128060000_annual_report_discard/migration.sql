-- A draft annual report SundK froze by mistake or too early can be discarded (never one sent to hearing or published):
-- it stays, with its history, as status 'discarded', which never changes again, and the year can be frozen anew.

-- AlterEnum
ALTER TYPE "annual_report_status" ADD VALUE 'discarded';

CREATE OR REPLACE FUNCTION annual_report_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status IN ('published', 'superseded', 'discarded') THEN
      RAISE EXCEPTION 'annual_report %: a published or discarded report cannot be deleted', OLD.id;
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.snapshot IS DISTINCT FROM OLD.snapshot OR NEW.catalog_version IS DISTINCT FROM OLD.catalog_version
       OR NEW.data_cutoff IS DISTINCT FROM OLD.data_cutoff OR NEW.year IS DISTINCT FROM OLD.year
       OR NEW.version IS DISTINCT FROM OLD.version OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
      RAISE EXCEPTION 'annual_report %: the frozen snapshot, year and version never change', OLD.id;
    END IF;
    IF OLD.status = 'discarded' THEN
      RAISE EXCEPTION 'annual_report %: a discarded report never changes', OLD.id;
    END IF;
    IF OLD.status IN ('published', 'superseded') THEN
      IF NOT (OLD.status = 'published' AND NEW.status = 'superseded')
         OR (NEW.summary, NEW.change_note, NEW.hearing_deadline, NEW.published_at)
            IS DISTINCT FROM (OLD.summary, OLD.change_note, OLD.hearing_deadline, OLD.published_at) THEN
        RAISE EXCEPTION 'annual_report %: a published report is immutable (its status may only move to superseded)', OLD.id;
      END IF;
    ELSIF NEW.status <> OLD.status
          AND NOT ((OLD.status = 'draft' AND NEW.status IN ('hearing', 'published', 'discarded')) OR (OLD.status = 'hearing' AND NEW.status = 'published')) THEN
      RAISE EXCEPTION 'annual_report %: status cannot move from % to %', OLD.id, OLD.status, NEW.status;
    END IF;
  END IF;
  IF NEW.status IN ('published', 'superseded') AND NEW.published_at IS NULL THEN
    RAISE EXCEPTION 'annual_report %: a published report needs published_at', NEW.id;
  END IF;
  IF NEW.status IN ('draft', 'hearing') AND EXISTS (
       SELECT 1 FROM annual_report o WHERE o.year = NEW.year AND o.id <> NEW.id AND o.status IN ('draft', 'hearing')) THEN
    RAISE EXCEPTION 'annual_report %: year % already has an unpublished report', NEW.id, NEW.year;
  END IF;
  RETURN NEW;
END $$;

-- Comments of a published or discarded report never change; a municipality's hearing comment only until the deadline.
CREATE OR REPLACE FUNCTION annual_report_comment_check(report integer, municipality text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  s annual_report_status;
  deadline timestamptz;
BEGIN
  SELECT status, hearing_deadline INTO s, deadline FROM annual_report WHERE id = report;
  IF s IN ('published', 'superseded', 'discarded') THEN
    RAISE EXCEPTION 'annual_report %: the comments of a published or discarded report cannot change', report;
  END IF;
  IF municipality IS NOT NULL AND s = 'hearing' AND now() > deadline THEN
    RAISE EXCEPTION 'annual_report %: the hearing deadline has passed', report;
  END IF;
END $$;
