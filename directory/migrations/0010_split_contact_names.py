"""Registration used to store the contact person's whole name as the first name, which left the
last name empty and stopped the account settings from saving: its last word becomes the last
name."""

from django.conf import settings
from django.db import migrations


def split_names(apps, schema_editor):
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    users = User.objects.filter(last_name="", first_name__contains=" ")
    for user in users.only("pk", "first_name"):
        first_name, _space, last_name = user.first_name.strip().rpartition(" ")
        if first_name and last_name:
            User.objects.filter(pk=user.pk).update(
                first_name=first_name.strip(), last_name=last_name
            )


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0009_enquiry_reply"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(split_names, migrations.RunPython.noop)]
