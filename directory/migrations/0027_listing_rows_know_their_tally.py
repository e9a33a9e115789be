"""On PostgreSQL, each listing row holds the key of its tally (`tally_key`, a stored generated
column: the md5 of what the listings' filters look at), and an index on (language, listing,
page) holds it with what a search's order by relevance reads of a row (in the language, checked
recently). A search with words then keeps of each matching row only its page, its key and its
tier, counts them by key, and reads what the filters look at from the few hundred tallies
(`core.facets.FacetedRows`): carrying every column of tens of thousands of rows, the long
`terms` among them, and grouping them by all of those cost more than finding them.

The tallies are keyed by the rows' own key from now on: the triggers add up `tally_key`, and
the tallies are worked out again from the rows. The key is written with immutable functions
only (dates as days since 2000, booleans as text), as a generated column must be. SQLite keeps
neither; its searches count the rows.
"""

from django.db import migrations

KEY = (
    "language, listing, kind, country, place, region, delivery, is_free, deadline, end_date, terms"
)
TALLY_KEY = (
    "md5(language || '|' || listing || '|' || kind || '|' || country || '|' || place || '|' "
    "|| region || '|' || delivery || '|' || is_free::text || '|' "
    "|| coalesce((deadline - DATE '2000-01-01')::text, '') || '|' "
    "|| coalesce((end_date - DATE '2000-01-01')::text, '') || '|' || terms)"
)

# (the rows, how many each stands for): each key once, with the sum, added to its tally.
ADD_UP = f"""
    INSERT INTO directory_listingtally AS t ({KEY}, alike, rows)
    SELECT {KEY}, tally_key, sum(n) FROM ({{rows}}) AS changed
    GROUP BY tally_key, {KEY} HAVING sum(n) <> 0 ORDER BY tally_key
    ON CONFLICT (alike) DO UPDATE SET rows = t.rows + EXCLUDED.rows
"""  # noqa: S608 (own names)


def function(add_up):
    return f"""
CREATE OR REPLACE FUNCTION directory_listing_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {add_up.format(rows="SELECT *, 1 AS n FROM new_rows")};
    ELSIF TG_OP = 'DELETE' THEN
        {add_up.format(rows="SELECT *, -1 AS n FROM old_rows")};
    ELSE
        {add_up.format(rows="SELECT *, -1 AS n FROM old_rows UNION ALL SELECT *, 1 FROM new_rows")};
    END IF;
    RETURN NULL;
END
$$;
"""  # noqa: S608 (own names)


FORWARD = f"""
ALTER TABLE directory_listingrow
    ADD COLUMN tally_key text GENERATED ALWAYS AS ({TALLY_KEY}) STORED;
CREATE INDEX listing_tally_keys ON directory_listingrow (language, listing, page_id)
    INCLUDE (in_language, checked_recently, tally_key);
{function(ADD_UP)}
DELETE FROM directory_listingtally;
{ADD_UP.format(rows="SELECT *, 1 AS n FROM directory_listingrow")};
ANALYZE directory_listingrow;
ANALYZE directory_listingtally;
"""  # noqa: S608 (own names)

# Before: the key worked out by the trigger from the row's text.
OLD_ADD_UP = f"""
    INSERT INTO directory_listingtally AS t ({KEY}, alike, rows)
    SELECT {KEY}, md5(ROW({KEY})::text), sum(n) FROM ({{rows}}) AS changed
    GROUP BY {KEY} HAVING sum(n) <> 0 ORDER BY md5(ROW({KEY})::text)
    ON CONFLICT (alike) DO UPDATE SET rows = t.rows + EXCLUDED.rows
"""  # noqa: S608 (own names)

BACKWARD = f"""
DROP INDEX IF EXISTS listing_tally_keys;
ALTER TABLE directory_listingrow DROP COLUMN IF EXISTS tally_key;
{function(OLD_ADD_UP)}
DELETE FROM directory_listingtally;
{OLD_ADD_UP.format(rows="SELECT *, 1 AS n FROM directory_listingrow")};
"""  # noqa: S608 (own names)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0026_listing_tallies"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
