"""An index on the pages that are not live, by type: the open data leaves out what is under an
organisation that is not live, and finds those few organisations through it rather than by
reading every organisation's page (`opendata.hsds.Directory.organisations_not_live`)."""

from django.db import migrations

INDEX = "opendata_pages_not_live"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    pages = apps.get_model("wagtailcore", "Page")._meta.db_table
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS {INDEX} ON "{pages}" ("content_type_id") WHERE NOT "live"'
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("opendata", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
