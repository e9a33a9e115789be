"""The listing tallies (`ListingTally`): on PostgreSQL, triggers on the listing rows keep them,
and they are filled from the rows there are. A trigger for each statement, not for each row:
the nightly refresh writes every row again in a few statements, and each statement's rows are
added up once (its transition tables), in the order of their keys, so that two writers wait for
each other rather than lock each other's tallies crosswise.
"""

from django.db import migrations, models

# What the listings' filters look at (`ListingTally`), in the order the key is made of.
KEY = (
    "language, listing, kind, country, place, region, delivery, is_free, deadline, end_date, terms"
)

# (the rows, how many each stands for): each distinct key once, with the sum; INSERTed as tallies.
ADD_UP = f"""
    INSERT INTO directory_listingtally AS t ({KEY}, alike, rows)
    SELECT {KEY}, md5(ROW({KEY})::text), sum(n) FROM ({{rows}}) AS changed
    GROUP BY {KEY} HAVING sum(n) <> 0 ORDER BY md5(ROW({KEY})::text)
    ON CONFLICT (alike) DO UPDATE SET rows = t.rows + EXCLUDED.rows
"""

CREATE = f"""
CREATE FUNCTION directory_listing_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {ADD_UP.format(rows=f"SELECT {KEY}, 1 AS n FROM new_rows")};
    ELSIF TG_OP = 'DELETE' THEN
        {ADD_UP.format(rows=f"SELECT {KEY}, -1 AS n FROM old_rows")};
    ELSE
        {
    ADD_UP.format(
        rows=f"SELECT {KEY}, -1 AS n FROM old_rows UNION ALL SELECT {KEY}, 1 FROM new_rows"
    )
};
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER listing_tally_insert AFTER INSERT ON directory_listingrow
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_listing_tally();
CREATE TRIGGER listing_tally_delete AFTER DELETE ON directory_listingrow
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_listing_tally();
CREATE TRIGGER listing_tally_update AFTER UPDATE ON directory_listingrow
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION directory_listing_tally();
{ADD_UP.format(rows=f"SELECT {KEY}, 1 AS n FROM directory_listingrow")};
"""

DROP = """
DROP TRIGGER IF EXISTS listing_tally_insert ON directory_listingrow;
DROP TRIGGER IF EXISTS listing_tally_delete ON directory_listingrow;
DROP TRIGGER IF EXISTS listing_tally_update ON directory_listingrow;
DROP FUNCTION IF EXISTS directory_listing_tally();
"""


def create_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0025_listing_rows_in_their_order"),
    ]

    operations = [
        migrations.CreateModel(
            name="ListingTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("language", models.CharField(max_length=16)),
                ("listing", models.CharField(max_length=20)),
                ("kind", models.CharField(blank=True, max_length=20)),
                ("country", models.CharField(blank=True, max_length=2)),
                ("place", models.CharField(blank=True, max_length=255)),
                ("region", models.CharField(blank=True, max_length=255)),
                ("delivery", models.CharField(blank=True, max_length=20)),
                ("is_free", models.BooleanField(default=False)),
                ("deadline", models.DateField(blank=True, null=True)),
                ("end_date", models.DateField(blank=True, null=True)),
                ("terms", models.TextField(blank=True, default="")),
                ("alike", models.CharField(max_length=32, unique=True)),
                ("rows", models.IntegerField(default=0)),
            ],
            options={
                "verbose_name": "listing tally",
                "verbose_name_plural": "listing tallies",
                "indexes": [
                    models.Index(fields=["language", "listing"], name="listing_tally_listing")
                ],
            },
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
