import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.completeness import RULES, completeness_of, is_only_an_acronym, missing_items
from directory.factories import (
    ExpertiseCategoryFactory,
    OrganisationPageFactory,
    PortfolioProjectPageFactory,
    ServicePageFactory,
)
from tests.helpers import translate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("title", "acronym", "only_acronym"),
    [
        ("CESIE", "", True),
        ("Cesie", "CESIE", True),
        ("", "", True),
        ("Centro Studi e Iniziative Europeo", "CESIE", False),
        ("Arci Palermo", "", False),
        ("Emmaus", "", False),
    ],
)
def test_a_full_name_is_more_than_an_acronym(title, acronym, only_acronym):
    assert is_only_an_acronym(title, acronym) is only_acronym


def complete_organisation(portal):
    italy_it = portal.localized(portal.countries["IT"], "it")
    image = wagtail_factories.ImageFactory()
    organisation = OrganisationPageFactory(
        parent=italy_it,
        title="Cooperativa Sociale Il Ponte",
        acronym="CSIP",
        phone="+39 091 000000",
        logo=image,
        cover_image=image,
    )
    organisation.expertise_categories.add(ExpertiseCategoryFactory())
    organisation.save_revision().publish()
    ServicePageFactory(parent=organisation)
    PortfolioProjectPageFactory(parent=organisation)
    translate(organisation, "en", title="Il Ponte Social Cooperative")
    return organisation


def test_a_profile_with_everything_is_complete(portal):
    completeness = completeness_of(complete_organisation(portal))
    assert completeness.complete
    assert completeness.share == 100


def test_every_missing_item_is_named(portal):
    italy_it = portal.localized(portal.countries["IT"], "it")
    bare = OrganisationPageFactory(
        parent=italy_it, title="ARCI", short_description="", email="", phone=""
    )
    completeness = completeness_of(bare)
    expected = [rule.code for rule in RULES if rule.code != "national_language"]
    assert completeness.missing_codes == expected
    assert completeness.share == 10


def test_english_only_profile_lacks_the_national_language(portal):
    image = wagtail_factories.ImageFactory()
    organisation = OrganisationPageFactory(
        parent=portal.countries["IT"], title="Bridges Network", logo=image, cover_image=image
    )
    organisation.expertise_categories.add(ExpertiseCategoryFactory())
    organisation.save_revision().publish()
    ServicePageFactory(parent=organisation)
    PortfolioProjectPageFactory(parent=organisation)
    assert completeness_of(organisation).missing_codes == ["national_language"]
    translate(organisation, "it", title="Rete Ponti")
    assert completeness_of(organisation).complete


def test_unpublished_services_do_not_count(portal):
    organisation = complete_organisation(portal)
    for service in organisation.get_children().live():
        if service.specific_class.__name__ == "ServicePage":
            service.unpublish()
    assert completeness_of(organisation).missing_codes == ["service"]


def test_checking_many_profiles_takes_a_fixed_number_of_queries(portal):
    organisations = [complete_organisation(portal)]
    with CaptureQueriesContext(connection) as one:
        missing_items(organisations)
    italy_it = portal.localized(portal.countries["IT"], "it")
    organisations += [OrganisationPageFactory(parent=italy_it) for _ in range(10)]
    with CaptureQueriesContext(connection) as eleven:
        result = missing_items(organisations)
    assert len(one) == len(eleven)
    assert result[organisations[0].pk].complete
    assert not result[organisations[-1].pk].complete
