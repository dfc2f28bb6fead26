"""The audit log's one delete path: retention (samspel.retention.services.purge_audit) sets
`samspel.audit_retention` for its own transaction, and even then the database lets only events
more than a year old go. Updates stay refused, always."""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION samspel_audit_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('samspel.audit_retention', true) = 'on' THEN
        IF TG_TABLE_NAME <> 'audit_auditevent' THEN
            RETURN OLD;  -- links, flags and reviews go with their event
        END IF;
        IF OLD.at < now() - interval '1 year' THEN
            RETURN OLD;
        END IF;
    END IF;
    RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""

PREVIOUS = """
CREATE OR REPLACE FUNCTION samspel_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PREVIOUS, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0006_import_action")]

    operations = [migrations.RunPython(forwards, backwards)]
