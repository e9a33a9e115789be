"""Central staff and every country's facilitators may mark good practices.

New groups get the permission from directory/permissions.py (sync_central_staff, sync_country);
this gives it to the groups that already exist. Django creates a model's permissions only after
all migrations have run, so it is made here if it is not there yet (under the same codename,
which Django then finds and keeps).
"""

from django.db import migrations
from django.db.models import Q

CODENAME = "mark_good_practice"
GROUPS = Q(name="Central staff") | Q(name__startswith="Facilitators: ")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="directory", model="portfolioprojectpage"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=CODENAME,
        defaults={"name": "Can mark a portfolio project as a good practice"},
    )
    for group in Group.objects.filter(GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(content_type__app_label="directory", codename=CODENAME)
    for group in Group.objects.filter(GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("directory", "0005_good_practices"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
