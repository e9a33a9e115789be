"""What "new" means for the alerts and the digests: when a piece of content got its listing rows
(`ListingRow.listed_at`). An edit, a translation or a full refresh keeps it; content that left
the listings and comes back is new again."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from directory import listing_rows
from directory.factories import OrganisationPageFactory, ServicePageFactory
from directory.models import ListingRow
from tests.helpers import publish, translate

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.now() - datetime.timedelta(days=30)


def listed_at(page):
    """{language: listed at} of the content's rows."""
    listing_rows.current()
    rows = ListingRow.objects.filter(translation_key=page.translation_key)
    return dict(rows.values_list("language", "listed_at"))


@pytest.fixture
def course(portal):
    italy = portal.localized(portal.countries["IT"], "it")
    organisation = publish(OrganisationPageFactory(parent=italy, title="Cooperativa Il Faro"))
    service = publish(ServicePageFactory(parent=organisation, title="Corso di cucina"))
    first = listed_at(service)
    assert set(first) == {"en", "it", "el", "ar"}
    assert len(set(first.values())) == 1, "one moment for the content, in every language"
    assert timezone.now() - first["en"] < datetime.timedelta(minutes=1)
    ListingRow.objects.update(listed_at=LONG_AGO)
    return service


def test_edits_translations_and_refreshes_keep_when_content_was_listed(course):
    course.title = "Corso di cucina per giovani"
    publish(course)
    assert set(listed_at(course).values()) == {LONG_AGO}
    translate(course, "en", title="Cooking course")
    assert set(listed_at(course).values()) == {LONG_AGO}, "the English rows show the new version"
    publish(course.get_parent().specific)  # its organisation's subtree is worked out again
    call_command("refresh_listings", verbosity=0)
    assert set(listed_at(course).values()) == {LONG_AGO}


def test_content_back_in_the_listings_is_new_again(course):
    course.unpublish()
    assert listed_at(course) == {}
    publish(course)
    assert all(moment > LONG_AGO for moment in listed_at(course).values())
