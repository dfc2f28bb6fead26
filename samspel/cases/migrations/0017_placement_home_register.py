"""The free-text home is gone (0013 moved it into the network register); the register field
takes its name."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cases", "0016_fill_placement_home")]

    operations = [
        migrations.RemoveField(model_name="placement", name="home"),
        migrations.RenameField(
            model_name="placement", old_name="home_organisation", new_name="home"
        ),
    ]
