"""A visitor never leaves their language by following a card, a crumb or the language switcher.

An English-only organisation in Greece and its English-only service are served at addresses in the
visitor's language (/it/<directory>/<greece>/<slug>/), in English, marked with their own `lang`
and `dir`, inside the visitor's interface; their canonical address and the sitemap's stay their
own. Addresses that lead to no live page are 404s.
"""

import re
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from directory.factories import (
    ExpertiseCategoryFactory,
    OrganisationPageFactory,
    PortfolioProjectPageFactory,
    ServicePageFactory,
)
from directory.models import Enquiry
from emails.models import OutboxEmail
from tests.helpers import card_titles, locale, term, translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(portal):
    """An organisation in Greece written in English only, with a service and a project."""
    courses = term(
        ExpertiseCategoryFactory,
        "language-courses",
        {"en": "Language courses", "it": "Corsi di lingua", "el": "Μαθήματα γλώσσας"},
    )
    organisation = OrganisationPageFactory(
        parent=portal.countries["GR"],
        title="Athens Open Doors",
        slug="athens-open-doors",
        short_description="Mentoring for young people looking for work.",
        email="info@opendoors.example.org",
    )
    organisation.expertise_categories.add(courses["en"])
    organisation.save_revision().publish()
    service = ServicePageFactory(
        parent=organisation,
        title="Greek for work",
        slug="greek-for-work",
        category=courses["en"],
        summary="Evening classes of Greek for the workplace.",
    )
    project = PortfolioProjectPageFactory(
        parent=organisation, title="Mentors in Piraeus", slug="mentors-in-piraeus"
    )
    greece_it = portal.localized(portal.countries["GR"], "it")
    greece_ar = portal.localized(portal.countries["GR"], "ar")
    return SimpleNamespace(
        organisation=organisation,
        service=service,
        project=project,
        category=courses,
        it=f"{greece_it.url}athens-open-doors/",
        ar=f"{greece_ar.url}athens-open-doors/",
    )


def test_content_in_another_language_is_served_at_the_visitors_address(client, english):
    response = client.get(english.it)
    assert response.status_code == 200
    html = response.content.decode()
    # The interface is Italian...
    assert '<html lang="it" dir="ltr">' in html
    assert "Servizi" in html and "Percorso di navigazione" in html
    # ...the content English, and said so.
    assert '<h1 lang="en" dir="ltr">Athens Open Doors' in html
    assert '<p class="lead" lang="en" dir="ltr">Mentoring for young people' in html
    # Vocabulary already translated is read in the visitor's language.
    assert "Corsi di lingua" in html and "Language courses" not in html
    # Its canonical address is its own.
    assert f'<link rel="canonical" href="http://testserver{english.organisation.url}">' in html

    service = client.get(f"{english.it}greek-for-work/")
    assert service.status_code == 200
    html = service.content.decode()
    assert '<h1 lang="en" dir="ltr">Greek for work</h1>' in html
    assert "Di cosa si tratta" in html
    assert "<span>Corsi di lingua</span>" in html
    assert f'<a href="{english.it}" lang="en" dir="ltr">Athens Open Doors</a>' in html
    project = client.get(f"{english.it}mentors-in-piraeus/")
    assert project.status_code == 200
    assert '<h1 lang="en" dir="ltr">Mentors in Piraeus</h1>' in project.content.decode()


def test_in_arabic_the_page_is_right_to_left_and_the_content_left_to_right(client, english):
    html = client.get(f"{english.ar}greek-for-work/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<h1 lang="en" dir="ltr">Greek for work</h1>' in html
    assert '<p class="lead" lang="en" dir="ltr">Evening classes' in html


def test_the_crumbs_stay_in_the_visitors_language(client, portal, english):
    html = client.get(f"{english.it}greek-for-work/").content.decode()
    crumbs = html[html.index('class="breadcrumb"') : html.index("</nav>", html.index("breadcrumb"))]
    greece_it = portal.localized(portal.countries["GR"], "it")
    assert f'<a href="{greece_it.url}">Grecia</a>' in crumbs
    assert f'<li lang="en" dir="ltr"><a href="{english.it}">Athens Open Doors</a>' in crumbs
    assert "/en/" not in crumbs


def test_the_switcher_leads_to_the_same_content_in_each_language(client, english):
    def switcher(url):
        html = client.get(url).content.decode()
        nav = html[html.index('class="language-switcher"') :]
        pairs = re.findall(r'<a href="([^"]+)" lang="(\w+)"', nav[: nav.index("</nav>")])
        return {code: url for url, code in pairs}

    links = switcher(english.it)
    assert links["en"] == english.organisation.url
    assert links["it"] == english.it
    assert links["ar"] == english.ar
    assert links["el"].endswith("/athens-open-doors/") and links["el"].startswith("/el/")
    # Once translated into Greek, the Greek link is the translation.
    greek = translate(english.organisation, "el", title="Ανοιχτές Πόρτες Αθήνας", slug="anoixtes")
    links = switcher(english.it)
    assert links["el"] == greek.url
    # The English page's switcher leads to the Italian address, not to the Italian home.
    links = switcher(english.organisation.url)
    assert links["it"] == english.it


def test_a_translated_page_keeps_its_own_translation(client, english):
    italian = translate(english.organisation, "it", title="Porte Aperte Atene")
    assert italian.url == english.it  # the same slug: its own translation is served there
    html = client.get(english.it).content.decode()
    assert "<h1>Porte Aperte Atene" in html
    # Its English service is then served under it, in the Italian address.
    response = client.get(f"{english.it}greek-for-work/")
    assert response.status_code == 200
    assert f'<a href="{english.it}">Porte Aperte Atene</a>' in response.content.decode()


def test_cards_and_results_link_to_the_visitors_address(client, portal, english):
    services = client.get(portal.localized(portal.services, "it").url, follow=True)
    html = services.content.decode()
    assert card_titles(html) == ["Greek for work"]
    assert f'<a href="{english.it}greek-for-work/">Greek for work</a>' in html
    # The category is named in Italian on the card, the content keeps its language.
    assert "<span>Corsi di lingua</span>" in html
    results = client.get("/it/search/?q=Athens").content.decode()
    assert f'<a href="{english.it}">Athens Open Doors</a>' in results
    suggestions = client.get("/it/search/suggest/", {"q": "Athens"}).json()["suggestions"]
    assert {
        "label": "Athens Open Doors",
        "kind": "organisation",
        "url": english.it,
        "lang": "en",
    } in (suggestions)
    country = client.get(portal.localized(portal.countries["GR"], "it").url).content.decode()
    assert f'<a href="{english.it}">Athens Open Doors</a>' in country
    profile = client.get(english.it).content.decode()
    assert f'href="{english.it}greek-for-work/" lang="en" dir="ltr"' in profile
    assert f'href="{english.it}mentors-in-piraeus/" lang="en" dir="ltr"' in profile


def test_a_page_of_the_visitors_language_keeps_its_address_and_the_other_keeps_its_own(
    client, portal, english
):
    """An Italian organisation with the English one's slug under the Italian Greece: the
    Italian address is the Italian organisation's; the English one is linked at its own."""
    greece_it = portal.localized(portal.countries["GR"], "it")
    italian = OrganisationPageFactory(
        parent=greece_it, title="Porte Aperte Atene", slug="athens-open-doors"
    )
    italian.save_revision().publish()
    assert italian.url == english.it
    page = client.get(english.it).content.decode()
    assert "Porte Aperte Atene" in page and "Athens Open Doors" not in page
    results = client.get("/it/search/?q=Athens Atene").content.decode()
    assert f'<a href="{english.organisation.url}">Athens Open Doors</a>' in results
    assert f'<a href="{english.it}">Porte Aperte Atene</a>' in results
    assert "Athens Open Doors" in client.get(english.organisation.url).content.decode()
    # Below it, the English service is still reached at its own address from the card.
    services = client.get(portal.localized(portal.services, "it").url, follow=True)
    assert f'<a href="{english.service.url}">Greek for work</a>' in services.content.decode()


def test_a_service_in_another_language_names_its_organisation_in_the_visitors(client, english):
    italian = translate(english.organisation, "it", title="Porte Aperte Atene")
    html = client.get(f"{italian.url}greek-for-work/").content.decode()
    assert '<h1 lang="en" dir="ltr">Greek for work' in html
    # "Offered by" (in Italian), the organisation's Italian name, at its Italian address.
    assert f'<p>A cura di <a href="{italian.url}">Porte Aperte Atene</a></p>' in html
    # Not translated into Greek: its own name, marked as English.
    html = client.get(english.service.url.replace("/en/", "/el/", 1)).content.decode()
    assert 'lang="en" dir="ltr">Athens Open Doors</a>' in html


def enquiry_heading(html):
    return re.search(r'<h2 id="enquiry-heading">(.*?)</h2>', html).group(1)


def test_the_message_form_names_the_organisation_in_the_visitors_language(client, english):
    """The form's heading names the organisation as "Offered by" does: by its translation into
    the visitor's language, whether the service itself is translated or not."""
    italian = translate(english.organisation, "it", title="Porte Aperte Atene")
    greek = translate(english.organisation, "el", title="Ανοιχτές Πόρτες Αθήνας")

    # The English service, untranslated, shown at the Italian and Greek addresses.
    html = client.get(f"{italian.url}greek-for-work/").content.decode()
    assert enquiry_heading(html) == "Scrivi a Porte Aperte Atene"
    html = client.get(f"{greek.url}greek-for-work/").content.decode()
    assert enquiry_heading(html) == "Γράψτε στον οργανισμό Ανοιχτές Πόρτες Αθήνας"

    # A translated service.
    service = translate(english.service, "it", title="Greco per il lavoro")
    html = client.get(service.url).content.decode()
    assert enquiry_heading(html) == "Scrivi a Porte Aperte Atene"

    # Not translated into Arabic: its own name; the English pages keep it too.
    arabic = client.get(english.service.url.replace("/en/", "/ar/", 1)).content.decode()
    assert "Athens Open Doors" in enquiry_heading(arabic)
    for page in (english.service, english.organisation):
        html = client.get(page.url).content.decode()
        assert enquiry_heading(html) == "Write to Athens Open Doors"


@pytest.mark.parametrize(
    "path",
    ["nowhere/", "athens-open-doors/nowhere/", "athens-open-doors/greek-for-work/more/"],
)
def test_slugs_that_exist_nowhere_are_404(client, portal, english, path):
    greece_it = portal.localized(portal.countries["GR"], "it")
    assert client.get(f"{greece_it.url}{path}").status_code == 404


def test_unpublished_content_is_not_reachable_at_another_address(client, english):
    english.service.unpublish()
    assert client.get(f"{english.it}greek-for-work/").status_code == 404
    assert client.get(english.service.url).status_code == 404
    draft = ServicePageFactory.build(title="Secret plan", slug="secret-plan", live=False)
    english.organisation.add_child(instance=draft)
    assert client.get(f"{english.it}secret-plan/").status_code == 404


def test_a_draft_translation_is_never_served(client, english):
    """A draft Italian translation with the page's own slug: the Italian address serves the live
    English page, never the draft's text."""
    draft = english.organisation.copy_for_translation(locale("it"), copy_parents=True).specific
    draft.title = "Bozza riservata"
    draft.save_revision()
    draft.refresh_from_db()
    assert not draft.live
    html = client.get(english.it).content.decode()
    assert "Bozza riservata" not in html
    assert '<h1 lang="en" dir="ltr">Athens Open Doors' in html


def test_private_pages_stay_private_at_another_address(client, english):
    restriction = PageViewRestriction.objects.create(
        page=english.organisation, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Insiders")])
    response = client.get(f"{english.it}greek-for-work/")
    assert response.status_code == 302
    assert "Greek for work" not in response.content.decode()


def test_the_sitemap_lists_each_page_once_at_its_own_address(client, english):
    xml = client.get("/sitemap.xml").content.decode()
    assert xml.count(f"<loc>http://testserver{english.service.url}</loc>") == 1
    assert "athens-open-doors/greek-for-work/" in english.service.url
    assert xml.count("greek-for-work/</loc>") == 1


#: A citizen's message, as the form sends it.
MESSAGE = {
    "name": "Amina Haddad",
    "email": "amina@example.org",
    "message": "Buongiorno, il corso è ancora aperto?",
    "consent": "on",
    "website": "",
}


def test_an_enquiry_from_the_visitors_address_reaches_the_organisation(client, english, on_commit):
    html = client.get(f"{english.it}greek-for-work/").content.decode()
    action = re.search(r'<form method="post" action="([^"#]+)', html).group(1)
    assert action == f"/it/enquiry/{english.service.pk}/"
    data = MESSAGE
    with on_commit():
        response = client.post(action, data)
    assert response.status_code == 303
    assert response["Location"] == f"{english.it}greek-for-work/#enquiry"
    enquiry = Enquiry.objects.get()
    assert enquiry.organisation == english.organisation.specific
    assert enquiry.language == "it"
    assert OutboxEmail.objects.get().to == ["info@opendoors.example.org"]
    thanks = client.get(response["Location"]).content.decode()
    assert "Grazie, il tuo messaggio è stato inviato a Athens Open Doors" in thanks
    # A mistake shows the form again, at the same address, in Italian.
    wrong = client.post(action, {**data, "email": "not an address"})
    assert wrong.status_code == 400
    assert '<html lang="it"' in wrong.content.decode()


def test_the_thanks_name_the_organisation_as_the_form_did(client, english, on_commit):
    """After a message from the English service shown at its Italian address, the thanks name
    the organisation by its Italian name, as the form's heading did."""
    italian = translate(english.organisation, "it", title="Porte Aperte Atene")
    address = f"{italian.url}greek-for-work/"
    html = client.get(address).content.decode()
    assert enquiry_heading(html) == "Scrivi a Porte Aperte Atene"
    action = re.search(r'<form method="post" action="([^"#]+)', html).group(1)
    data = MESSAGE
    with on_commit():
        response = client.post(action, data)
    assert response.status_code == 303
    assert response["Location"] == f"{address}#enquiry"
    thanks = client.get(response["Location"]).content.decode()
    assert "Grazie, il tuo messaggio è stato inviato a Porte Aperte Atene" in thanks
    assert "Athens Open Doors" not in thanks.split('id="enquiry"')[1].split("</form>")[0]


def card_link(html, title):
    found = re.findall(rf'<a href="([^"]+)"[^>]*>{re.escape(title)}</a>', html)
    assert found, f"no card for {title}"
    return found[0]


def test_two_pages_of_two_other_languages_with_one_slug_are_each_reached(client, portal):
    """An Italian and a Greek service with the same slug, under the Italian and the Greek
    versions of one organisation, both untranslated: an English visitor follows each card to
    that service, never the other one at a shared address."""
    courses = term(ExpertiseCategoryFactory, "cooking", {"en": "Cooking", "it": "Cucina"})
    italian_org = OrganisationPageFactory(
        parent=portal.localized(portal.countries["IT"], "it"),
        title="Cooperativa Il Ponte",
        slug="il-ponte",
        email="info@ponte.example.org",
    )
    italian_org.save_revision().publish()
    translate(italian_org, "en", title="The Bridge Cooperative")
    greek_org = translate(italian_org, "el", title="Συνεταιρισμός Η Γέφυρα")
    services = {}
    for parent, title, category in (
        (italian_org, "Corso di cucina siciliana", courses["it"]),
        (greek_org, "Μαθήματα ελληνικής κουζίνας", courses["en"]),
    ):
        service = ServicePageFactory(parent=parent, title=title, slug="kitchen", category=category)
        service.save_revision().publish()
        services[title] = service

    listing = client.get(portal.services.url, follow=True).content.decode()
    addresses = {title: card_link(listing, title) for title in services}
    assert len(set(addresses.values())) == 2
    for title, address in addresses.items():
        response = client.get(address)
        assert response.status_code == 200
        assert re.search(rf"<h1[^>]*>{re.escape(title)}", response.content.decode())


def test_two_organisations_of_two_other_languages_with_one_slug_are_each_reached(client, portal):
    """An Italian and a Greek organisation called alike in Italy, neither translated: the
    English country page links each card to that organisation."""
    italy = portal.countries["IT"]
    organisations = {}
    for code, title in (("it", "Casa Aperta Palermo"), ("el", "Ανοιχτό Σπίτι Παλέρμο")):
        organisation = OrganisationPageFactory(
            parent=portal.localized(italy, code), title=title, slug="casa-aperta"
        )
        organisation.save_revision().publish()
        organisations[title] = organisation

    listing = client.get(italy.url).content.decode()
    addresses = {title: card_link(listing, title) for title in organisations}
    assert len(set(addresses.values())) == 2
    for title, address in addresses.items():
        response = client.get(address)
        assert response.status_code == 200
        assert re.search(rf"<h1[^>]*>{re.escape(title)}", response.content.decode())
