# The outbox's link to the organisation an email is about points at the page itself (the same
# ids: an organisation's page is its wagtailcore page), so that email needs nothing from the
# directory app; the outbox then moves to the emails app (emails/0001_initial).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("facilitators", "0007_featured_organisations"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="outboxemail",
            name="organisation",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="emails",
                to="wagtailcore.page",
                verbose_name="organisation",
            ),
        ),
    ]
