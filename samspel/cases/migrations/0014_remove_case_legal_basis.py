from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cases", "0013_fill_measures")]

    operations = [
        migrations.RemoveField(model_name="case", name="legal_basis"),
        migrations.RemoveField(model_name="case", name="measure_started_on"),
    ]
