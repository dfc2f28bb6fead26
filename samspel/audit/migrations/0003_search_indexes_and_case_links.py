"""Indexes that match the auditor's searches (each ending in the page order at, id), and the
cases named by list events in a table of their own, filled from the events already logged."""

import django.db.models.deletion
from django.db import migrations, models


# The events already logged name their cases in detail["cases"] only.
BACKFILL = {
    "postgresql": """
        INSERT INTO audit_auditeventcase (event_id, case_public_id)
        SELECT e.id, c.value::uuid FROM audit_auditevent e
        CROSS JOIN LATERAL jsonb_array_elements_text(e.detail -> 'cases') AS c(value)
        WHERE jsonb_typeof(e.detail -> 'cases') = 'array'
    """,
    "sqlite": """
        INSERT INTO audit_auditeventcase (event_id, case_public_id)
        SELECT e.id, replace(c.value, '-', '') FROM audit_auditevent e, json_each(e.detail, '$.cases') c
        WHERE json_type(e.detail, '$.cases') = 'array'
    """,
}

# The database refuses UPDATE and DELETE on the case links as on the events (0002).
APPEND_ONLY = """
CREATE OR REPLACE FUNCTION samspel_audit_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_auditeventcase_append_only
    BEFORE UPDATE OR DELETE ON audit_auditeventcase
    FOR EACH ROW EXECUTE FUNCTION samspel_audit_append_only();
"""


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor in BACKFILL:
        schema_editor.execute(BACKFILL[vendor])
    if vendor == "postgresql":
        schema_editor.execute(APPEND_ONLY, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "DROP TRIGGER IF EXISTS audit_auditeventcase_append_only ON audit_auditeventcase"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0002_append_only_trigger"),
    ]

    operations = [
        migrations.CreateModel(
            name="AuditEventCase",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("case_public_id", models.UUIDField(verbose_name="case")),
            ],
            options={
                "verbose_name": "case named by an audit event",
                "verbose_name_plural": "cases named by audit events",
            },
        ),
        migrations.RemoveIndex(
            model_name="auditevent",
            name="audit_org_at",
        ),
        migrations.RemoveIndex(
            model_name="auditevent",
            name="audit_actor_at",
        ),
        migrations.RemoveIndex(
            model_name="auditevent",
            name="audit_object",
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="when"),
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(fields=["organisation_id", "-at", "-id"], name="audit_org_at_id"),
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(fields=["actor_id", "-at", "-id"], name="audit_actor_at_id"),
        ),
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(
                fields=["object_type", "object_id", "-at", "-id"], name="audit_object_at"
            ),
        ),
        migrations.AddField(
            model_name="auditeventcase",
            name="event",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="case_links",
                to="audit.auditevent",
            ),
        ),
        migrations.AddIndex(
            model_name="auditeventcase",
            index=models.Index(fields=["case_public_id", "event"], name="audit_case_event"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
