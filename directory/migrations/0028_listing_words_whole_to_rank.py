"""The listing words to rank (`ListingRankWords`): on PostgreSQL, a copy of each `ListingWords`
row kept whole in its table's row (`toast_tuple_target` at its largest keeps rows of up to 8 kB
out of TOAST storage), which triggers on `ListingWords` keep, and filled from the words there
are. A trigger for each statement, not for each row: a refresh copies the words of many pages
in one statement, and they are copied again in one, in the order of their pages, so that two
writers wait for each other rather than lock each other's rows crosswise.
"""

import django.contrib.postgres.search
from django.db import migrations, models

# The words of the pages in `{rows}` written over those kept, or added.
COPY = """
    INSERT INTO directory_listingrankwords AS kept (page_id, title, body)
    SELECT page_id, title, body FROM {rows} ORDER BY page_id
    ON CONFLICT (page_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body
"""  # noqa: S608 (own names)

FORWARD = f"""
ALTER TABLE directory_listingrankwords SET (toast_tuple_target = 8160);
CREATE FUNCTION directory_listing_rank_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {COPY.format(rows="new_words")};
    ELSIF TG_OP = 'UPDATE' THEN
        DELETE FROM directory_listingrankwords WHERE page_id IN (
            SELECT page_id FROM old_words EXCEPT SELECT page_id FROM new_words
        );
        {COPY.format(rows="new_words")};
    ELSIF TG_OP = 'DELETE' THEN
        DELETE FROM directory_listingrankwords WHERE page_id IN (SELECT page_id FROM old_words);
    ELSE
        DELETE FROM directory_listingrankwords;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER listing_rank_words_insert AFTER INSERT ON directory_listingwords
    REFERENCING NEW TABLE AS new_words
    FOR EACH STATEMENT EXECUTE FUNCTION directory_listing_rank_words();
CREATE TRIGGER listing_rank_words_update AFTER UPDATE ON directory_listingwords
    REFERENCING OLD TABLE AS old_words NEW TABLE AS new_words
    FOR EACH STATEMENT EXECUTE FUNCTION directory_listing_rank_words();
CREATE TRIGGER listing_rank_words_delete AFTER DELETE ON directory_listingwords
    REFERENCING OLD TABLE AS old_words
    FOR EACH STATEMENT EXECUTE FUNCTION directory_listing_rank_words();
CREATE TRIGGER listing_rank_words_truncate AFTER TRUNCATE ON directory_listingwords
    FOR EACH STATEMENT EXECUTE FUNCTION directory_listing_rank_words();
{COPY.format(rows="directory_listingwords")};
ANALYZE directory_listingrankwords;
"""  # noqa: S608 (own names)

BACKWARD = """
DROP TRIGGER IF EXISTS listing_rank_words_insert ON directory_listingwords;
DROP TRIGGER IF EXISTS listing_rank_words_update ON directory_listingwords;
DROP TRIGGER IF EXISTS listing_rank_words_delete ON directory_listingwords;
DROP TRIGGER IF EXISTS listing_rank_words_truncate ON directory_listingwords;
DROP FUNCTION IF EXISTS directory_listing_rank_words();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0027_listing_rows_know_their_tally"),
    ]

    operations = [
        migrations.CreateModel(
            name="ListingRankWords",
            fields=[
                ("page_id", models.IntegerField(primary_key=True, serialize=False)),
                (
                    "title",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
                (
                    "body",
                    django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
                ),
            ],
            options={
                "verbose_name": "listing words to rank",
                "verbose_name_plural": "listing words to rank",
            },
        ),
        migrations.RunPython(forward, backward),
    ]
