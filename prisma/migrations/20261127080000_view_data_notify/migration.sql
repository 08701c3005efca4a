-- Every app process caches what the views show (lib/db/data-generation.ts) and must learn when the data behind them
-- change. NOTIFY is delivered only after the writing transaction commits, so a process that hears it reads the new
-- data; identical notifications of one transaction are folded into one, so a refresh writing many rows sends one.
CREATE FUNCTION ldbu_view_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ldbu_view_data', TG_TABLE_NAME);
  RETURN NULL;
END $$;

CREATE TRIGGER indicator_result_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicator_result"
  FOR EACH STATEMENT EXECUTE FUNCTION ldbu_view_data_changed();
CREATE TRIGGER completeness_result_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "completeness_result"
  FOR EACH STATEMENT EXECUTE FUNCTION ldbu_view_data_changed();
CREATE TRIGGER indicator_standard_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicator_standard"
  FOR EACH STATEMENT EXECUTE FUNCTION ldbu_view_data_changed();
CREATE TRIGGER setting_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "setting"
  FOR EACH STATEMENT EXECUTE FUNCTION ldbu_view_data_changed();
CREATE TRIGGER region_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "region"
  FOR EACH STATEMENT EXECUTE FUNCTION ldbu_view_data_changed();
CREATE TRIGGER municipality_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "municipality"
  FOR EACH STATEMENT EXECUTE FUNCTION ldbu_view_data_changed();
