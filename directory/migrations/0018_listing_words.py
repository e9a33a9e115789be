"""The listing rows' words in a table of their own (`ListingWords`), one row per page.

The words were two columns of every listing row (one row per page and visitor language), so a
word's rows were read from their TOAST storage once per row ranked, and every listing read rows
several kilobytes wide. They are now copied once per page, with the GIN index on title || body
(`listing_row_words`, migration 0016).
On other databases the table stays empty and no index is made.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

INDEX = "listing_words_search"


def move_words(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "INSERT INTO directory_listingwords (page_id, title, body) "
        "SELECT DISTINCT ON (page_id) page_id, search_title, search_body "
        "FROM directory_listingrow WHERE search_title IS NOT NULL OR search_body IS NOT NULL"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON directory_listingwords "
        "USING gin (listing_row_words(title, body))"
    )


def words_back(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "UPDATE directory_listingrow AS row SET search_title = w.title, search_body = w.body "
            "FROM directory_listingwords AS w WHERE w.page_id = row.page_id"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0017_freshness"),
    ]

    operations = [
        migrations.CreateModel(
            name="ListingWords",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="wagtailcore.page",
                    ),
                ),
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
                "verbose_name": "listing words",
                "verbose_name_plural": "listing words",
            },
        ),
        migrations.RunPython(move_words, words_back),
        migrations.RemoveField(model_name="listingrow", name="search_body"),
        migrations.RemoveField(model_name="listingrow", name="search_title"),
        migrations.AddField(
            model_name="listingrow",
            name="words",
            field=models.ForeignObject(
                editable=False,
                from_fields=["page"],
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="directory.listingwords",
                to_fields=["page"],
            ),
        ),
    ]
