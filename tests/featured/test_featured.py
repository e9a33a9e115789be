"""Featured organisations: central staff curate them; the portal drafts the posts, draws the share
cards, packs the week's kit, and shows the organisations on its home page.

Il Ponte (Italy) is published in English, Italian and Arabic, with two services; Vita (Greece) in
Greek only. Marco facilitates Italy; Ada is central staff.
"""

import datetime
import io
import re
import zipfile
from html import unescape
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from PIL import Image as PILImage

from directory.factories import (
    CentralStaffFactory,
    CountryPageFactory,
    OrganisationPageFactory,
    ServicePageFactory,
)
from facilitators.factories import FacilitatorFactory
from facilitators.models import ContactChannel, ContactLog
from featured.factories import FeaturedOrganisationFactory
from featured.featuring import featured_keys_on
from featured.models import FeaturedOrganisation
from featured.share_card import ARABIC_FONT, LATIN_FONT, WIDE_FONT, covers, font_for, share_card
from tests.directory.organisations import refused, registered
from tests.helpers import (
    days,
    load_portal,
    meta,
    module_transaction,
    publish,
    refreshed,
    reload,
    translate,
)

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def organisation(country, title, **fields):
    return publish(OrganisationPageFactory(parent=country, title=title, **fields))


@pytest.fixture(scope="module")
def made_world(django_db_setup, django_db_blocker):
    """The organisations and people, made once for the module (`module_transaction`)."""
    with module_transaction(django_db_blocker):
        yield make_world(load_portal(django_db_setup))


@pytest.fixture
def world(portal, made_world):
    """The same world in new instances read from the database, for one test."""
    world = refreshed(SimpleNamespace(**{**vars(made_world), "portal": None}))
    world.portal = portal
    return world


def make_world(portal):
    cover = wagtail_factories.ImageFactory(title="Il Ponte cover", width=1600, height=900)
    logo = wagtail_factories.ImageFactory(title="Vita logo", width=200, height=200)
    ponte = organisation(
        portal.countries["IT"],
        "Il Ponte Social Cooperative",
        slug="il-ponte",
        short_description="Job placement and training in Palermo.",
        city="Palermo",
        cover_image=cover,
    )
    coaching = ServicePageFactory(parent=ponte, title="Job coaching", slug="job-coaching")
    baking = ServicePageFactory(parent=ponte, title="Baking course", slug="baking-course")
    ponte_it = translate(
        ponte,
        "it",
        title="Cooperativa Sociale Il Ponte",
        short_description="Inserimento lavorativo e formazione a Palermo.",
    )
    translate(coaching, "it", title="Accompagnamento al lavoro")
    translate(baking, "it", title="Corso di panificazione")
    ponte_ar = translate(
        ponte, "ar", title="تعاونية إيل بونتي الاجتماعية", short_description="تشغيل وتدريب."
    )
    greece_el = portal.localized(portal.countries["GR"], "el")
    vita = organisation(greece_el, "Συνεργασία Βίτα", slug="vita", city="Αθήνα", logo=logo)
    draft = OrganisationPageFactory(parent=portal.countries["IT"], title="Draft Cooperative")
    draft.live = False
    draft.save()
    return SimpleNamespace(
        portal=portal,
        ponte=ponte,
        ponte_it=ponte_it,
        ponte_ar=ponte_ar,
        vita=vita,
        draft=draft,
        ada=CentralStaffFactory(username="ada", first_name="Ada", last_name="Bianchi"),
        marco=FacilitatorFactory(
            user__username="marco",
            user__first_name="Marco",
            user__last_name="Rossi",
            countries=[portal.countries["IT"]],
        ).user,
    )


def feature(page, start=0, end=None, status=FeaturedOrganisation.Status.PLANNED, **fields):
    return FeaturedOrganisationFactory(
        organisation=page,
        starts_on=days(start),
        ends_on=days(start if end is None else end),
        status=status,
        **fields,
    )


def url(name, *args):
    return reverse(f"featured:{name}", args=args)


def plan(page, **changes):
    return {
        "organisation": page.pk,
        "starts_on": days(0).isoformat(),
        "ends_on": days(6).isoformat(),
        "channels": ["facebook", "linkedin"],
        "status": FeaturedOrganisation.Status.PLANNED,
        "link": "",
        "posted_url": "",
        "posted_on": "",
        **changes,
    }


def snapshot():
    return (
        list(FeaturedOrganisation.objects.order_by("pk").values()),
        list(ContactLog.objects.order_by("pk").values()),
    )


# Who may curate ---------------------------------------------------------------------------------


def test_a_facilitator_an_organisation_and_a_visitor_are_refused_every_address(client, world):
    existing = feature(world.ponte, captions={"en": "Hello"})
    org_user, _page, _account = registered("it", "info@sole.example.org", "Cooperativa Sole")
    before = snapshot()
    addresses = [
        url("index"),
        url("index_results"),
        url("add"),
        url("edit", existing.pk),
        url("delete", existing.pk),
        url("kit") + f"?week={today():%Y-%m-%d}",
        url("share_card", existing.pk, "en"),
    ]
    for user in (world.marco, org_user, None):
        client.logout()
        if user is not None:
            client.force_login(user)
        for address in addresses:
            assert refused(client.get(address)), (user, address)
        assert refused(client.post(url("add"), plan(world.vita)))
        assert refused(client.post(url("edit", existing.pk), plan(world.ponte, status="skipped")))
        assert refused(client.post(url("delete", existing.pk)))
    assert snapshot() == before
    # Nor does the admin menu offer it to a facilitator.
    client.force_login(world.marco)
    assert url("index") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_central_staff_open_every_screen(client, world):
    existing = feature(world.ponte, captions={"en": "Hello"})
    client.force_login(world.ada)
    assert url("index") in client.get(reverse("wagtailadmin_home")).content.decode()
    for address in (url("index"), url("add"), url("edit", existing.pk), url("delete", existing.pk)):
        assert client.get(address).status_code == 200, address


# Planning and captions --------------------------------------------------------------------------


def link_in(text):
    return re.search(r"https?://\S+", text).group(0)


def test_captions_are_drafted_in_each_language_the_organisation_has(client, world):
    client.force_login(world.ada)
    response = client.post(url("add"), plan(world.ponte))
    created = FeaturedOrganisation.objects.get()
    # Straight to the drafts, to read and edit them.
    assert response.status_code == 302
    assert response["Location"] == url("edit", created.pk)
    assert created.organisation_key == world.ponte.translation_key
    assert created.created_by == world.ada
    assert set(created.captions) == {"en", "it", "ar"}  # not Greek: no Greek version
    pages = {"en": world.ponte, "it": world.ponte_it, "ar": world.ponte_ar}
    for code, page in pages.items():
        caption = created.captions[code]
        assert page.title in caption
        link = link_in(caption)
        parts = urlsplit(link)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == page.get_full_url()
        query = parse_qs(parts.query)
        assert query["utm_source"] == ["morethanajob"]
        assert query["utm_medium"] == ["social"]
        assert query["utm_campaign"] == [f"featured-{today():%Y-%m-%d}"]
        assert query["utm_content"] == [code]
    # One or two services, in the caption's language.
    assert "Job coaching" in created.captions["en"]
    assert "Corso di panificazione" in created.captions["it"]
    assert "Inserimento lavorativo e formazione a Palermo." in created.captions["it"]
    # Arabic captions are punctuated in Arabic script.
    assert "(Palermo، إيطاليا)" in created.captions["ar"]
    assert "Job coaching؛ Baking course" not in created.captions["ar"]
    assert "Baking course؛ Job coaching" in created.captions["ar"]
    with translation.override("it"):
        assert gettext("Find out more: %(link)s").split("%")[0] in created.captions["it"]
    # The post's own link: the organisation's page, first written in English.
    assert created.link.startswith(world.ponte.get_full_url() + "?utm_source=morethanajob")

    # The edit screen shows the drafts, and staff edit them freely.
    html = client.get(url("edit", created.pk)).content.decode()
    assert "Il Ponte Social Cooperative" in unescape(html)
    data = plan(world.ponte, caption_en="Our pick this week: Il Ponte!", caption_it="")
    response = client.post(url("edit", created.pk), data)
    assert response.status_code == 302
    created.refresh_from_db()
    assert created.captions == {"en": "Our pick this week: Il Ponte!"}
    # Drafted again on request.
    client.post(url("edit", created.pk), {**data, "redraft": "on"})
    created.refresh_from_db()
    assert set(created.captions) == {"en", "it", "ar"}
    assert "Il Ponte Social Cooperative" in created.captions["en"]


def test_featuring_is_recorded_as_a_contact_its_facilitator_reads_but_does_not_edit(client, world):
    client.force_login(world.ada)
    client.post(url("add"), plan(world.ponte))
    created = FeaturedOrganisation.objects.get()
    # Planned is not a contact yet: nothing has reached the organisation.
    assert not ContactLog.objects.filter(featured=created).exists()

    posted = plan(
        world.ponte,
        status=FeaturedOrganisation.Status.POSTED,
        posted_url="https://www.facebook.com/morethanajob/posts/1",
        **{f"caption_{code}": text for code, text in created.captions.items()},
    )
    day = today()
    assert client.post(url("edit", created.pk), posted).status_code == 302
    created.refresh_from_db()
    assert created.posted_on in {day, today()}  # today, whenever midnight falls
    # Posted, it is a contact, dated the day it was posted.
    contact = ContactLog.objects.get(featured=created)
    assert contact.organisation_key == world.ponte.translation_key
    assert contact.channel == ContactChannel.FEATURED
    assert contact.by == world.ada
    assert "Facebook, LinkedIn" in contact.note
    assert "https://www.facebook.com/morethanajob/posts/1" in contact.note
    assert timezone.localtime(contact.contacted_at).date() == created.posted_on
    assert ContactLog.objects.filter(featured=created).count() == 1

    client.force_login(world.marco)
    html = unescape(client.get(reverse("contacts:index")).content.decode())
    assert "Featured on social media" in html  # the channel
    assert "Featured on the portal's social media (Facebook, LinkedIn)" in html
    assert reverse("contacts:edit", args=[contact.pk]) not in html
    before = snapshot()
    assert client.get(reverse("contacts:edit", args=[contact.pk])).status_code in (302, 403, 404)
    client.post(reverse("contacts:delete", args=[contact.pk]))
    assert snapshot() == before

    # A skipped feature is no contact: its row goes, and comes back if it is posted again.
    client.force_login(world.ada)
    client.post(url("edit", created.pk), {**posted, "status": FeaturedOrganisation.Status.SKIPPED})
    assert not ContactLog.objects.filter(featured=created).exists()
    client.post(url("edit", created.pk), posted)
    contact = ContactLog.objects.get(featured=created)

    # A feature deleted never happened: its contact goes with it.
    client.force_login(world.ada)
    client.post(url("delete", created.pk))
    assert not ContactLog.objects.filter(pk=contact.pk).exists()


def test_only_published_organisations_can_be_featured_and_periods_are_in_order(client, world):
    client.force_login(world.ada)
    before = snapshot()
    response = client.post(url("add"), plan(world.draft))
    assert response.status_code == 400
    assert "Only published organisations can be featured" in response.content.decode()
    response = client.post(url("add"), plan(world.ponte, ends_on=days(-1).isoformat()))
    assert response.status_code == 400
    assert "The last day cannot come before the first." in response.content.decode()
    response = client.post(url("add"), plan(world.ponte, posted_on=days(3).isoformat()))
    assert response.status_code == 400
    assert "A post cannot be dated in the future." in response.content.decode()
    # Dates a slip of the keyboard gives are refused, not saved to break the list later.
    for starts_on, ends_on in [("9999-12-30", "9999-12-31"), ("1900-01-01", "2100-01-01")]:
        response = client.post(url("add"), plan(world.ponte, starts_on=starts_on, ends_on=ends_on))
        assert response.status_code == 400
        assert "at most a year ahead, or recorded up to a year back" in unescape(
            response.content.decode()
        )
    response = client.post(
        url("add"), plan(world.ponte, starts_on=days(1).isoformat(), ends_on=days(60).isoformat())
    )
    assert response.status_code == 400
    assert "A feature lasts 31 days at most." in response.content.decode()
    assert snapshot() == before
    # Chosen in any of its languages, an organisation is featured as the version written first.
    client.post(url("add"), plan(world.ponte_it))
    assert FeaturedOrganisation.objects.get().organisation == world.ponte
    FeaturedOrganisation.objects.all().delete()
    # One day only, when the last day is left empty.
    client.post(url("add"), plan(world.vita, ends_on=""))
    created = FeaturedOrganisation.objects.get()
    assert created.ends_on == created.starts_on == today()
    assert set(created.captions) == {"el"}


def test_a_caption_names_no_country_for_an_organisation_without_one(client, world):
    holder = CountryPageFactory(
        parent=world.portal.directory, title="Country not set", slug="country-not-set", code=""
    )
    network = organisation(holder, "Mediterranean Mentoring Network", city="")
    client.force_login(world.ada)
    client.post(url("add"), plan(network))
    caption = FeaturedOrganisation.objects.get().captions["en"]
    assert caption.startswith("In the spotlight on MoreThanAJob: Mediterranean Mentoring Network.")
    assert "Country not set" not in caption


# Warnings in the list ---------------------------------------------------------------------------


def test_the_list_warns_about_incomplete_profiles_repeats_and_one_country_twice(client, world):
    other_italian = organisation(world.portal.countries["IT"], "Cooperativa Sole", slug="sole")
    feature(world.ponte, 0, 6)
    feature(world.ponte, 30, 36)  # again within 90 days
    feature(other_italian, 3, 3)  # another Italian organisation the same week
    feature(world.vita, 60, 60)  # alone: only its profile is incomplete
    client.force_login(world.ada)
    html = unescape(client.get(url("index")).content.decode())
    rows = {
        title: row
        for row in re.findall(r"<tr.*?</tr>", html, re.S)
        for title in ("Il Ponte Social Cooperative", "Cooperativa Sole", "Συνεργασία Βίτα")
        if title in row
    }
    assert "Incomplete profile" in rows["Συνεργασία Βίτα"]
    assert "A cover image" in rows["Συνεργασία Βίτα"]  # it has only a logo
    assert "Also featured on" not in rows["Συνεργασία Βίτα"]
    assert "Another organisation of" not in rows["Συνεργασία Βίτα"]
    assert "Another organisation of Italy is featured close to it: Cooperativa Sole" in html
    assert "Another organisation of Italy is featured close to it: Il Ponte" in html
    assert html.count("Also featured on") == 2  # both of Il Ponte's features


def test_the_list_costs_the_same_for_few_and_many_features(client, world):
    client.force_login(world.ada)

    def cost():
        client.get(url("index"))  # warm the session and the menu
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("index")).status_code == 200
        return len(queries)

    feature(world.ponte, 0, 6)
    feature(world.vita, 7, 13)
    few = cost()
    for n in range(10):
        page = organisation(
            world.portal.countries["IT" if n % 2 else "GR"], f"Coop {n}", slug=f"c{n}"
        )
        feature(page, n * 3, n * 3 + 2)
    assert cost() == few


# Share cards ------------------------------------------------------------------------------------


def picture(rendition):
    with rendition.file.open("rb") as handle:
        return PILImage.open(io.BytesIO(handle.read())).copy()


def test_the_share_card_is_1200_by_630_and_is_drawn_again_for_a_new_cover(client, world):
    card = share_card(world.ponte)
    assert (card.width, card.height) == (1200, 630)
    assert picture(card).size == (1200, 630)
    # Cached: asked again, the same rendition.
    assert share_card(reload(world.ponte)).pk == card.pk
    # It is the page's Open Graph and Twitter image, in every language version.
    html = client.get(world.ponte.url).content.decode()
    assert meta(html, "og:image") == [f"http://testserver{card.url}"]
    assert meta(html, "twitter:image") == [f"http://testserver{card.url}"]
    assert meta(html, "og:image:width") == ["1200"]
    assert meta(html, "og:image:height") == ["630"]
    arabic = share_card(world.ponte_ar)
    assert arabic.pk != card.pk  # the Arabic name is written on it
    assert meta(client.get(world.ponte_ar.url).content.decode(), "og:image") == [
        f"http://testserver{arabic.url}"
    ]

    new_cover = wagtail_factories.ImageFactory(title="New cover", width=800, height=800)
    page = reload(world.ponte)
    page.cover_image = new_cover
    publish(page)
    redrawn = share_card(reload(world.ponte))
    assert redrawn.image_id == new_cover.pk
    assert redrawn.file.name != card.file.name
    assert picture(redrawn).size == (1200, 630)  # a small, square cover is filled too
    html = client.get(world.ponte.url).content.decode()
    assert meta(html, "og:image") == [f"http://testserver{redrawn.url}"]

    # A new name is drawn on a new card.
    page = reload(world.ponte)
    page.title = "Il Ponte Cooperative"
    publish(page)
    renamed = share_card(reload(world.ponte))
    assert renamed.pk != redrawn.pk and renamed.image_id == new_cover.pk


def test_a_logo_makes_the_card_when_there_is_no_cover_and_nothing_falls_back(client, world):
    card = share_card(world.vita)
    assert (card.width, card.height) == (1200, 630)
    assert card.file.name.endswith(".png")
    plain = organisation(world.portal.countries["IT"], "No Pictures Cooperative", slug="plain")
    assert share_card(plain) is None
    html = client.get(plain.url).content.decode()
    assert meta(html, "og:image") == ["http://testserver/static/img/share-default.png"]


@pytest.mark.parametrize(
    ("name", "font"),
    [
        ("Cooperativa Sociale Il Ponte", LATIN_FONT),
        ("Συνεργασία Βίτα", LATIN_FONT),
        ("جمعية الأمل للتنمية الاجتماعية", ARABIC_FONT),
        # Arabic with a dash and a Latin acronym: one font that has them all.
        ("الجسر الرقمي – منظمة للإدماج الرقمي (PG)", WIDE_FONT),
    ],
)
def test_every_letter_of_a_name_is_drawn_in_a_font_that_has_it(name, font):
    chosen = font_for(name, 60)
    assert chosen.path == str(font)
    assert covers(font, name)
    assert not covers(ARABIC_FONT, "(PG) –")


# The week's kit ---------------------------------------------------------------------------------


def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


def test_the_kit_holds_the_weeks_captions_links_and_share_cards(client, world):
    monday = monday_of(today())
    client.force_login(world.ada)
    client.post(url("add"), plan(world.ponte, starts_on=monday.isoformat(), ends_on=""))
    client.post(
        url("add"),
        plan(world.vita, starts_on=(monday + datetime.timedelta(6)).isoformat(), ends_on=""),
    )
    ponte, vita = FeaturedOrganisation.objects.order_by("starts_on")
    skipped = feature(world.draft, 0, status=FeaturedOrganisation.Status.SKIPPED)
    later = feature(world.ponte, (monday - today()).days + 7)
    assert skipped and later

    response = client.get(url("kit"), {"week": (monday + datetime.timedelta(2)).isoformat()})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    year, week, _ = monday.isocalendar()
    root = f"morethanajob-featured-{year}-W{week:02d}"
    assert f'filename="{root}.zip"' in response["Content-Disposition"]
    kit = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(kit.namelist())
    ponte_dir, vita_dir = f"{root}/01-il-ponte", f"{root}/02-vita"
    assert names == {
        f"{root}/README.txt",
        *(f"{ponte_dir}/caption-{code}.txt" for code in ("en", "it", "ar")),
        f"{ponte_dir}/links.txt",
        *(f"{ponte_dir}/share-{code}.jpg" for code in ("en", "it", "ar")),
        f"{vita_dir}/caption-el.txt",
        f"{vita_dir}/links.txt",
        f"{vita_dir}/share-el.png",
    }
    for code, text in ponte.captions.items():
        assert kit.read(f"{ponte_dir}/caption-{code}.txt").decode() == text + "\n"
    links = kit.read(f"{ponte_dir}/links.txt").decode()
    assert ponte.link in links
    for page in (world.ponte, world.ponte_it, world.ponte_ar):
        assert f"{page.get_full_url()}?utm_source=morethanajob" in links
    for name in names:
        if name.endswith((".jpg", ".png")):
            assert PILImage.open(io.BytesIO(kit.read(name))).size == (1200, 630), name
    readme = kit.read(f"{root}/README.txt").decode()
    assert "Il Ponte Social Cooperative (Italy)" in readme
    assert "Συνεργασία Βίτα (Greece)" in readme  # countries in the reader's language
    assert "Draft Cooperative" not in readme  # skipped


def test_a_week_with_nothing_featured_or_a_bad_week_is_said_so(client, world):
    client.force_login(world.ada)
    response = client.get(url("kit"), {"week": "2020-01-01"}, follow=True)
    assert response.redirect_chain[-1][0] == url("index")
    assert "Nothing is featured in the week of" in unescape(response.content.decode())
    response = client.get(url("kit"), {"week": "next tuesday"})
    assert response.status_code == 400
    assert "is not a date" in response.content.decode()
    for far in ("9999-12-31", "0001-01-01"):
        response = client.get(url("kit"), {"week": far})
        assert response.status_code == 400
        assert "is too far away" in response.content.decode()


# The public side --------------------------------------------------------------------------------


def featured_section(html):
    found = re.search(r'<section class="featured".*?</section>', html, re.S)
    if not found:
        return set()
    return set(
        re.findall(r'<h3 class="card__title"[^>]*><a href="[^"]*">([^<]*)</a>', found.group(0))
    )


def test_the_home_page_shows_exactly_the_organisations_featured_today_in_every_locale(
    client, world
):
    italy = world.portal.countries["IT"]
    past = organisation(italy, "Featured Last Week", slug="past")
    future = organisation(italy, "Featured Tomorrow", slug="future")
    skipped = organisation(italy, "Skipped Today", slug="skipped")
    feature(world.ponte, -2, 4, status=FeaturedOrganisation.Status.POSTED)
    feature(world.vita, 0)
    feature(past, -8, -1)
    feature(future, 1, 7)
    feature(skipped, 0, 6, status=FeaturedOrganisation.Status.SKIPPED)
    feature(world.draft, 0, 6)  # not published: never shown
    expected = {
        "en": {"Il Ponte Social Cooperative", "Συνεργασία Βίτα"},
        "it": {"Cooperativa Sociale Il Ponte", "Συνεργασία Βίτα"},
        "el": {"Il Ponte Social Cooperative", "Συνεργασία Βίτα"},
        "ar": {"تعاونية إيل بونتي الاجتماعية", "Συνεργασία Βίτα"},
    }
    assert featured_keys_on(today()) == {world.ponte.translation_key, world.vita.translation_key}
    for code, titles in expected.items():
        html = unescape(client.get(f"/{code}/").content.decode())
        assert featured_section(html) == titles, code
    # Once a feature ends, the home page forgets it.
    FeaturedOrganisation.objects.update(status=FeaturedOrganisation.Status.SKIPPED)
    assert featured_section(client.get("/en/").content.decode()) == set()


def test_the_home_page_costs_the_same_for_one_and_many_featured(client, world):
    def cost():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/").status_code == 200
        return len(queries)

    feature(world.ponte, 0)
    client.get("/en/")
    one = cost()
    for n in range(6):
        feature(organisation(world.portal.countries["GR"], f"Coop {n}", slug=f"c{n}"), 0)
    client.get("/en/")
    assert cost() == one


def test_an_organisation_page_says_while_it_is_featured(client, world):
    html = unescape(client.get(world.ponte.url).content.decode())
    assert "Featured organisation" not in html
    feature(world.ponte, -1, 3)
    html = unescape(client.get(world.ponte.url).content.decode())
    assert "Featured organisation" in html
    assert "In the spotlight on MoreThanAJob until" in html
    # Every language version says so, in its own language.
    html = unescape(client.get(world.ponte_it.url).content.decode())
    with translation.override("it"):
        assert gettext("Featured organisation") in html


def test_the_list_filters_by_country_time_and_status(client, world):
    running = feature(world.ponte, 0, 6)
    upcoming = feature(world.vita, 10, 12)
    past = feature(world.vita, -20, -18, status=FeaturedOrganisation.Status.POSTED)
    client.force_login(world.ada)

    def listed(**query):
        html = client.get(url("index"), query).content.decode()
        edit = re.escape(url("edit", 0)).replace("0", r"(\d+)")
        return {int(pk) for pk in re.findall(edit, html)}

    assert listed() == {running.pk, upcoming.pk, past.pk}
    assert listed(country="IT") == {running.pk}
    assert listed(country="GR") == {upcoming.pk, past.pk}
    assert listed(when="running") == {running.pk}
    assert listed(when="upcoming") == {upcoming.pk}
    assert listed(when="past") == {past.pk}
    assert listed(status="posted") == {past.pk}


def test_the_edit_screen_shows_the_share_cards_and_what_to_check(client, world):
    client.force_login(world.ada)
    client.post(url("add"), plan(world.vita))
    created = FeaturedOrganisation.objects.get()
    html = unescape(client.get(url("edit", created.pk)).content.decode())
    card = url("share_card", created.pk, "el")
    assert f'<img src="{card}"' in html
    preview = html.split('<div class="featured-preview">')[1].split("</ul>")[0]
    assert "style=" not in preview, "its rules are in the featured app's stylesheet"
    assert "/static/featured/admin.css" in html
    assert "Incomplete profile" in html
    response = client.get(card)
    assert response.status_code == 302
    assert response["Location"] == share_card(world.vita).url
    # No English version: no English card. (An admin 404 is first sent to the site's /en/.)
    assert client.get(url("share_card", created.pk, "en"), follow=True).status_code == 404


def test_staff_feature_an_organisation_from_its_page_in_the_admin(client, world):
    add = f"{url('add')}?organisation={world.ponte_it.pk}"
    edit_page = reverse("wagtailadmin_pages:edit", args=[world.ponte_it.pk])
    client.force_login(world.marco)
    response = client.get(edit_page)
    assert response.status_code == 200  # Italy's facilitator edits the page, but does not curate
    assert add not in response.content.decode()
    client.force_login(world.ada)
    assert add in client.get(edit_page).content.decode()
    # Whichever language version it came from, the organisation is chosen, once.
    html = client.get(add).content.decode()
    [chosen] = re.findall(r'<input type="hidden" name="organisation" value="(\d+)"', html)
    assert int(chosen) == world.ponte.pk


def test_a_picture_whose_file_is_lost_does_not_break_the_page(client, world):
    page = reload(world.ponte)
    page.cover_image.file.storage.delete(page.cover_image.file.name)
    assert share_card(page) is None
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert meta(html, "og:image") == ["http://testserver/static/img/share-default.png"]


def test_staff_find_a_feature_by_the_organisations_name(client, world):
    ponte = feature(world.ponte, 0, 6)
    feature(world.vita, 10, 12)
    client.force_login(world.ada)
    html = client.get(url("index"), {"q": "ponte"}).content.decode()
    assert url("edit", ponte.pk) in html
    assert "Συνεργασία Βίτα" not in unescape(html)
