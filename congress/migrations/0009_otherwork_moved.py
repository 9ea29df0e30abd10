# OtherWork now belongs to the oversight app (oversight/migrations/0004_otherwork.py renamed its
# tables): the core forgets it.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("congress", "0008_import_confirmed_by"),
        ("oversight", "0004_otherwork"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="HistoricalOtherWork"),
                migrations.DeleteModel(name="OtherWork"),
            ],
        ),
    ]
