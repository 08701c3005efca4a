-- When a report was made: the earlier of when LDBU received it and its own timestamp. Data completeness's validity
-- reads one year of receipts by it; as an expression over two columns it could only be found by scanning every year.
ALTER TABLE "receipt" ADD COLUMN "reported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- kept by the database on every write, whoever writes the receipt
CREATE FUNCTION receipt_reported_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.reported_at := LEAST(NEW.received_at, NEW.report_timestamp);
  RETURN NEW;
END $$;

CREATE TRIGGER receipt_reported_at BEFORE INSERT OR UPDATE OF received_at, report_timestamp ON "receipt"
  FOR EACH ROW EXECUTE FUNCTION receipt_reported_at();

UPDATE "receipt" SET "reported_at" = LEAST("received_at", "report_timestamp");

CREATE INDEX "receipt_reported_at_idx" ON "receipt"("reported_at");

-- fresh statistics, so the planner uses the new index at once (autovacuum removes the old row versions later)
ANALYZE "receipt";
