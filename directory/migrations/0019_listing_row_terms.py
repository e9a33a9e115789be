"""Each listing row holds its page's vocabulary terms (`ListingRow.terms`), as its
`ListingTerm` rows say, so that listings filter and count terms on the rows alone."""

from django.db import migrations, models


def fill_terms(apps, schema_editor):
    ListingRow = apps.get_model("directory", "ListingRow")
    ListingTerm = apps.get_model("directory", "ListingTerm")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "UPDATE directory_listingrow AS row SET terms = t.tokens FROM ("
            "  SELECT page_id, ' ' || string_agg(DISTINCT vocabulary || ':' || slug, ' ') || ' '"
            "  AS tokens FROM directory_listingterm GROUP BY page_id"
            ") AS t WHERE t.page_id = row.page_id"
        )
        return
    by_page = {}
    for page_id, vocabulary, slug in ListingTerm.objects.values_list(
        "page_id", "vocabulary", "slug"
    ):
        by_page.setdefault(page_id, set()).add(f"{vocabulary}:{slug}")
    rows = list(ListingRow.objects.filter(page_id__in=list(by_page)))
    for row in rows:
        row.terms = f" {' '.join(sorted(by_page[row.page_id]))} "
    ListingRow.objects.bulk_update(rows, ["terms"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0018_listing_words"),
    ]

    operations = [
        migrations.AddField(
            model_name="listingrow",
            name="terms",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill_terms, migrations.RunPython.noop),
    ]
