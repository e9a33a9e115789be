"""A network's profile: what its editors fill in, and what its public page says of how it works."""

import json
import re

import pytest
from django.urls import reverse
from wagtail_localize.models import StringSegment, TranslationSource

from directory.factories import (
    ExpertiseCategoryFactory,
    NetworkPageFactory,
    NetworkPurposeFactory,
    OrganisationPageFactory,
    place_named,
)
from directory.models import OrganisationPage
from tests.helpers import publish, term, translate
from tests.networks.editing import edit_data

pytestmark = pytest.mark.django_db


def json_ld(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


@pytest.fixture
def network(portal):
    """A regional consortium of Sicily, thematic, deciding by consensus, with two purposes."""
    italy = portal.countries["IT"]
    purposes = [
        term(NetworkPurposeFactory, "advocacy", {"en": "Advocacy", "ar": "المناصرة"})["en"],
        NetworkPurposeFactory(name="Training of members", slug="training"),
    ]
    theme = ExpertiseCategoryFactory(name="Work integration", slug="work-integration")
    page = NetworkPageFactory(
        parent=italy,
        title="Rete Sicilia Lavoro",
        territory="Western Sicily and its islands",
        decision_making="consensus",
        decision_making_details="The assembly of members meets every three months.",
        founded=2014,
        legal_entity=False,
        coordinator_contact="Anna Greco",
        coordinator_email="coordinamento@retesicilia.example.org",
    )
    page.network_purposes.set(purposes)
    page.network_themes.set([theme])
    page.territory_places.set([place_named("Palermo", italy), place_named("Trapani", italy)])
    return publish(page)


def test_a_networks_page_says_how_it_works(client, network):
    html = client.get(network.url).content.decode()
    section = html[html.index('id="network-profile"') :]
    section = section[: section.index("</section>")]
    for text in (
        "How this network works",
        "Consortium based on an agreement",
        "Regional",
        "Thematic",
        "Palermo · Trapani · <span>Western Sicily and its islands</span>",
        "Advocacy",
        "Training of members",
        "Work integration",
        "By consensus of the members",
        "The assembly of members meets every three months.",
        "2014",
        "No, the network has no legal entity of its own",
        "Anna Greco",
        "mailto:coordinamento@retesicilia.example.org",
    ):
        assert text in section, text


def test_search_engines_read_when_and_where_a_network_works(client, network):
    [data] = json_ld(client.get(network.url).content.decode())
    assert data["@type"] == "Organization"
    assert data["foundingDate"] == "2014"
    assert data["areaServed"] == ["Palermo", "Trapani", "Western Sicily and its islands"]
    assert data["knowsAbout"] == ["Work integration"]


def test_an_organisation_that_is_not_a_network_has_no_such_section(client, portal):
    page = OrganisationPageFactory(parent=portal.countries["IT"], title="Cooperativa Il Ponte")
    html = client.get(page.url).content.decode()
    assert "Cooperativa Il Ponte" in html
    assert 'id="network-profile"' not in html
    assert "foundingDate" not in html


def test_the_profile_reads_right_to_left_in_arabic(client, network):
    arabic = translate(
        network,
        "ar",
        title="شبكة صقلية للعمل",
        territory="غرب صقلية وجزرها",
        decision_making_details="تجتمع جمعية الأعضاء كل ثلاثة أشهر.",
    )
    html = client.get(arabic.url).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    section = html[html.index('id="network-profile"') :]
    section = section[: section.index("</section>")]
    assert "غرب صقلية وجزرها" in section
    assert "تجتمع جمعية الأعضاء كل ثلاثة أشهر." in section
    assert "المناصرة" in section  # the purpose, named in Arabic
    assert "2014" in section


def test_translators_get_the_networks_texts_and_not_its_codes(network):
    source, _created = TranslationSource.get_or_create_from_instance(network)
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert "Western Sicily and its islands" in texts
    assert "The assembly of members meets every three months." in texts
    assert "consensus" not in texts
    assert "coordinamento@retesicilia.example.org" not in texts


def test_the_editor_shows_the_network_fields_to_networks_only(staff_client, portal, network):
    cooperative = OrganisationPageFactory(parent=portal.countries["IT"])
    edit = "wagtailadmin_pages:edit"
    assert 'name="network_form"' in staff_client.get(reverse(edit, args=[network.pk])).text
    assert 'name="network_form"' not in staff_client.get(reverse(edit, args=[cooperative.pk])).text


def test_a_networks_editor_saves_its_profile(staff_client, network):
    purpose = NetworkPurposeFactory(name="Joint treatment of cases", slug="joint-cases")
    data = edit_data(
        network,
        network_form="federation",
        network_level="national",
        network_orientation="both",
        network_purposes=[purpose.pk],
        decision_making="legal_entity",
        founded="1998",
        legal_entity="true",
        coordinator_contact="Marco Lo Presti",
    )
    response = staff_client.post(reverse("wagtailadmin_pages:edit", args=[network.pk]), data)
    assert response.status_code == 302
    saved = OrganisationPage.objects.get(pk=network.pk).get_latest_revision_as_object()
    assert (saved.network_form, saved.network_level, saved.network_orientation) == (
        "federation",
        "national",
        "both",
    )
    assert [p.name for p in saved.network_purposes.all()] == ["Joint treatment of cases"]
    assert (saved.founded, saved.legal_entity) == (1998, True)
    assert saved.decision_making == "legal_entity"


def test_an_impossible_founding_year_is_refused_with_a_message(staff_client, network):
    response = staff_client.post(
        reverse("wagtailadmin_pages:edit", args=[network.pk]), edit_data(network, founded="3020")
    )
    assert response.status_code == 200
    assert "founded" in response.context["form"].errors
