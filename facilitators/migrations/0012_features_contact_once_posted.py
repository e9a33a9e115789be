"""A feature on social media is a contact with the organisation once it is posted, on the day it
was posted: the contacts written for features only planned (or skipped) go, and those of posted
features take their posted date."""

import datetime

from django.db import migrations
from django.utils import timezone


def posted_moment(day):
    """Noon of the posted day, in the portal's time zone (never later than now)."""
    noon = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    return min(noon, timezone.now())


def features_count_once_posted(apps, schema_editor):
    ContactLog = apps.get_model("facilitators", "ContactLog")
    contacts = ContactLog.objects.filter(featured__isnull=False)
    contacts.exclude(featured__status="posted").delete()
    for contact in contacts.filter(featured__posted_on__isnull=False).select_related("featured"):
        contact.contacted_at = posted_moment(contact.featured.posted_on)
        contact.save(update_fields=["contacted_at"])


class Migration(migrations.Migration):
    dependencies = [
        ("facilitators", "0011_contact_outcome_and_follow_up"),
        ("featured", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(features_count_once_posted, migrations.RunPython.noop),
    ]
