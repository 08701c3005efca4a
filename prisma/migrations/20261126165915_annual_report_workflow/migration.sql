-- DropIndex
DROP INDEX "annual_report_comment_report_id_indicator_id_idx";

-- CreateIndex
CREATE UNIQUE INDEX "annual_report_comment_report_id_indicator_id_municipality_c_key" ON "annual_report_comment"("report_id", "indicator_id", "municipality_code");

-- Annual reports: what is frozen never changes, and a published report never changes at all (PRODUCT.md
-- "Årsrapport"). Enforced here, not only in the workflow, so no code path or manual SQL can alter a published page.
CREATE FUNCTION annual_report_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status IN ('published', 'superseded') THEN
      RAISE EXCEPTION 'annual_report %: a published report cannot be deleted', OLD.id;
    END IF;
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.snapshot IS DISTINCT FROM OLD.snapshot OR NEW.catalog_version IS DISTINCT FROM OLD.catalog_version
       OR NEW.data_cutoff IS DISTINCT FROM OLD.data_cutoff OR NEW.year IS DISTINCT FROM OLD.year
       OR NEW.version IS DISTINCT FROM OLD.version OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
      RAISE EXCEPTION 'annual_report %: the frozen snapshot, year and version never change', OLD.id;
    END IF;
    IF OLD.status IN ('published', 'superseded') THEN
      IF NOT (OLD.status = 'published' AND NEW.status = 'superseded')
         OR (NEW.summary, NEW.change_note, NEW.hearing_deadline, NEW.published_at)
            IS DISTINCT FROM (OLD.summary, OLD.change_note, OLD.hearing_deadline, OLD.published_at) THEN
        RAISE EXCEPTION 'annual_report %: a published report is immutable (its status may only move to superseded)', OLD.id;
      END IF;
    ELSIF NEW.status <> OLD.status
          AND NOT ((OLD.status = 'draft' AND NEW.status IN ('hearing', 'published')) OR (OLD.status = 'hearing' AND NEW.status = 'published')) THEN
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

CREATE TRIGGER annual_report_guard BEFORE INSERT OR UPDATE OR DELETE ON "annual_report"
  FOR EACH ROW EXECUTE FUNCTION annual_report_guard();

-- Comments of a published report never change; a municipality's hearing comment only until the hearing deadline.
CREATE FUNCTION annual_report_comment_check(report integer, municipality text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  s annual_report_status;
  deadline timestamptz;
BEGIN
  SELECT status, hearing_deadline INTO s, deadline FROM annual_report WHERE id = report;
  IF s IN ('published', 'superseded') THEN
    RAISE EXCEPTION 'annual_report %: the comments of a published report cannot change', report;
  END IF;
  IF municipality IS NOT NULL AND s = 'hearing' AND now() > deadline THEN
    RAISE EXCEPTION 'annual_report %: the hearing deadline has passed', report;
  END IF;
END $$;

CREATE FUNCTION annual_report_comment_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM annual_report_comment_check(OLD.report_id, OLD.municipality_code);
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  PERFORM annual_report_comment_check(NEW.report_id, NEW.municipality_code);
  RETURN NEW;
END $$;

CREATE TRIGGER annual_report_comment_guard BEFORE INSERT OR UPDATE OR DELETE ON "annual_report_comment"
  FOR EACH ROW EXECUTE FUNCTION annual_report_comment_guard();

-- The workflow's history (who did what, when) is append-only.
CREATE FUNCTION annual_report_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'annual_report_event is append-only';
END $$;

CREATE TRIGGER annual_report_event_no_update BEFORE UPDATE OR DELETE ON "annual_report_event"
  FOR EACH ROW EXECUTE FUNCTION annual_report_event_append_only();
