"""The listed pages' most frequent words (`ListingCommonWord`) and, on each listing row, which of
them its page has (`common_words`, a bit each), held in the rows' covering index of their
tally keys (`listing_tally_keys`, 0029), which a search with words reads its language's rows
from. A search whose every word is one of those tests the bits there instead of finding each
word's pages in the words' GIN index (`search.backends.database`).

The column comes at 0 and the table of words empty, so every search goes on through the GIN
index until the next `refresh_listings` (each night) chooses the words and writes the bits
with every row.
"""

from django.db import migrations, models

INDEX = """
DROP INDEX IF EXISTS listing_tally_keys;
CREATE INDEX listing_tally_keys ON directory_listingrow (language, listing, page_id)
    INCLUDE (in_language, checked_recently, tally_key{more})
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0031_listing_rows_words_are_those_ranked"),
    ]

    operations = [
        migrations.CreateModel(
            name="ListingCommonWord",
            fields=[
                ("lexeme", models.TextField(primary_key=True, serialize=False)),
                ("bit", models.PositiveSmallIntegerField(unique=True)),
            ],
            options={
                "verbose_name": "common listing word",
                "verbose_name_plural": "common listing words",
            },
        ),
        migrations.AddField(
            model_name="listingrow",
            name="common_words",
            field=models.BigIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(
            on_postgresql(INDEX.format(more=", common_words")),
            on_postgresql(INDEX.format(more="")),
        ),
    ]
