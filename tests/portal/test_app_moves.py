"""Email and the featured organisations left the facilitators app with their rows intact.

The test goes back to the migrations before the move, writes rows as the old apps knew them,
migrates forward and reads them through the new apps.
"""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from emails.models import EmailTemplate, OutboxEmail
from featured.models import FeaturedOrganisation
from tests.directory.organisations import registered

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor == "sqlite",
        reason="SQLite cannot alter tables inside the test's transaction; CI runs it on PostgreSQL",
    ),
]

BEFORE = [
    ("facilitators", "0007_featured_organisations"),
    ("directory", "0006_grant_mark_good_practice"),
    ("collaboration", "0001_initial"),
    ("emails", None),
    ("featured", None),
]


def migrate(targets):
    with connection.cursor() as cursor:  # PostgreSQL alters no table with checks still pending
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    MigrationExecutor(connection).migrate(targets)
    nodes = [target for target in targets if target[1] is not None]  # (app, None): not there
    return MigrationExecutor(connection).loader.project_state(nodes).apps


def test_rows_and_permissions_survive_the_move(portal):
    organisation = registered()[1]
    staff = Group.objects.create(name="Mail readers")
    staff.permissions.add(Permission.objects.get(codename="resend_outboxemail"))
    ContentType.objects.clear_cache()

    old = migrate(BEFORE)
    OldTemplate = old.get_model("facilitators", "EmailTemplate")
    template = OldTemplate.objects.get(key="welcome", locale__language_code="en")
    template.subject = "Benvenuti, {organisation_name}"
    template.save()
    email = old.get_model("facilitators", "OutboxEmail").objects.create(
        to=["info@ilponte.example"],
        from_email="portal@morethanajob.example",
        subject="Hello",
        body_text="Text",
        organisation_id=organisation.pk,
    )
    contact = old.get_model("facilitators", "ContactLog").objects.create(
        organisation_key=organisation.translation_key,
        organisation_id=organisation.pk,
        channel="email",
        email_id=email.pk,
    )
    feature = old.get_model("facilitators", "FeaturedOrganisation").objects.create(
        organisation_key=organisation.translation_key,
        organisation_id=organisation.pk,
        starts_on=datetime.date(2026, 12, 1),
        ends_on=datetime.date(2026, 12, 7),
        captions={"en": "Meet Il Ponte"},
    )

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    assert EmailTemplate.objects.get(pk=template.pk).subject == "Benvenuti, {organisation_name}"
    moved = OutboxEmail.objects.get(pk=email.pk)
    assert (moved.to, moved.organisation_id) == (["info@ilponte.example"], organisation.pk)
    assert moved.contacts.get().pk == contact.pk
    assert FeaturedOrganisation.objects.get(pk=feature.pk).captions == {"en": "Meet Il Ponte"}
    assert staff.permissions.get().content_type.app_label == "emails"
    assert ContentType.objects.get_for_model(FeaturedOrganisation).app_label == "featured"
