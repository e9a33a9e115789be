"""Two indexes that let PostgreSQL answer a search from the index, not by reading every row.

- A GIN index on the whole document (title || body) of Wagtail's search index. Wagtail's
  database backend matches `title || body` against the query; its own GIN indexes are on
  `title` and on `body` apart, which that expression cannot use.
- An index on the page id as text: Wagtail's index entries point at their object by a text id,
  so without it the join from the few matching entries back to their pages reads every page.
"""

from django.db import migrations

INDEX = "search_indexentry_document_gin"
PAGE_INDEX = "search_page_id_text"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    pages = apps.get_model("wagtailcore", "Page")._meta.db_table
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS {INDEX} ON "{table}" USING gin (("title" || "body"))'
    )
    # The same expression as the join Wagtail writes: "id"::varchar(50) = "object_id".
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS {PAGE_INDEX} ON "{pages}" ((("id")::varchar(50)))'
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(f"DROP INDEX IF EXISTS {PAGE_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailsearch", "0010_add_text_fields"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
