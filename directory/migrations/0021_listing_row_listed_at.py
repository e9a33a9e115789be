"""When each piece of content got its listing rows (`ListingRow.listed_at`), for the alerts of
a saved search and the news digest. Rows already there take their version's first publication
(else the time of the migration): nothing listed before it counts as new afterwards."""

import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def from_first_publication(apps, schema_editor):
    from django.db.models import F
    from django.db.models.functions import Coalesce, Least, Now

    ListingRow = apps.get_model("directory", "ListingRow")
    rows = ListingRow.objects.using(schema_editor.connection.alias)
    rows.update(listed_at=Least(Coalesce(F("published_at"), Now()), Now()))


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0020_listing_row_page'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='listingrow',
            name='listed_at',
            field=models.DateTimeField(default=django.utils.timezone.now, editable=False),
        ),
        migrations.AddIndex(
            model_name='listingrow',
            index=models.Index(fields=['language', 'listing', 'listed_at'], name='listing_listed_at'),
        ),
        migrations.RunPython(from_first_publication, migrations.RunPython.noop),
    ]
