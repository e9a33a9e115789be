"""The listing rows' `words` relation reaches the words they are ranked on (`ListingRankWords`),
and the second relation added for those (`rank_words`, 0030) goes: a search matches its rows'
pages in `ListingWords` by page id, never through the relation. No column, so nothing for the
database to do (and SQLite's table rebuild cannot remove a relation without one).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0030_listing_rows_rank_words"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="listingrow", name="rank_words"),
                migrations.RemoveField(model_name="listingrow", name="words"),
                migrations.AddField(
                    model_name="listingrow",
                    name="words",
                    field=models.ForeignObject(
                        editable=False,
                        from_fields=["page"],
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="directory.listingrankwords",
                        to_fields=["page_id"],
                    ),
                ),
            ],
        ),
    ]
