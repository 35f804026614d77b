-- Per-process caches (sessions, bureau settings, the holiday calendar) drop an entry the moment the
-- row behind it changes: these triggers NOTIFY in the changing transaction (delivered at commit) and
-- every server process LISTENs on 'ecogov_changes' (src/platform/db/change-feed.ts).
-- Payloads: 's:<session id>' (a session ended or changed; the once-a-minute lastSeenAt touch too), 'u:<user id>' (a user changed: disabled, role,
-- district …), 't:<table>' (any change of a whole table, or a TRUNCATE).
CREATE OR REPLACE FUNCTION ecogov_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'ROW' AND TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('ecogov_changes', 's:' || OLD.id);
  ELSIF TG_LEVEL = 'ROW' AND TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('ecogov_changes', 'u:' || OLD.id);
  ELSE
    PERFORM pg_notify('ecogov_changes', 't:' || TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_notify_change AFTER UPDATE OR DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION ecogov_notify_change();
--> statement-breakpoint
CREATE TRIGGER sessions_notify_truncate AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION ecogov_notify_change();
--> statement-breakpoint
CREATE TRIGGER users_notify_change AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION ecogov_notify_change();
--> statement-breakpoint
CREATE TRIGGER users_notify_truncate AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION ecogov_notify_change();
--> statement-breakpoint
CREATE TRIGGER bureau_settings_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON bureau_settings FOR EACH STATEMENT EXECUTE FUNCTION ecogov_notify_change();
--> statement-breakpoint
CREATE TRIGGER holiday_years_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON holiday_years FOR EACH STATEMENT EXECUTE FUNCTION ecogov_notify_change();
--> statement-breakpoint
CREATE TRIGGER calendar_days_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_days FOR EACH STATEMENT EXECUTE FUNCTION ecogov_notify_change();
