"""manage.py seed_demo: the demo content a newcomer sees after `make run`."""

from io import StringIO
from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation

from collaboration.matching import calls_for
from collaboration.models import (
    CollaborationCallPage,
    CollaborationIndexPage,
    ExpressionOfInterest,
)
from demo import content
from directory.factories import CentralStaffFactory
from directory.freshness import hidden_before
from directory.listing import Locales
from directory.models import (
    CountryPage,
    DirectoryIndexPage,
    Enquiry,
    ExpertiseCategory,
    GoodPracticesIndexPage,
    OrganisationPage,
    Place,
    PortfolioProjectPage,
    ServicePage,
    ServicesIndexPage,
    TargetGroup,
)
from facilitators.models import ContactLog, Facilitator
from feedback.models import Answer
from home.models import HomePage, StandardPage
from mentoring import links
from mentoring.models import (
    Approval,
    Mentee,
    MentoringRequest,
    MentoringSession,
    MentorProfile,
    Mentorship,
    MentorshipState,
    RequestState,
)
from mentoring.proposals import proposals
from news.models import NewsPage
from opendata.models import OpenDataPage
from search.alerts import LISTINGS, search_link, search_params, send_search_alerts
from subscriptions.models import Kind, Subscriber, Subscription
from tests.helpers import log_in, module_transaction

LANGUAGES = ["en", "it", "el", "ar"]


def as_migrated():
    """The page tree and site as migrations leave them: Wagtail's welcome page, the default site.

    The test session builds a small portal in the database for the other tests; the demo is
    seeded where a newcomer seeds it, in a database that has only been migrated.
    """
    Page.objects.filter(depth__gte=2).delete()
    Site.objects.all().delete()
    welcome = Page.get_first_root_node().add_child(
        instance=Page(title="Welcome to your new Wagtail site!", slug="home")
    )
    Site.objects.create(hostname="localhost", root_page=welcome, is_default_site=True)
    cache.clear()


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seed once for the whole module, and roll it all back at the end."""
    with module_transaction(django_db_blocker):
        as_migrated()
        call_command("seed_demo", "--quiet")
        yield


def distinct(pages):
    """How many pieces of content, counting a page and its translations once."""
    return pages.order_by().values("translation_key").distinct().count()


def counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "images": get_image_model().objects.count(),
        "categories": ExpertiseCategory.objects.count(),
        "target groups": TargetGroup.objects.count(),
        "translations": Translation.objects.count(),
        "string translations": StringTranslation.objects.count(),
        "enquiries": Enquiry.objects.count(),
        "contacts": ContactLog.objects.count(),
        "collaboration calls": CollaborationCallPage.objects.count(),
        "expressions of interest": ExpressionOfInterest.objects.count(),
        "good practices": PortfolioProjectPage.objects.filter(is_good_practice=True).count(),
        "subscribers": Subscriber.objects.count(),
        "mentors": MentorProfile.objects.count(),
        "mentees": Mentee.objects.count(),
        "mentoring requests": MentoringRequest.objects.count(),
        "mentorships": Mentorship.objects.count(),
        "mentoring sessions": MentoringSession.objects.count(),
    }


@pytest.mark.django_db
def test_the_directory_is_full_of_organisations_services_and_projects(seeded):
    organisations = OrganisationPage.objects.live()
    services = ServicePage.objects.live()
    assert distinct(organisations) >= 30
    assert distinct(services) >= 100
    assert distinct(PortfolioProjectPage.objects.live()) >= 30
    # Everything is published but the organisation's news waiting for approval.
    assert not Page.objects.filter(live=False).not_type(NewsPage).exists()

    for code in ["IT", "GR", "LB", "JO", "PS"]:
        countries = CountryPage.objects.filter(code=code)
        in_country = organisations.filter(
            translation_key__in=[
                key
                for country in countries
                for key in OrganisationPage.objects.child_of(country).values_list(
                    "translation_key", flat=True
                )
            ]
        )
        assert distinct(in_country) >= 5, code

    # Every organisation has what its profile card shows.
    for organisation in organisations:
        assert organisation.short_description and organisation.logo and organisation.cover_image
        assert organisation.email.endswith("example.org")
        assert organisation.expertise_categories.exists()
        assert organisation.title != organisation.acronym

    # Services and opportunities are mixed; opportunities have dates, mostly still open.
    opportunities = services.filter(kind="opportunity")
    assert services.filter(kind="service").exists() and opportunities.exists()
    assert not opportunities.filter(application_deadline__isnull=True).exists()
    today = timezone.localdate()
    assert opportunities.filter(application_deadline__lt=today).exists()
    assert (
        opportunities.filter(application_deadline__gte=today).count()
        > opportunities.filter(application_deadline__lt=today).count()
    )
    assert not services.filter(is_free=False, cost="").exists()


@pytest.mark.django_db
def test_the_site_pages_exist_in_every_language(seeded):
    home = HomePage.objects.get(locale__language_code="en")
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(depth=2).exclude(content_type__model="homepage").exists(), (
        "Wagtail's welcome page is gone"
    )

    for code in LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        assert HomePage.objects.live().filter(locale=locale).count() == 1
        directory = DirectoryIndexPage.objects.live().get(locale=locale)
        services = ServicesIndexPage.objects.live().get(locale=locale)
        assert directory.get_url() == f"/{code}/organisations/"
        assert services.get_url() == f"/{code}/services/"
        assert StandardPage.objects.live().filter(locale=locale).count() == 3
        assert CountryPage.objects.live().filter(locale=locale).count() == 6
        open_data = OpenDataPage.objects.live().get(locale=locale)
        assert open_data.get_url() == f"/{code}/open-data/"

    arabic_directory = DirectoryIndexPage.objects.get(locale__language_code="ar")
    assert arabic_directory.title == "المنظمات"
    assert "Organisations" not in arabic_directory.intro
    assert OpenDataPage.objects.get(locale__language_code="ar").title == "البيانات المفتوحة"


@pytest.mark.django_db
def test_organisations_write_in_their_language_and_some_in_english(seeded):
    english = Locale.objects.get(language_code="en")
    italian = Locale.objects.get(language_code="it")
    organisations = OrganisationPage.objects.live()

    in_italian = organisations.filter(locale=italian)
    translated = [org for org in in_italian if org.has_translation(english)]
    untranslated = [org for org in in_italian if not org.has_translation(english)]
    assert translated and untranslated

    # A real wagtail-localize translation, in English, with terms of its own locale.
    source = translated[0]
    target = source.get_translation(english)
    assert Translation.objects.filter(
        source__object_id=source.translation_key, target_locale=english
    ).exists()
    assert target.title != source.title and target.short_description != source.short_description
    assert target.slug == source.slug
    assert {term.locale_id for term in target.expertise_categories.all()} == {english.pk}
    assert {term.locale_id for term in source.expertise_categories.all()} == {italian.pk}
    for service in ServicePage.objects.child_of(target):
        assert service.category.locale_id == english.pk

    # A few organisations in Lebanon and Jordan write in English only.
    english_only = [
        org
        for org in organisations.filter(locale=english)
        if org.get_parent().specific.code in {"LB", "JO"} and org.get_translations().count() == 0
    ]
    assert english_only

    # Arabic content is in Arabic, in the Arabic tree.
    arabic = organisations.filter(locale__language_code="ar").first()
    assert arabic.get_parent().specific.locale.language_code == "ar"
    assert any("\u0600" <= char <= "\u06ff" for char in arabic.title)


@pytest.mark.django_db
def test_vocabularies_exist_in_every_language_with_the_same_codes(seeded):
    for model in (ExpertiseCategory, TargetGroup):
        english = set(model.objects.filter(locale__language_code="en").values_list("slug", "name"))
        assert len(english) >= 10
        for code in ["it", "el", "ar"]:
            terms = model.objects.filter(locale__language_code=code)
            assert {slug for slug, _name in english} == set(terms.values_list("slug", flat=True))
            assert not set(terms.values_list("slug", "name")) & english, code
    arabic = ExpertiseCategory.objects.get(locale__language_code="ar", slug="legal-aid")
    assert arabic.name == "المساعدة القانونية"


@pytest.mark.django_db
def test_places_are_named_in_every_language_and_every_page_has_one(seeded):
    beirut = {p.locale.language_code: p.name for p in Place.objects.filter(slug="beirut")}
    assert beirut == {"en": "Beirut", "it": "Beirut", "el": "Βηρυτός", "ar": "بيروت"}
    for code in ("IT", "GR", "LB", "JO", "PS"):
        assert Place.objects.filter(country=code, locale__language_code="en").count() >= 5
    # Organisations of no country (the international network, in every language) have no place.
    located = OrganisationPage.objects.all()
    for nowhere in CountryPage.objects.filter(code=""):
        located = located.exclude(path__startswith=nowhere.path)
    assert not located.filter(place__isnull=True).exists()
    for service in ServicePage.objects.filter(delivery="in_person").select_related("place"):
        assert service.place_id or service.get_parent().specific.place_id
    # Venues are in addresses, not places.
    venues = {entry["venue_address"] for entry in content.ORGANISATIONS if "venue_address" in entry}
    assert venues & set(ServicePage.objects.values_list("address", flat=True))
    assert not Place.objects.filter(name__icontains="centre").exists()


@pytest.mark.django_db
def test_confirmed_subscribers_read_in_every_language(seeded):
    subscribers = Subscriber.objects.filter(confirmed_at__isnull=False)
    assert set(subscribers.values_list("language", flat=True)) == {"en", "it", "el", "ar"}
    for language in ("en", "it", "el", "ar"):
        assert Subscription.objects.filter(subscriber__language=language).count() >= 2
    assert set(Subscription.objects.values_list("kind", flat=True)) == set(Kind.values)


@pytest.mark.django_db
def test_running_it_again_changes_nothing(seeded):
    before = counts()
    output = StringIO()
    call_command("seed_demo", stdout=output)
    assert counts() == before
    assert "already there" in output.getvalue()


@pytest.mark.django_db
def test_the_demo_administrator_is_only_made_on_request_when_debug_is_off(seeded, settings):
    settings.DEBUG = False
    User = get_user_model()
    assert not User.objects.filter(username="admin").exists()

    output = StringIO()
    call_command("seed_demo", "--with-admin", stdout=output)
    admin = User.objects.get(username="admin")
    assert admin.is_superuser and admin.email == "admin@morethanajob.example"
    assert admin.check_password("morethanajob-demo")
    assert "/admin/" in output.getvalue()

    admin.set_password("changed")
    admin.save()
    call_command("seed_demo", "--with-admin", "--quiet")
    admin.refresh_from_db()
    assert admin.check_password("changed"), "an existing admin is left alone"


@pytest.mark.django_db
def test_every_demo_organisation_has_its_people_and_its_country_its_facilitators(seeded):
    from django.contrib.auth.models import Group
    from wagtail.models import WorkflowPage

    from directory.models import OrganisationAccount

    keys = set(OrganisationPage.objects.values_list("translation_key", flat=True))
    accounts = OrganisationAccount.objects.all()
    assert {account.translation_key for account in accounts} == keys
    assert accounts.filter(verified=True).exists() and accounts.filter(verified=False).exists()
    for code in ["IT", "GR", "LB", "JO", "PS"]:
        assert Group.objects.filter(name=f"Facilitators: {code}").exists()
    for directory in DirectoryIndexPage.objects.all():
        assert WorkflowPage.objects.get(page=directory).workflow.name == "Organisation approval"


@pytest.mark.django_db
def test_organisations_have_messages_from_people_in_every_language(seeded, client):
    from django.urls import reverse

    from demo.builder import ensure_demo_people

    enquiries = Enquiry.objects.all()
    assert enquiries.filter(status="new").exists() and enquiries.filter(status="answered").exists()
    assert enquiries.filter(service__isnull=False).exists()
    assert set(enquiries.values_list("language", flat=True)) >= {"en", "it", "el", "ar"}
    scripts = {
        "Arabic": ("\u0600", "\u06ff"),
        "Greek": ("\u0370", "\u03ff"),
        "accented Latin": ("à", "ù"),
    }
    for name, (first, last) in scripts.items():
        assert any(first <= c <= last for e in enquiries for c in e.message), name
    for enquiry in enquiries:
        assert enquiry.organisation.translation_key == enquiry.organisation_key
        assert enquiry.outbox_email is None, "no demo email was sent"
    # Answered messages show the organisation's reply, in the language the person wrote in.
    replied = enquiries.filter(replies__isnull=False).distinct()
    assert set(replied.values_list("language", flat=True)) == {"en", "it", "el", "ar"}
    assert all(enquiry.status == "answered" for enquiry in replied)

    # The demo organisation login reads its own messages.
    ensure_demo_people()
    user = get_user_model().objects.get(username="organisation")
    client.force_login(user)
    html = client.get(reverse("enquiries:index")).content.decode()
    assert "Fatima Ouedraogo" in html and "Grace Mensah" in html
    assert "Roberto Gallo" not in html, "another organisation's message"
    grace = enquiries.get(name="Grace Mensah")
    page = client.get(reverse("enquiries:inspect", args=[grace.pk])).content.decode()
    assert "Internships in the autumn" in page, "the reply kept on the message"
    assert "new messages from people who wrote to you" in (
        client.get(reverse("wagtailadmin_home")).content.decode()
    )


@pytest.mark.django_db
def test_facilitators_have_a_profile_and_a_contact_history_to_follow_up(seeded, client):
    from django.urls import reverse

    from demo.builder import ensure_demo_contacts, ensure_demo_people
    from facilitators.followup import follow_up, organisations_for

    ensure_demo_people()
    ensure_demo_contacts()  # again: now with the facilitators as authors of new rows
    marco = get_user_model().objects.get(username="facilitator-it")
    profile = Facilitator.objects.get(user=marco)
    assert [country.code for country in profile.countries.all()] == ["IT"]
    assert marco.groups.filter(name="Facilitators: IT").exists()
    assert profile.phone and profile.works_for

    rows = follow_up(organisations_for(marco))
    assert len(rows) == 6 and {row.country_code for row in rows} == {"IT"}
    assert any(row.overdue for row in rows) and any(not row.overdue for row in rows)
    keys = [row.page.translation_key for row in rows]
    notes = ContactLog.objects.filter(organisation_key__in=keys)
    assert any("profilo" in note for note in notes.values_list("note", flat=True))  # in Italian

    client.force_login(marco)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "follow-up__overdue" in html


@pytest.mark.django_db
def test_calls_for_collaboration_exist_in_every_language_and_some_are_closed(seeded):
    calls = CollaborationCallPage.objects.live()
    assert distinct(calls) >= 8
    for key in calls.values_list("translation_key", flat=True).distinct():
        versions = calls.filter(translation_key=key)
        assert sorted(versions.values_list("locale__language_code", flat=True)) == sorted(LANGUAGES)
        # Each language version seeks the terms of its own language.
        for call in versions.select_related("locale"):
            assert {term.locale_id for term in call.expertise_sought.all()} <= {call.locale_id}
    index = CollaborationIndexPage.objects.live()
    assert sorted(index.values_list("locale__language_code", flat=True)) == sorted(LANGUAGES)
    open_keys = set(CollaborationCallPage.open_calls().values_list("translation_key", flat=True))
    assert 0 < len(open_keys) < distinct(calls), "some calls are closed or past their deadline"
    assert calls.filter(is_open=False).exists()
    assert calls.filter(deadline__lt=timezone.localdate()).exists()


@pytest.mark.django_db
def test_organisations_have_expressed_interest_in_each_others_calls(seeded):
    interests = ExpressionOfInterest.objects.select_related("call", "organisation")
    assert interests.count() >= 4
    pairs = list(interests.values_list("call_key", "organisation_key"))
    assert len(pairs) == len(set(pairs))
    assert len(set(interests.values_list("status", flat=True))) >= 3
    for interest in interests:
        assert interest.call.translation_key == interest.call_key
        assert interest.organisation.translation_key == interest.organisation_key
        assert interest.organisation_key != interest.owner_key
        assert interest.outbox_email is None, "demo interests send no email"


@pytest.mark.django_db
def test_the_demo_organisation_sees_calls_that_seek_its_expertise_and_its_own(seeded, client):
    call_command("seed_demo", "--quiet", "--with-admin")  # the demo logins
    user = get_user_model().objects.get(username="organisation")
    page = (
        OrganisationPage.objects.filter(
            translation_key__in=user.groups.values("organisation_account__translation_key")
        )
        .live()
        .order_by("pk")
        .first()
    )
    matches = calls_for([page], Locales())[page.translation_key]
    assert len(matches) >= 2
    own = CollaborationCallPage.objects.live().descendant_of(page)
    assert own.exists()
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    for call in matches[:2]:
        assert escape(call.title) in html
    # Its own calls are listed in the admin's language (English here).
    english = CollaborationCallPage.objects.get(
        translation_key=own.first().translation_key, locale__language_code="en"
    )
    assert escape(english.title) in html


@pytest.mark.django_db
def test_the_good_practices_library_has_marked_projects_in_every_country(seeded):
    library = GoodPracticesIndexPage.objects.live()
    assert sorted(library.values_list("locale__language_code", flat=True)) == sorted(LANGUAGES)
    marked = PortfolioProjectPage.objects.live().filter(is_good_practice=True)
    assert distinct(marked) >= 8
    codes = set()
    for project in marked:
        country = project.get_parent().get_parent().specific
        codes.add(country.code)
        assert project.good_practice_since is not None
    assert codes >= {"IT", "GR", "LB", "JO", "PS"}
    # Every translation of a marked project is marked too.
    keys = marked.values("translation_key")
    assert not PortfolioProjectPage.objects.filter(
        translation_key__in=keys, is_good_practice=False
    ).exists()


@pytest.mark.django_db
def test_featured_organisations_run_this_week_in_several_countries(seeded, client):
    import datetime
    from urllib.parse import urlsplit

    from bs4 import BeautifulSoup

    from featured.models import FeaturedOrganisation

    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    sunday = monday + datetime.timedelta(days=6)
    features = FeaturedOrganisation.objects.select_related("organisation")
    running = list(FeaturedOrganisation.today().select_related("organisation"))
    assert len(running) == 3
    countries = {feature.organisation.get_parent().specific.code for feature in running}
    assert len(countries) == 3 and "" not in countries
    for feature in running:
        assert monday <= feature.starts_on <= today <= feature.ends_on <= sunday
        assert feature.status in {"planned", "posted"}
        assert feature.organisation.live
        assert feature.organisation_key == feature.organisation.translation_key
        assert feature.organisation.pk == min(
            OrganisationPage.objects.filter(translation_key=feature.organisation_key).values_list(
                "pk", flat=True
            )
        ), "the language version written first, as the admin's form chooses it"

    # Around this week: posted before, skipped once, planned next week.
    earlier = features.filter(status="posted", ends_on__lt=monday)
    assert earlier.count() >= 2
    for feature in earlier:
        assert feature.posted_url.startswith("https://www.") and feature.posted_on <= today
    assert features.filter(status="skipped").exists()
    assert features.filter(status="planned", starts_on__gt=sunday).count() >= 2
    assert len({tuple(feature.channels) for feature in features}) >= 3
    channels = {channel for feature in features for channel in feature.channels}
    assert channels >= {"facebook", "instagram", "linkedin", "x"}
    # The demo login's organisation is not the only Italian one featured.
    italian = {
        feature.organisation_key
        for feature in features
        if feature.organisation.get_parent().specific.code == "IT"
    }
    assert len(italian) >= 2
    # A posted one is a contact with its organisation, once; a planned or skipped one is none.
    for feature in features:
        expected = 1 if feature.status == "posted" else 0
        assert ContactLog.objects.filter(featured=feature, channel="featured").count() == expected

    # The English and Arabic home pages show exactly these, in the visitor's language.
    keys = {feature.organisation_key for feature in running}
    versions = OrganisationPage.objects.live().filter(translation_key__in=keys)
    by_path = {urlsplit(page.get_url()).path: page for page in versions.select_related("locale")}
    for language in ["en", "ar"]:
        response = client.get(f"/{language}/")
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        heading = soup.find(id="featured")
        assert heading is not None, language
        section = heading.find_parent("section")
        links = [urlsplit(a["href"]).path for a in section.select(".organisation-card h3 a")]
        shown = [by_path[link] for link in links if link in by_path]
        assert len(shown) == len(links) == 3, (language, links)
        assert {page.translation_key for page in shown} == keys
        assert {page.locale.language_code for page in shown} == {language}

    # Captions drafted in every language each organisation is published in, Greek and Arabic too.
    languages = set()
    for feature in running:
        pages = {
            page.locale.language_code: page
            for page in versions.filter(translation_key=feature.organisation_key)
        }
        assert set(feature.captions) == set(pages) and len(feature.captions) > 1
        for code, caption in feature.captions.items():
            assert pages[code].title in caption, (feature, code)
            assert pages[code].get_full_url() + "?utm_" in caption, (feature, code)
        assert feature.link in feature.captions[feature.organisation.locale.language_code]
        languages |= set(feature.captions)
    assert languages == set(LANGUAGES)

    # Seeding again adds no feature and no contact, and changes none.
    before = (
        list(features.order_by("pk").values_list("pk", "captions", "status", "link")),
        ContactLog.objects.count(),
    )
    output = StringIO()
    call_command("seed_demo", stdout=output)
    after = (
        list(features.order_by("pk").values_list("pk", "captions", "status", "link")),
        ContactLog.objects.count(),
    )
    assert after == before
    assert "already there" in output.getvalue()


@pytest.mark.django_db
def test_the_demo_logins_sign_in_with_the_published_password(seeded, client):
    from demo.builder import ADMIN_PASSWORD, ensure_demo_admin, ensure_demo_people

    ensure_demo_admin()
    ensure_demo_people()
    for username in ("admin", "facilitator-it", "facilitator-gr", "organisation", "moderator"):
        assert log_in(client, username, ADMIN_PASSWORD), username
        client.logout()
    assert not log_in(client, "facilitator-it", "not-the-password")


@pytest.mark.django_db
def test_an_about_page_admin_submits_reaches_the_demo_moderators_inbox(seeded, on_commit):
    from demo.builder import ensure_demo_admin, ensure_demo_people
    from emails.models import OutboxEmail

    ensure_demo_admin()
    ensure_demo_people()
    admin = get_user_model().objects.get(username="admin")
    about = StandardPage.objects.filter(locale__language_code="en").order_by("pk").first()
    about.save_revision(user=admin)
    with on_commit():
        about.get_workflow().start(about, admin)

    [email] = OutboxEmail.objects.filter(template_key="moderation_submission")
    assert email.to == ["moderator@morethanajob.example"]
    assert email.status == "sent"
    assert f"/admin/pages/{about.pk}/edit/" in email.body_text


@pytest.mark.django_db
def test_the_search_index_holds_every_page_with_its_vocabulary_in_every_language(seeded):
    """Indexed once, at the end: each page's entry has its categories' names in every language,
    so an Arabic category word finds the Italian services of that category."""
    italian = ServicePage.objects.live().filter(locale__language_code="it", category__isnull=False)
    service = italian.select_related("category").order_by("pk").first()
    arabic = ExpertiseCategory.objects.get(
        translation_key=service.category.translation_key, locale__language_code="ar"
    )
    found = ServicePage.objects.live().filter(locale=service.locale).search(arabic.name)
    assert service.pk in {page.pk for page in found}
    assert ServicePage.objects.live().search(service.title.split()[0]).count() > 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "word"),
    [("en", "training"), ("it", "formazione"), ("el", "κατάρτιση"), ("ar", "تدريب")],
)
def test_each_language_lists_its_own_content_first_and_the_rest_after(
    seeded, client, settings, language, word
):
    settings.PORTAL_PAGE_SIZE = 500
    # Everything but what has gone unchecked for too long (the demo has one such service in
    # each language: it leaves the listings, for want of a check, not for its language).
    long_unchecked = Q(servicepage__checked_on__lt=hidden_before()) | Q(
        organisationpage__checked_on__lt=hidden_before()
    )
    everything = distinct(
        Page.objects.live()
        .type(OrganisationPage, ServicePage)
        .filter(depth__gt=4)
        .exclude(long_unchecked)
    )

    def languages(response, name):
        return [page.locale.language_code == language for page in response.context[name]]

    listed = languages(client.get(f"/{language}/search/"), "results")
    assert len(listed) == everything  # nothing hidden for being in another language
    assert listed == sorted(listed, reverse=True) and listed[0]
    found = languages(client.get(f"/{language}/search/", {"q": word}), "results")
    assert found and found == sorted(found, reverse=True)
    latest = languages(client.get(f"/{language}/"), "latest_services")
    assert latest and all(latest)
    calls = languages(client.get(f"/{language}/collaboration/"), "calls")
    assert calls == sorted(calls, reverse=True) and calls[0]


@pytest.mark.django_db
def test_news_is_written_by_central_staff_each_countrys_facilitators_and_an_organisation(
    seeded, client
):
    from wagtail.models import TaskState

    from news.models import NewsIndexPage

    index = NewsIndexPage.objects.live()
    assert sorted(index.values_list("locale__language_code", flat=True)) == sorted(LANGUAGES)
    news = NewsPage.objects.live()
    for code in LANGUAGES:
        assert news.filter(locale__language_code=code).exists(), code
    central = news.filter(Q(*[Q(path__startswith=i.path) for i in index], _connector=Q.OR))
    assert distinct(central) >= 2
    assert set(central.values_list("locale__language_code", flat=True)) == set(LANGUAGES), (
        "the portal's own news is translated into every language"
    )
    for country in CountryPage.objects.exclude(code="").filter(locale__language_code="en"):
        countries = CountryPage.objects.filter(translation_key=country.translation_key)
        written = news.filter(
            Q(*[Q(path__startswith=c.path) for c in countries], _connector=Q.OR)
        ).exclude(depth__gt=country.depth + 1)
        assert written.exists(), f"{country.code}: its facilitators' news"
        assert written.filter(locale__language_code="en").exists(), "translated into English"

    proposal = NewsPage.objects.get(live=False)
    assert proposal.get_parent().specific_class is OrganisationPage
    assert TaskState.objects.filter(
        workflow_state__object_id=str(proposal.pk), status=TaskState.STATUS_IN_PROGRESS
    ).exists(), "waiting for its facilitators' approval"
    html = client.get("/en/news/").content.decode()
    assert proposal.title not in html
    assert html.count('class="card news-card"') == distinct(news)


@pytest.mark.django_db
def test_the_newsletter_archive_lists_two_sent_issues_in_every_language(seeded, client):
    from newsletter.models import NewsletterIssuePage

    issues = NewsletterIssuePage.objects.live()
    assert distinct(issues) == 2
    for issue in issues.filter(locale__language_code="en"):
        translated = issues.filter(translation_key=issue.translation_key)
        assert set(translated.values_list("locale__language_code", flat=True)) == set(LANGUAGES)
        kinds = {pick.page.specific_class.__name__ for pick in issue.picks.all()}
        assert kinds == {"PortfolioProjectPage", "NewsPage", "CollaborationCallPage"}
    for code in LANGUAGES:
        html = client.get(f"/{code}/newsletter/").content.decode()
        titles = [
            issue.title
            for issue in issues.filter(locale__language_code=code).order_by("-first_published_at")
        ]
        assert all(title in html for title in titles), code
        assert html.count('class="card newsletter-card"') == 2, code


@pytest.mark.django_db
def test_the_demo_saved_searches_are_searches_of_their_listings(seeded, client):
    """Each demo alert is a search its listing (the search page, the calls) runs as saved (every
    filter a choice), with results; right after seeding there is nothing new to send, until
    something is published."""
    searches = Subscription.objects.filter(kind=Kind.SEARCH)
    assert {s.search_language for s in searches} == {"en", "it", "el", "ar"}
    assert {s.listing for s in searches} == {"search", "calls"}
    for search in searches:
        with translation.override(search.search_language):
            form = LISTINGS[search.listing].form(search_params(search), Locales())
        assert not form.errors, (search.query, form.errors)
        assert set(form.values) == set(search.filters), search.filters
        url = urlparse(search_link(search))
        html = client.get(f"{url.path}?{url.query}").content.decode()
        assert 'class="card ' in html, f"no result for the demo search {url.query}"
    assert send_search_alerts() == 0


@pytest.mark.django_db
def test_readers_have_answered_about_the_search_page_in_every_language(seeded, client):
    search = Answer.objects.filter(page=None, view="search")
    assert set(search.values_list("language", flat=True)) == {"en", "it", "el", "ar"}
    assert set(search.exclude(missing="").values_list("language", flat=True)) == {
        "en",
        "it",
        "el",
        "ar",
    }
    client.force_login(CentralStaffFactory())
    rows = client.get("/admin/feedback/").content.decode().split('class="reactions__row"')[1:]
    assert rows and 'href="/admin/feedback/view/search/"' in rows[0]  # the most "no" of all


@pytest.mark.django_db
def test_networks_of_several_forms_and_levels_say_how_they_work_in_every_language(seeded, client):
    networks = OrganisationPage.objects.live().filter(kind="network").exclude(network_form="")
    assert {page.network_form for page in networks} == {
        "informal", "consortium", "project_partnership", "formal_association", "federation"
    }  # fmt: skip
    assert {page.network_level for page in networks} == {
        "local", "regional", "national", "international"
    }  # fmt: skip
    for page in networks.filter(locale__language_code="en"):
        assert set(page.get_translations(inclusive=True).values_list(
            "locale__language_code", flat=True
        )) == set(LANGUAGES)  # fmt: skip
        assert page.network_purposes.exists() and page.network_themes.exists()
    arabic = networks.filter(locale__language_code="ar").order_by("pk").first()
    assert {term.locale.language_code for term in arabic.network_purposes.all()} == {"ar"}
    html = client.get(arabic.url).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    section = html[html.index('id="network-profile"') :]
    assert arabic.territory in section and any("\u0600" <= c <= "\u06ff" for c in arabic.territory)
    assert arabic.network_purposes.first().name in section


@pytest.mark.django_db
def test_the_international_network_lists_members_of_several_countries(seeded, client):
    from networks.models import Membership

    network = OrganisationPage.objects.get(
        slug="mediterranean-mentoring-network", locale__language_code="it"
    )
    members = Membership.objects.active().of_network(network)
    assert members.values("country").distinct().count() >= 5
    html = client.get(network.url).content.decode()
    section = html[html.index('id="network-members"') :]
    assert "Libano" in section and "Giordania" in section  # countries named in Italian
    member = OrganisationPage.objects.get(
        slug="beirut-digital-skills-hub", locale__language_code="en"
    )
    html = client.get(member.url).content.decode()
    assert "Mediterranean Mentoring Network" in html[html.index('id="member-of"') :]


@pytest.mark.django_db
def test_each_country_has_a_network_with_members_and_some_waiting_to_join(seeded):
    from networks.models import Membership, MembershipState

    networks = OrganisationPage.objects.live().filter(kind="network").exclude(network_form="")
    for code in ["IT", "GR", "LB", "JO", "PS"]:
        here = networks.in_countries([code]).first_versions()
        assert here.exists(), code
        for network in here:
            assert Membership.objects.active().of_network(network).exists(), network
    states = set(Membership.objects.values_list("state", flat=True))
    assert {MembershipState.ACTIVE, MembershipState.INVITED, MembershipState.REQUESTED} <= states


@pytest.mark.django_db
def test_networks_show_their_activities_in_every_language(seeded, client):
    networks = OrganisationPage.objects.live().filter(kind="network").exclude(network_form="")
    for network in networks.first_versions():
        activities = network.network_activities.all()
        assert 2 <= len(activities) <= 4, network
        for language in LANGUAGES:
            page = network.get_translation(Locale.objects.get(language_code=language))
            html = client.get(page.url).content.decode()
            section = html[html.index('id="network-activities"') :]
            titles = [a.title for a in page.network_activities.order_by("-date")]
            assert len(titles) == len(activities)
            # Each language its own titles, newest first.
            places = [section.find(escape(title)) for title in titles]
            assert -1 not in places and places == sorted(places), (language, titles)
            if language != network.locale.language_code:
                original = {activity.title for activity in activities}
                assert not original & set(titles), (language, titles)


#: A letter of each language's script, to tell which language a mentor's profile is written in.
SCRIPTS = {"el": "αεηιοωΑΕ", "ar": "ابتةجدرسلمنهوي"}


def written_in(text):
    for language, letters in SCRIPTS.items():
        if any(letter in text for letter in letters):
            return language
    return "it" if any(word in text.split() for word in ("di", "che", "per", "il")) else "en"


@pytest.mark.django_db
def test_mentors_of_five_countries_write_in_four_languages_in_every_approval_state(seeded):
    mentors = MentorProfile.objects.prefetch_related("expertise", "languages", "words")
    approved = [mentor for mentor in mentors if mentor.approval == Approval.APPROVED]
    assert len(approved) >= 10
    assert {mentor.country for mentor in approved} == {"IT", "GR", "LB", "JO", "PS"}
    assert {mentor.approval for mentor in mentors} == set(Approval.values)
    assert [m.name for m in approved if m.paused] == ["Chiara Esposito"]
    assert mentors.get(approval=Approval.REJECTED).approval_reason
    assert {written_in(mentor.profile) for mentor in mentors} == {"en", "it", "el", "ar"}
    for mentor in mentors:
        assert written_in(mentor.profile) == mentor.language, mentor
        assert mentor.expertise.all() and mentor.words.all() and mentor.languages.all(), mentor
        # Their sectors are named in their own language when it has them.
        assert {c.locale.language_code for c in mentor.expertise.all()} == {mentor.language}


@pytest.mark.django_db
def test_mentees_requests_are_in_every_state_and_a_mentorship_is_completed(seeded):
    assert set(MentoringRequest.objects.values_list("state", flat=True)) == set(RequestState.values)
    assert MentoringRequest.objects.filter(state=RequestState.DECLINED).exclude(reason="").exists()
    assert set(Mentorship.objects.values_list("state", flat=True)) >= {
        MentorshipState.ACTIVE,
        MentorshipState.COMPLETED,
    }
    for mentorship in Mentorship.objects.all():
        assert mentorship.sessions.count() >= 2
    assert set(Mentee.objects.values_list("language", flat=True)) == {"en", "it", "el", "ar"}
    emails = Mentee.objects.values_list("email", flat=True)
    assert all(email.endswith("@example.org") for email in emails)


@pytest.mark.django_db
def test_a_demo_mentee_looking_for_digital_skills_is_proposed_mentors_on_her_page(seeded, client):
    sara = Mentee.objects.get(email="sara.demo.mentee@example.org")
    assert "digital-skills" in sara.expertise.values_list("slug", flat=True)
    proposed = proposals(sara)
    assert proposed
    assert all(mentor.is_proposable for mentor in proposed)
    html = client.get(links.mentee_url(sara)).content.decode()
    for mentor in proposed:
        assert mentor.name in html
    asked = sara.requests.filter(state=RequestState.REQUESTED).select_related("mentor")
    assert asked and all(row.mentor.name in html for row in asked)
    # Her mentors have not answered yet: no address of theirs is shown.
    assert "@example.org" not in html.replace(sara.email, "")


@pytest.mark.django_db
def test_the_demo_mentor_page_lists_the_request_waiting_for_them(seeded, client):
    output = StringIO()
    call_command("mentoring_link", "marco.bellini.mentor@example.org", stdout=output)
    url = output.getvalue().split()[-1]
    html = client.get(urlparse(url).path).content.decode()
    assert "Sara" in html and "Marco Bellini" in html


@pytest.mark.django_db
def test_every_language_links_to_the_mentoring_form(seeded, client):
    for language in LANGUAGES:
        with translation.override(language):
            home = HomePage.objects.get(locale__language_code=language)
            html = client.get(home.url).content.decode()
        assert f'href="/{language}/mentoring/"' in html, language
