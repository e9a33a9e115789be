"""The list of networks, /<lang>/networks/: every filter with its counts, each network once per
language in the visitor's best version, sizes that follow the memberships, Arabic right to left.

The networks (organisations whose kind is "network"):
  sicily    Rete Sicilia Lavoro, Italy, consortium, regional, thematic, work integration;
            3 active members (2-5), and a declined and an ended one that do not count
  mentors   Mediterranean Mentors, Greece, informal, international, territorial and thematic,
            work integration and training; 7 active members (6-20); translated into Arabic
  piraeus   Symmachia Peiraia, Greece, written in Greek only, formal association, local,
            territorial, no theme; 1 member (no size)
Not listed: a cooperative (not a network), a network never published.
"""

import datetime

import pytest

from directory.factories import (
    ExpertiseCategoryFactory,
    NetworkPageFactory,
    OrganisationPageFactory,
)
from directory.models import ListingRow
from emails.models import OutboxEmail
from networks import memberships
from networks.factories import NetworkIndexPageFactory
from networks.listing import NETWORKS
from networks.models import Membership, MembershipState
from search.alerts import send_search_alerts
from tests.directory.organisations import registered
from tests.helpers import card_titles, filter_counts, publish, translate
from tests.subscriptions.alerts import listed_long_ago, search_alert

pytestmark = pytest.mark.django_db


def members(network, count, state=MembershipState.ACTIVE):
    for n in range(count):
        Membership.objects.create(
            network_key=network.translation_key,
            outside_name=f"{network.title} member {n}",
            country="IT",
            state=state,
        )


@pytest.fixture
def world(portal):
    index = NetworkIndexPageFactory(parent=portal.home, show_in_menus=True)
    for code in ("it", "el", "ar"):
        translate(index, code)
    work = ExpertiseCategoryFactory(name="Work integration", slug="work-integration")
    training = ExpertiseCategoryFactory(name="Training", slug="training")
    ExpertiseCategoryFactory(name="Care", slug="care")
    italy, greece = portal.countries["IT"], portal.countries["GR"]

    sicily = NetworkPageFactory(parent=italy, title="Rete Sicilia Lavoro")
    sicily.network_themes.set([work])
    sicily = publish(sicily)
    members(sicily, 3)
    members(sicily, 1, MembershipState.DECLINED)
    members(sicily, 1, MembershipState.ENDED)

    mentors = NetworkPageFactory(
        parent=greece,
        title="Mediterranean Mentors",
        network_form="informal",
        network_level="international",
        network_orientation="both",
    )
    mentors.network_themes.set([work, training])
    mentors = publish(mentors)
    members(mentors, 7)
    mentors_ar = translate(mentors, "ar", title="مرشدو المتوسط")

    piraeus = NetworkPageFactory(
        parent=portal.localized(greece, "el"),
        title="Symmachia Peiraia",
        network_form="formal_association",
        network_level="local",
        network_orientation="territorial",
    )
    members(piraeus, 1)

    OrganisationPageFactory(parent=italy, title="Cooperativa Il Ponte")
    draft = NetworkPageFactory(parent=italy, title="Rete in preparazione", live=False)
    draft.save_revision()
    return index, sicily, mentors, mentors_ar, piraeus


def listing(client, language="en", **params):
    response = client.get(f"/{language}/networks/", params)
    assert response.status_code == 200
    return response


def listed(client, language="en", **params):
    return card_titles(listing(client, language, **params).content.decode())


def counts(client, **params):
    """{filter: {value: the count shown beside it}}."""
    return filter_counts(listing(client, **params))


def test_the_list_shows_the_live_networks_only_with_what_they_are(client, world):
    html = listing(client).content.decode()
    assert sorted(card_titles(html)) == [
        "Mediterranean Mentors",
        "Rete Sicilia Lavoro",
        "Symmachia Peiraia",
    ]
    assert "Cooperativa Il Ponte" not in html and "Rete in preparazione" not in html
    assert "3 networks" in html
    card = html[html.index("Rete Sicilia Lavoro") :]
    card = card[: card.index("</article>")]
    for text in ("Regional", "Italy", "<dd>3</dd>", "Work integration"):
        assert text in card, text
    assert "Consortium based on an agreement" in html[: html.index("Rete Sicilia Lavoro")]


def test_each_filter_value_shows_how_many_networks_it_would_give(client, world):
    shown = counts(client)
    assert shown["form"] == {
        "informal": 1,
        "consortium": 1,
        "project_partnership": 0,
        "formal_association": 1,
        "federation": 0,
    }
    assert shown["level"] == {"local": 1, "regional": 1, "national": 0, "international": 1}
    # A network both territorial and thematic counts under each, and under "both".
    assert shown["orientation"] == {"territorial": 2, "thematic": 2, "both": 1}
    assert shown["country"] == {"gr": 2, "it": 1}
    assert shown["theme"] == {"care": 0, "training": 1, "work-integration": 2}
    assert shown["size"] == {"2-5": 1, "6-20": 1, "21-100": 0, "over-100": 0}


def test_each_filter_narrows_the_list_and_the_other_counts(client, world):
    assert listed(client, form="informal") == ["Mediterranean Mentors"]
    assert listed(client, level="local") == ["Symmachia Peiraia"]
    assert sorted(listed(client, orientation="thematic")) == [
        "Mediterranean Mentors",
        "Rete Sicilia Lavoro",
    ]
    assert listed(client, orientation="both") == ["Mediterranean Mentors"]
    assert listed(client, country="it") == ["Rete Sicilia Lavoro"]
    assert listed(client, theme="training") == ["Mediterranean Mentors"]
    assert listed(client, size="2-5") == ["Rete Sicilia Lavoro"]
    assert listed(client, size="21-100") == []
    # With a filter in force, the others count what is left; its own counts ignore it.
    shown = counts(client, country="gr")
    assert shown["form"]["consortium"] == 0 and shown["form"]["informal"] == 1
    assert shown["country"] == {"gr": 2, "it": 1}
    assert shown["size"] == {"2-5": 0, "6-20": 1, "21-100": 0, "over-100": 0}
    assert listed(client, country="gr", level="international", theme="work-integration") == [
        "Mediterranean Mentors"
    ]


def test_a_value_that_is_no_choice_is_left_out_not_an_error(client, world):
    response = listing(client, size="huge", form="<script>", country="zz")
    assert len(card_titles(response.content.decode())) == 3
    assert client.get("/en/networks/", {"page": "x"}).status_code in (200, 404)


def test_words_find_networks_here_and_in_the_main_search(client, world):
    assert listed(client, q="Sicilia") == ["Rete Sicilia Lavoro"]
    assert listed(client, q="Sicilia", country="gr") == []
    html = client.get("/en/search/", {"q": "Mediterranean Mentors"}).content.decode()
    assert "Mediterranean Mentors" in card_titles(html)


def test_each_network_is_listed_once_per_language_in_its_best_version(client, world):
    _index, _sicily, mentors, mentors_ar, piraeus = world
    for language in ("en", "it", "el", "ar"):
        titles = listed(client, language)
        assert len(titles) == 3, (language, titles)
        assert len(set(titles)) == 3
    assert "مرشدو المتوسط" in listed(client, "ar")
    assert "Mediterranean Mentors" in listed(client, "it")  # no Italian version: English
    rows = ListingRow.objects.filter(listing=NETWORKS, translation_key=mentors.translation_key)
    assert dict(rows.values_list("language", "page_id"))["ar"] == mentors_ar.pk
    assert rows.count() == 4
    # Written in Greek only: shown in Greek to everyone, marked as such.
    html = listing(client, "en").content.decode()
    assert 'lang="el"' in html[html.index("Symmachia Peiraia") - 200 : html.index("Symmachia")]


def test_the_list_reads_right_to_left_in_arabic(client, world):
    html = listing(client, "ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "مرشدو المتوسط" in html
    # An English card on the Arabic page says its own language and direction.
    start = html.index("Rete Sicilia Lavoro")
    assert 'lang="en" dir="ltr"' in html[start - 200 : start]


def test_the_size_follows_memberships_accepted_and_ended(client, portal, world, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300  # kept pages too are forgotten
    network_editor, network, _account = registered("it", "rete@nord.example.org", "Rete Nord")
    network.kind, network.network_form = "network", "federation"
    network = publish(network)
    members(network, 5)
    assert sorted(listed(client, size="2-5")) == ["Rete Nord", "Rete Sicilia Lavoro"]
    member_editor, member, _account = registered("gr", "info@vita.example.org", "Synergasia Vita")
    publish(member)

    invitation = memberships.invite(network, member, network_editor)
    assert "Rete Nord" in listed(client, size="2-5")  # invited only: not a member yet
    memberships.accept(invitation, member_editor)
    assert "Rete Nord" in listed(client, size="6-20")
    assert "Rete Nord" not in listed(client, size="2-5")
    assert counts(client)["size"]["6-20"] == 2
    card = listing(client, form="federation").content.decode()
    assert "<dd>6</dd>" in card

    memberships.end(invitation, member_editor)
    assert "Rete Nord" in listed(client, size="2-5")
    assert counts(client)["size"]["6-20"] == 1


def test_the_list_offers_to_email_new_results_and_sends_them(client, portal, world, monkeypatch):
    monkeypatch.setattr("subscriptions.digests.SETTLE", datetime.timedelta(0))
    html = listing(client, form="consortium").content.decode()
    assert 'name="listing" value="networks"' in html
    listed_long_ago()
    search_alert("en", filters={"form": ["consortium"]}, listing="networks")
    assert send_search_alerts() == 0, "the networks listed before are not new"

    italy = portal.countries["IT"]
    publish(NetworkPageFactory(parent=italy, title="Rete Etna", network_form="federation"))
    assert send_search_alerts() == 0, "new, but another form"
    publish(NetworkPageFactory(parent=italy, title="Consorzio Nebrodi"))
    assert send_search_alerts() == 1
    email = OutboxEmail.objects.get(template_key="search_alert")
    assert "Consorzio Nebrodi — Italy" in email.body_text
    assert "Rete Etna" not in email.body_text and "Rete Sicilia Lavoro" not in email.body_text
    assert "/en/networks/?form=consortium" in email.body_text


def test_the_list_is_in_the_main_menu(client, world):
    html = client.get("/en/").content.decode()
    assert 'href="/en/networks/"' in html
