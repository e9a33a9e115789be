"""The listing rows' own words, on PostgreSQL (`directory.listing_rows.copy_search_text`).

Two columns copied from the search index's entry of each row's page, and a GIN index on the
row's language and its whole document (title || body, `listing_row_words`), so that the words of
one language's rows are found from the index. The `btree_gin` extension lets a GIN index hold the language too.
On other databases the columns stay empty and no index is made.
"""

from django.contrib.postgres.operations import BtreeGinExtension
from django.contrib.postgres.search import SearchVectorField
from django.db import migrations

INDEX = "listing_row_search"


# title || body, as a function the planner takes for costly: evaluating it on each row (joining
# two large vectors read from their TOAST storage) costs a hundred times reading the index, which
# PostgreSQL's estimate of `||` does not know; it is never inlined, so the index matches it.
WORDS = """
    CREATE OR REPLACE FUNCTION listing_row_words(title tsvector, body tsvector)
    RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 1000
    AS $$ BEGIN RETURN title || body; END $$
"""


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(WORDS)
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON directory_listingrow "
        "USING gin (language, listing_row_words(search_title, search_body))"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute("DROP FUNCTION IF EXISTS listing_row_words(tsvector, tsvector)")


def mark_every_row(apps, schema_editor):
    """Every listed content gets its words on the first listing after the migration."""
    ListingRow = apps.get_model("directory", "ListingRow")
    ListingStale = apps.get_model("directory", "ListingStale")
    keys = ListingRow.objects.values_list("translation_key", flat=True).distinct()
    ListingStale.objects.bulk_create(
        [ListingStale(translation_key=key) for key in keys],
        batch_size=1000,
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0015_listing_rows"),
    ]

    operations = [
        BtreeGinExtension(),
        migrations.AddField(
            model_name="listingrow",
            name="search_title",
            field=SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="listingrow",
            name="search_body",
            field=SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_index, drop_index),
        migrations.RunPython(mark_every_row, migrations.RunPython.noop),
    ]
