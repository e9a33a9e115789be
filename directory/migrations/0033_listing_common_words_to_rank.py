"""The common words' part of the words to rank (`ListingCommonRankWords`): on PostgreSQL, each
`ListingRankWords` row with every lexeme deleted but the common words (`ListingCommonWord`),
kept by the triggers that keep `ListingRankWords` (0028), and filled from the words there are.

Its rows follow the common words as the rows' bits do: the words are chosen again only once
every listing word is deleted (`directory.listing_rows.refresh`), and each page's words copied
from then on have their common part worked out with the words chosen.
"""

import django.contrib.postgres.search
from django.db import migrations, models

# The words of the pages in `{rows}` written over those kept, or added, with their common part.
COPY = """
    INSERT INTO directory_listingrankwords AS kept (page_id, title, body)
    SELECT page_id, title, body FROM {rows} ORDER BY page_id
    ON CONFLICT (page_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body;
    INSERT INTO directory_listingcommonrankwords AS kept (page_id, title, body)
    SELECT page_id, directory_listing_common_part(title), directory_listing_common_part(body)
    FROM {rows} ORDER BY page_id
    ON CONFLICT (page_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body
"""  # noqa: S608 (own names)

# The words of the pages in `{rows}` deleted from both tables.
DELETE = """
    DELETE FROM directory_listingrankwords WHERE page_id IN ({pages});
    DELETE FROM directory_listingcommonrankwords WHERE page_id IN ({pages})
"""  # noqa: S608 (own names)

FUNCTION = """
CREATE OR REPLACE FUNCTION directory_listing_rank_words() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {copy};
    ELSIF TG_OP = 'UPDATE' THEN
        {delete_gone};
        {copy};
    ELSIF TG_OP = 'DELETE' THEN
        {delete_old};
    ELSE
        {delete_all};
    END IF;
    RETURN NULL;
END
$$;
"""

FORWARD = f"""
ALTER TABLE directory_listingcommonrankwords SET (toast_tuple_target = 8160);
-- A vector with every lexeme deleted that is not a common word.
CREATE FUNCTION directory_listing_common_part(words tsvector) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT ts_delete(words, ARRAY(
        SELECT word.lexeme FROM unnest(tsvector_to_array(words)) AS word (lexeme)
        WHERE NOT EXISTS (
            SELECT 1 FROM directory_listingcommonword AS common WHERE common.lexeme = word.lexeme
        )
    ))
$$;
{
    FUNCTION.format(
        copy=COPY.format(rows="new_words"),
        delete_gone=DELETE.format(
            pages="SELECT page_id FROM old_words EXCEPT SELECT page_id FROM new_words"
        ),
        delete_old=DELETE.format(pages="SELECT page_id FROM old_words"),
        delete_all="DELETE FROM directory_listingrankwords; "
        "DELETE FROM directory_listingcommonrankwords",
    )
}
INSERT INTO directory_listingcommonrankwords (page_id, title, body)
SELECT page_id, directory_listing_common_part(title), directory_listing_common_part(body)
FROM directory_listingrankwords ORDER BY page_id;
ANALYZE directory_listingcommonrankwords;
"""  # noqa: S608 (own names)

# The function as 0028 wrote it.
BACKWARD = f"""
{
    FUNCTION.format(
        copy='''INSERT INTO directory_listingrankwords AS kept (page_id, title, body)
        SELECT page_id, title, body FROM new_words ORDER BY page_id
        ON CONFLICT (page_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body''',
        delete_gone='''DELETE FROM directory_listingrankwords WHERE page_id IN (
            SELECT page_id FROM old_words EXCEPT SELECT page_id FROM new_words
        )''',
        delete_old="DELETE FROM directory_listingrankwords WHERE page_id IN "
        "(SELECT page_id FROM old_words)",
        delete_all="DELETE FROM directory_listingrankwords",
    )
}
DROP FUNCTION IF EXISTS directory_listing_common_part(tsvector);
"""  # noqa: S608 (own names)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0032_listing_rows_know_their_common_words"),
    ]

    operations = [
        migrations.CreateModel(
            name="ListingCommonRankWords",
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
                "verbose_name": "common listing words to rank",
                "verbose_name_plural": "common listing words to rank",
            },
        ),
        migrations.RunPython(forward, backward),
    ]
