"""The listing rows reach their words to rank (`ListingRankWords`) on their page, as they reach
their words (`ListingWords`): a search ordered by relevance ranks every row on the same copy a
page of results is ranked on. No column: a join on the page.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0029_tally_keys_as_numbers"),
    ]

    operations = [
        migrations.AddField(
            model_name="listingrow",
            name="rank_words",
            field=models.ForeignObject(
                editable=False,
                from_fields=["page"],
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="directory.listingrankwords",
                to_fields=["page_id"],
            ),
        ),
    ]
