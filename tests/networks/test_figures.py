"""The networks' figures for facilitators and central staff (per country: networks,
memberships, the share of organisations in a network) on the panel and in the monitoring
report, each user only their countries'; memberships in the open data's HSDS records."""

import csv
import datetime
import io

import pytest
from django.urls import reverse

from directory.factories import (
    CentralStaffFactory,
    CountryFacilitatorFactory,
    NetworkPageFactory,
    OrganisationPageFactory,
)
from networks.figures import NetworkFigures
from networks.models import Membership, MembershipState
from opendata.models import OpenDataPage
from tests.directory.figures import panel_rows, queries, report, sheet
from tests.directory.organisations import refused, registered
from tests.helpers import translate
from tests.opendata.schemas import errors, list_errors, require_schemas

pytestmark = pytest.mark.django_db

API = "/api/hsds"


def member(network, organisation=None, state=MembershipState.ACTIVE, **fields):
    if organisation is not None:
        fields.setdefault("member_key", organisation.translation_key)
        fields.setdefault("country", organisation.get_parent().specific.code)
    return Membership.objects.create(network_key=network.translation_key, state=state, **fields)


@pytest.fixture
def world(portal):
    """Italy: a live network with three members (one of them outside the portal, one Greek), a
    draft network, two live organisations and a draft one; Greece: a live network with an
    Italian member, and a live organisation. Invitations, drafts' memberships and ended ones
    count nowhere."""
    italy, greece = portal.countries["IT"], portal.countries["GR"]
    rete = NetworkPageFactory(parent=italy, title="Rete Sicilia Lavoro")
    draft_network = NetworkPageFactory(parent=italy, title="Rete in bozza", live=False)
    ponte = OrganisationPageFactory(parent=italy, title="Cooperativa Il Ponte")
    arci = OrganisationPageFactory(parent=italy, title="Arci Palermo")
    _user, draft, _account = registered("it", "bozza@example.org", "Cooperativa in bozza")
    diktyo = NetworkPageFactory(parent=greece, title="Diktyo Ergasias", city="Athens")
    ergo = OrganisationPageFactory(parent=greece, title="Ergo Koinsep", city="Athens")

    member(rete, ponte, role="coordinator", since=datetime.date(2024, 3, 1))
    member(rete, ergo, role="member")
    member(
        rete,
        outside_name="Lavoro Senza Confini",
        country="IT",
        outside_website="https://lsc.example.org",
        role="observer",
    )
    member(diktyo, ponte, role="lead_partner", since=datetime.date(2025, 1, 15))
    member(rete, arci, state=MembershipState.INVITED)
    member(draft_network, arci)
    member(diktyo, arci, state=MembershipState.ENDED, until=datetime.date(2025, 6, 1))
    member(rete, draft)
    return {
        "rete": rete,
        "draft_network": draft_network,
        "ponte": ponte,
        "arci": arci,
        "draft": draft,
        "diktyo": diktyo,
        "ergo": ergo,
    }


ITALY = {
    "networks": 1,  # the draft network is not counted
    # Il Ponte in two networks, Lavoro Senza Confini and the draft organisation in one (the
    # figures are the facilitators', who follow drafts too; the public never sees that one).
    "member_memberships": 4,
    "network_memberships": 4,  # Rete Sicilia Lavoro's: Il Ponte, Ergo, the outside, the draft
    "in_a_network": 1,  # Il Ponte (the draft organisation is not live)
    "in_a_network_share": 33,  # of Rete Sicilia Lavoro, Il Ponte, Arci Palermo
}
GREECE = {
    "networks": 1,
    "member_memberships": 1,  # Ergo in Rete Sicilia Lavoro
    "network_memberships": 1,  # Il Ponte in Diktyo Ergasias
    "in_a_network": 1,
    "in_a_network_share": 50,  # of Diktyo Ergasias and Ergo Koinsep
}


def test_figures_per_country(world):
    figures = NetworkFigures().by_country(["IT", "GR", "FR"])
    assert figures["IT"] == ITALY
    assert figures["GR"] == GREECE
    assert figures["FR"] == {
        "networks": 0,
        "member_memberships": 0,
        "network_memberships": 0,
        "in_a_network": 0,
        "in_a_network_share": None,
    }


# The panel -------------------------------------------------------------------------------------


def test_central_staff_see_every_countrys_figures_on_the_panel(client, world):
    client.force_login(CentralStaffFactory())
    rows = panel_rows(client.get(reverse("wagtailadmin_home")).content.decode(), "Networks")
    assert rows["Italy"] == ["1", "4", "4", "1", "33%"]
    assert rows["Greece"] == ["1", "1", "1", "1", "50%"]


def test_a_facilitator_of_italy_sees_only_italys_figures(client, world, portal):
    client.force_login(CountryFacilitatorFactory(country=portal.countries["IT"]))
    rows = panel_rows(client.get(reverse("wagtailadmin_home")).content.decode(), "Networks")
    assert list(rows) == ["Italy"]


def test_an_organisation_gets_no_figures(client, world):
    user, _page, _account = registered("gr", "info@kyklos.example.org", "Kyklos")
    client.force_login(user)
    assert "Networks by country" not in client.get(reverse("wagtailadmin_home")).content.decode()
    for fmt in ("csv", "xlsx"):
        response = client.get(reverse("facilitation_report", args=[fmt]), {"country": "GR"})
        assert refused(response)  # Wagtail's refusal: back to the admin home


# The monitoring report -------------------------------------------------------------------------


def test_the_report_counts_each_organisations_networks_and_members(client, world):
    response = report(client, CentralStaffFactory(), "csv")
    rows = {
        row["Organisation"]: row
        for row in csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
    }
    assert rows["Cooperativa Il Ponte"]["Member of networks"] == "2"
    assert rows["Cooperativa Il Ponte"]["Network's members"] == ""  # not a network
    assert rows["Arci Palermo"]["Member of networks"] == "0"  # invited, in a draft, ended
    assert rows["Rete Sicilia Lavoro"]["Network's members"] == "4"
    assert rows["Diktyo Ergasias"]["Network's members"] == "1"
    assert rows["Ergo Koinsep"]["Member of networks"] == "1"


def test_the_excel_report_has_the_figures_per_country(client, world):
    header, rows = sheet(report(client, CentralStaffFactory(), "xlsx"), "Networks")
    assert header == [
        "Country",
        "Networks",
        "Memberships of its organisations",
        "Memberships of its networks",
        "Organisations in a network",
        "Share of organisations in a network",
    ]
    assert rows["Italy"] == [1, 4, 4, 1, 33]
    assert rows["Greece"] == [1, 1, 1, 1, 50]
    # One country asked for: its figures alone.
    _header, rows = sheet(report(client, CentralStaffFactory(), "xlsx", country="GR"), "Networks")
    assert list(rows) == ["Greece"]


def test_a_facilitator_of_italy_never_gets_greeces_figures_by_url(client, world, portal):
    lucia = CountryFacilitatorFactory(country=portal.countries["IT"])
    for query in ({}, {"country": "GR"}):
        _header, rows = sheet(report(client, lucia, "xlsx", **query), "Networks")
        assert list(rows) == ["Italy"]
    response = report(client, lucia, "csv", country="GR")
    text = response.content.decode("utf-8-sig")
    names = [row["Organisation"] for row in csv.DictReader(io.StringIO(text))]
    assert "Diktyo Ergasias" not in names and "Ergo Koinsep" not in names


def many(portal, count, start=0):
    """`count` organisations in Italy and Greece, each a member of a new network of its own."""
    for n in range(start, start + count):
        country = portal.countries["IT" if n % 2 else "GR"]
        network = NetworkPageFactory(parent=country, title=f"Rete {n:03}")
        page = OrganisationPageFactory(parent=country, title=f"Cooperativa {n:03}")
        member(network, page)
        member(network, outside_name=f"Fuori {n}", country="FR")


def test_the_panel_and_report_cost_the_same_queries_for_few_and_many_organisations(client, portal):
    client.force_login(CentralStaffFactory())
    report_url = reverse("facilitation_report", args=["xlsx"])
    home = reverse("wagtailadmin_home")
    many(portal, 4)
    small = queries(client, home), queries(client, report_url, attention="all")
    many(portal, 40, start=4)
    large = queries(client, home), queries(client, report_url, attention="all")
    assert small == large


# Open data --------------------------------------------------------------------------------------


def api(client, path):
    response = client.get(f"{API}{path}")
    assert response.status_code == 200, response.content
    return response.json()


def test_the_hsds_records_publish_memberships_and_members(client, world):
    ponte = api(client, f"/organizations/{world['ponte'].translation_key}")
    assert ponte["x_memberships"] == [
        {
            "network_id": str(world["diktyo"].translation_key),
            "network_name": "Diktyo Ergasias",
            "role": "lead_partner",
            "since": "2025-01-15",
        },
        {
            "network_id": str(world["rete"].translation_key),
            "network_name": "Rete Sicilia Lavoro",
            "role": "coordinator",
            "since": "2024-03-01",
        },
    ]
    rete = api(client, f"/organizations/{world['rete'].translation_key}")
    # By country, then name; the draft organisation and the invited one are not published.
    assert rete["x_members"] == [
        {
            "organization_id": str(world["ergo"].translation_key),
            "name": "Ergo Koinsep",
            "country": "GR",
            "role": "member",
        },
        {
            "organization_id": str(world["ponte"].translation_key),
            "name": "Cooperativa Il Ponte",
            "country": "IT",
            "role": "coordinator",
            "since": "2024-03-01",
        },
        {
            "name": "Lavoro Senza Confini",
            "country": "IT",
            "website": "https://lsc.example.org",
            "role": "observer",
        },
    ]
    # Arci Palermo: invited, in a draft network, ended: nothing to say.
    arci = api(client, f"/organizations/{world['arci'].translation_key}")
    assert "x_memberships" not in arci and "x_members" not in arci
    listed = {item["name"]: item for item in api(client, "/organizations?per_page=100")["contents"]}
    assert listed["Cooperativa Il Ponte"]["x_memberships"] == ponte["x_memberships"]
    assert "Rete in bozza" not in listed


def test_records_with_memberships_still_validate_against_hsds(client, world):
    require_schemas()
    for key in ("ponte", "rete", "diktyo"):
        record = api(client, f"/organizations/{world[key].translation_key}")
        assert errors("organization", record) == []
    assert list_errors("compiled/organization_list", api(client, "/organizations")) == []


def test_the_api_costs_the_same_queries_for_few_and_many_memberships(client, portal, settings):
    settings.PORTAL_SEARCH_CACHE_SECONDS = 0  # measure the work, not the cache
    many(portal, 4)
    small = queries(client, f"{API}/organizations", per_page=100)
    assert api(client, "/organizations?per_page=100")["size"] == 8  # as long as the data
    many(portal, 30, start=4)
    large = queries(client, f"{API}/organizations", per_page=100)
    assert api(client, "/organizations?per_page=100")["size"] == 68
    assert small == large


def test_the_open_data_page_describes_the_memberships(client, portal):
    page = OpenDataPage(title="Open data", slug="open-data", locale=portal.home.locale)
    portal.home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/en/open-data/").content.decode()
    assert "<code>x_memberships</code>" in html
    assert "<code>x_members</code>" in html


def test_a_kept_answer_is_forgotten_when_a_membership_changes(client, world, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300  # anonymous answers are kept
    path = f"/organizations/{world['arci'].translation_key}"
    assert "x_memberships" not in api(client, path)
    invitation = Membership.objects.get(
        network_key=world["rete"].translation_key, member_key=world["arci"].translation_key
    )
    invitation.state = MembershipState.ACTIVE  # accepted
    invitation.save()
    assert [item["network_name"] for item in api(client, path)["x_memberships"]] == [
        "Rete Sicilia Lavoro"
    ]


def test_a_network_is_named_in_the_answers_language_where_translated(client, world):
    translate(world["diktyo"], "el", title="Δίκτυο Εργασίας")
    path = f"/organizations/{world['ponte'].translation_key}"
    names = [item["network_name"] for item in api(client, f"{path}?lang=el")["x_memberships"]]
    assert names == ["Rete Sicilia Lavoro", "Δίκτυο Εργασίας"]  # the other in English
    names = [item["network_name"] for item in api(client, f"{path}?lang=en")["x_memberships"]]
    assert names == ["Diktyo Ergasias", "Rete Sicilia Lavoro"]
