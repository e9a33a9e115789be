"""An index on the pages shown in menus, so that every public page's header finds its menu
(the home page's children with `show_in_menus`) without reading the whole page tree: Wagtail
finds a page's children by a range of paths and a depth, which no index of its own serves, and
at fifty thousand services that read every page (10 ms a page on PostgreSQL)."""

from django.db import migrations

INDEX = "home_page_in_menus"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    pages = apps.get_model("wagtailcore", "Page")._meta.db_table
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS {INDEX} ON "{pages}" ("path") WHERE "show_in_menus"'
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
