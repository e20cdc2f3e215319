"""PostgreSQL refuses UPDATE and DELETE on the access log, whatever the client (NEN 7513).

Allowed: the foreign keys going to NULL when a plan or an account is deleted (nothing else may change
in that row), and the retention purge, which sets `SET LOCAL houvast.purge = 'on'` in its transaction.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION houvast_access_log_append_only() RETURNS trigger AS $$
BEGIN
    IF current_setting('houvast.purge', true) = 'on' AND TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE'
       AND (NEW.plan_id IS NULL OR NEW.plan_id = OLD.plan_id)
       AND (NEW.actor_id IS NULL OR NEW.actor_id = OLD.actor_id)
       AND (to_jsonb(NEW) - 'plan_id' - 'actor_id') = (to_jsonb(OLD) - 'plan_id' - 'actor_id') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'plans_accesslog is append-only (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS plans_accesslog_append_only ON plans_accesslog;
CREATE TRIGGER plans_accesslog_append_only BEFORE UPDATE OR DELETE ON plans_accesslog
    FOR EACH ROW EXECUTE FUNCTION houvast_access_log_append_only();
"""

DROP = """
DROP TRIGGER IF EXISTS plans_accesslog_append_only ON plans_accesslog;
DROP FUNCTION IF EXISTS houvast_access_log_append_only();
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(sql)  # no parameters: the % in RAISE stays as it is

    return run


class Migration(migrations.Migration):
    dependencies = [("plans", "0002_access_log_outlives_the_plan")]

    operations = [migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP))]
