"""An organisation's stored standing follows every change it is worked out from."""

import pytest
import wagtail_factories
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from directory.completeness import completeness_of
from directory.factories import (
    ExpertiseCategoryFactory,
    OrganisationPageFactory,
    PortfolioProjectPageFactory,
    ServicePageFactory,
)
from directory.models import OrganisationPage, OrganisationStanding
from directory.standing import REFRESHED_FIELDS, current_standings, refresh
from emails.factories import OutboxEmailFactory
from emails.models import OutboxEmail
from tests.directory.organisations import registered
from tests.directory.test_completeness import complete_organisation
from tests.helpers import translate

pytestmark = pytest.mark.django_db

#: What a standing holds, but when it was worked out.
COMPARED = [
    "page_id" if name == "page" else name
    for name in REFRESHED_FIELDS
    if name not in ("stale", "refreshed_at")
]


def standing_of(organisation):
    return current_standings().get(translation_key=organisation.translation_key)


def snapshot():
    return {
        row["translation_key"]: row
        for row in OrganisationStanding.objects.values("translation_key", *COMPARED)
    }


def assert_in_step():
    """What the portal kept equals what a recomputation from scratch finds."""
    current_standings()
    kept = snapshot()
    refresh()
    assert snapshot() == kept


def test_a_new_organisation_has_its_standing_at_once(portal):
    organisation = OrganisationPageFactory(parent=portal.countries["IT"], title="ARCI")
    standing = standing_of(organisation)
    assert standing.page_id == organisation.pk
    assert standing.country_code == "IT"
    assert not standing.complete
    assert standing.missing.split(",") == completeness_of(organisation).missing_codes


def test_a_complete_organisation_stands_complete(portal):
    organisation = complete_organisation(portal)
    standing = standing_of(organisation)
    assert standing.complete and standing.share == 100
    assert standing.services == 1 and standing.projects == 1
    assert standing.live
    assert_in_step()


def test_services_published_and_unpublished_are_counted(portal):
    organisation = OrganisationPageFactory(parent=portal.countries["IT"])
    assert standing_of(organisation).services == 0
    service = ServicePageFactory(parent=organisation)
    assert standing_of(organisation).services == 1
    service.unpublish()
    assert standing_of(organisation).services == 0
    assert "service" in standing_of(organisation).missing
    service.save_revision().publish()
    assert standing_of(organisation).services == 1
    service.delete()
    assert standing_of(organisation).services == 0
    assert_in_step()


def test_expertise_logo_and_projects_count_as_they_change(portal):
    organisation = OrganisationPageFactory(parent=portal.countries["IT"], logo=None)
    assert "expertise" in standing_of(organisation).missing
    organisation.expertise_categories.add(ExpertiseCategoryFactory())
    organisation.save_revision().publish()  # as the profile's form saves it
    assert "expertise" not in standing_of(organisation).missing
    PortfolioProjectPageFactory(parent=organisation)
    assert "portfolio" not in standing_of(organisation).missing
    image = wagtail_factories.ImageFactory()
    organisation.logo = image
    organisation.save_revision().publish()
    assert "logo" not in standing_of(organisation).missing
    image.delete()  # the page keeps no logo: the database empties the link
    assert "logo" in standing_of(organisation).missing
    assert_in_step()


def test_a_translation_and_a_move_change_languages_and_country(portal):
    italy_it = portal.localized(portal.countries["IT"], "it")
    organisation = OrganisationPageFactory(parent=italy_it, title="Rete Ponti")
    assert "english" in standing_of(organisation).missing
    translate(organisation, "en", title="Bridges Network")
    assert "english" not in standing_of(organisation).missing
    organisation.move(portal.localized(portal.countries["GR"], "it"), pos="last-child")
    assert standing_of(organisation).country_code == "GR"
    assert_in_step()


def test_verification_and_delivery_show(portal):
    _user, organisation, account = registered()
    email = OutboxEmailFactory(organisation=organisation, status=OutboxEmail.Status.SENT)
    assert standing_of(organisation).last_email_status == OutboxEmail.Status.SENT
    email.status = OutboxEmail.Status.BOUNCED
    email.save()
    assert standing_of(organisation).last_email_status == OutboxEmail.Status.BOUNCED
    assert not standing_of(organisation).verified
    account.verified = True
    account.save()
    assert standing_of(organisation).verified
    assert_in_step()


def test_the_first_version_deleted_hands_the_standing_to_the_next(portal):
    italy_it = portal.localized(portal.countries["IT"], "it")
    organisation = OrganisationPageFactory(parent=italy_it, title="Rete Ponti")
    english = translate(organisation, "en", title="Bridges Network")
    OrganisationPage.objects.get(pk=organisation.pk).delete()
    standing = standing_of(english)
    assert standing.page_id == english.pk
    assert standing.title == "Bridges Network"
    english.delete()
    assert not current_standings().filter(translation_key=english.translation_key).exists()


def test_a_change_rolled_back_leaves_the_standing_as_it_was(portal):
    organisation = OrganisationPageFactory(parent=portal.countries["IT"])
    before = standing_of(organisation).services
    with pytest.raises(RuntimeError), transaction.atomic():
        ServicePageFactory(parent=organisation)
        raise RuntimeError
    assert standing_of(organisation).services == before == 0
    assert not OrganisationStanding.objects.filter(stale=True).exists()


def test_current_standings_cost_one_query_when_nothing_changed(portal):
    for n in range(3):
        OrganisationPageFactory(parent=portal.countries["IT"], title=f"Organisation {n}")
    current_standings()
    with CaptureQueriesContext(connection) as queries:
        assert current_standings().count() == 3
    assert len(queries) == 2  # the stale ones (none), then the count


def test_working_out_costs_the_same_queries_for_3_and_30_organisations(portal):
    counts = []
    for size in (3, 30):
        for _n in range(size):
            organisation = OrganisationPageFactory(parent=portal.countries["GR"])
            ServicePageFactory(parent=organisation)
        OrganisationStanding.objects.update(stale=True)
        with CaptureQueriesContext(connection) as queries:
            current_standings()
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
