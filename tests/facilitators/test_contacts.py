"""The contact log and the facilitators in the admin, tried by direct URL.

Organisation A is in Italy, organisation B in Greece. Marco facilitates Italy; central staff look
after every country. Every address outside one's scope is refused, and changes nothing.
"""

import datetime
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from directory.factories import CentralStaffFactory, UserFactory
from facilitators.factories import ContactLogFactory, FacilitatorFactory
from facilitators.followup import follow_up, organisations_for
from facilitators.models import ContactChannel, ContactLog, ContactOutcome, Facilitator
from tests.directory.organisations import refused, registered
from tests.helpers import emailed

pytestmark = pytest.mark.django_db
User = get_user_model()


def local(moment):
    """A moment as the admin's date and time field shows it (the site's time zone)."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def form(page, **changes):
    return {
        "organisation": page.pk,
        # Now, to the minute: an hour ago is the day before the organisation registered
        # between midnight and one in the morning.
        "contacted_at": local(timezone.now()),
        "channel": ContactChannel.MEETING,
        "outcome": ContactOutcome.AGREED,
        "note": "Met at the cooperative: they will add their courses.",
        **changes,
    }


@pytest.fixture
def world(portal):
    a_user, a, _account = registered("it", "info@ponte.example.org", "Cooperativa Il Ponte")
    b_user, b, _account = registered("gr", "info@vita.example.org", "Synergasia Vita Ergasia")
    ContactLog.objects.all().delete()  # whatever registration logged: each test logs its own
    return SimpleNamespace(
        portal=portal,
        a=a,
        a_user=a_user,
        b=b,
        b_user=b_user,
        marco=FacilitatorFactory(
            user__username="marco",
            user__first_name="Marco",
            user__last_name="Rossi",
            countries=[portal.countries["IT"]],
        ).user,
        italian=ContactLogFactory(organisation=a, note="Italian call 1517"),
        greek=ContactLogFactory(organisation=b, note="Greek call 2929"),
    )


def url(name, *args):
    return reverse(f"contacts:{name}", args=args)


def not_found(response):
    """A 404. (An admin address that is not found is first sent to the site's /en/ one.)"""
    chain = getattr(response, "redirect_chain", [])
    return response.status_code == 404 and all(to.startswith("/en/") for to, _status in chain)


def snapshot():
    return list(ContactLog.objects.order_by("pk").values())


# A facilitator: their countries only -------------------------------------------------------------


def test_a_facilitator_lists_only_their_countrys_contacts(client, world):
    client.force_login(world.marco)
    response = client.get(url("index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Italian call 1517" in html
    assert "Cooperativa Il Ponte" in html
    assert "Greek call 2929" not in html
    assert "Synergasia Vita Ergasia" not in html
    # Also through the results view the listing refreshes with, and whatever the filters say.
    for query in ({}, {"country": "GR"}, {"q": "Greek"}):
        html = client.get(url("index_results"), query).content.decode()
        assert "Greek call 2929" not in html


def test_a_facilitator_cannot_open_change_or_delete_another_countrys_contact(client, world):
    client.force_login(world.marco)
    before = snapshot()
    greek = world.greek.pk
    assert not_found(client.get(url("edit", greek), follow=True))
    assert not_found(client.post(url("edit", greek), form(world.a, note="Hijacked"), follow=True))
    assert not_found(client.get(url("delete", greek), follow=True))
    assert not_found(client.post(url("delete", greek), follow=True))
    assert snapshot() == before


def test_a_facilitator_cannot_log_a_contact_with_another_countrys_organisation(client, world):
    client.force_login(world.marco)
    before = snapshot()
    for organisation in (world.b.pk, "x", 999999):
        assert not_found(client.get(url("add"), {"organisation": organisation}, follow=True))

    response = client.post(url("add"), form(world.b))
    assert response.status_code == 400
    assert "you can only log contacts with those" in response.content.decode()
    assert snapshot() == before


def test_a_facilitator_logs_a_contact_and_it_becomes_the_last_one(client, world):
    ContactLog.objects.filter(pk=world.italian.pk).update(
        contacted_at=timezone.now() - datetime.timedelta(days=50)
    )
    client.force_login(world.marco)
    response = client.get(url("add"), {"organisation": world.a.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<option value="{world.a.pk}" selected>Cooperativa Il Ponte (Italy)</option>' in html
    assert "Synergasia" not in html, "only the facilitator's organisations are offered"

    next_url = reverse("wagtailadmin_home") + "?attention=all"
    response = client.post(f"{url('add')}?next={next_url}", form(world.a))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == next_url

    logged = ContactLog.objects.latest("pk")
    assert logged.organisation_id == world.a.pk
    assert logged.organisation_key == world.a.translation_key
    assert logged.by == world.marco
    assert logged.email is None
    assert logged.channel == ContactChannel.MEETING

    [row] = follow_up(organisations_for(world.marco))
    assert row.last_contact.pk == logged.pk and row.last_contact.channel_label == "Meeting"
    assert row.days_since_contact in (0, 1)
    assert not row.overdue


def test_after_logging_a_contact_only_admin_addresses_are_followed(client, world):
    client.force_login(world.marco)
    for next_url in ("https://evil.example.org/admin/", "//evil.example.org/", "/it/"):
        response = client.post(f"{url('add')}?next={next_url}", form(world.a))
        assert response.status_code == 302
        assert response["Location"] == url("index")


def test_a_contact_cannot_be_in_the_future(client, world):
    client.force_login(world.marco)
    before = snapshot()
    tomorrow = local(timezone.now() + datetime.timedelta(days=1))
    response = client.post(url("add"), form(world.a, contacted_at=tomorrow))
    assert response.status_code == 400
    assert "A contact cannot be in the future." in response.content.decode()
    assert snapshot() == before


def test_a_facilitator_corrects_and_deletes_their_countrys_contacts(client, world):
    client.force_login(world.marco)
    italian = world.italian
    assert client.get(url("edit", italian.pk)).status_code == 200
    response = client.post(url("edit", italian.pk), form(world.a, note="Corrected note"))
    assert response.status_code == 302
    italian.refresh_from_db()
    assert italian.note == "Corrected note"
    assert italian.by is None, "the author stays who logged it"

    assert client.get(url("delete", italian.pk)).status_code == 200
    assert client.post(url("delete", italian.pk)).status_code == 302
    assert not ContactLog.objects.filter(pk=italian.pk).exists()


def test_the_emails_the_portal_sent_stay_as_they_were_sent(client, world):
    welcome = emailed(world.a)
    before = snapshot()
    for who in (world.marco, CentralStaffFactory()):
        client.force_login(who)
        html = client.get(url("index")).content.decode()
        assert "Welcome to MoreThanAJob" in html
        assert "the portal" in html
        assert url("edit", welcome.pk) not in html and url("delete", welcome.pk) not in html
        assert url("edit", world.italian.pk) in html

        assert refused(client.get(url("edit", welcome.pk)))
        assert refused(client.post(url("edit", welcome.pk), form(world.a, note="Rewritten")))
        assert refused(client.get(url("delete", welcome.pk)))
        assert refused(client.post(url("delete", welcome.pk)))
    assert snapshot() == before


# Everyone else: nothing -------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["organisation", "plain user"])
def test_only_who_follows_organisations_up_reaches_the_contact_log(client, world, who):
    intruder = world.a_user if who == "organisation" else UserFactory(username="nobody")
    if who == "plain user":
        from directory.permissions import access_admin

        intruder.user_permissions.add(access_admin())
    client.force_login(intruder)
    before = snapshot()
    italian = world.italian.pk
    assert refused(client.get(url("index")))
    assert refused(client.get(url("index_results")))
    assert refused(client.get(url("add")))
    assert refused(client.get(url("add"), {"organisation": world.a.pk}))
    assert refused(client.post(url("add"), form(world.a)))
    assert refused(client.get(url("edit", italian)))
    assert refused(client.post(url("edit", italian), form(world.a, note="Mine now")))
    assert refused(client.get(url("delete", italian)))
    assert refused(client.post(url("delete", italian)))
    assert snapshot() == before
    assert "Italian call 1517" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, world):
    for response in (
        client.get(url("index")),
        client.get(url("add")),
        client.post(url("add"), form(world.a)),
        client.get(url("edit", world.italian.pk)),
        client.post(url("delete", world.italian.pk)),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert ContactLog.objects.count() == 2


# Central staff: every organisation --------------------------------------------------------------


def test_central_staff_see_and_log_contacts_with_every_organisation(client, world):
    client.force_login(CentralStaffFactory())
    html = client.get(url("index")).content.decode()
    assert "Italian call 1517" in html and "Greek call 2929" in html

    html = client.get(url("index"), {"country": "GR"}).content.decode()
    assert "Greek call 2929" in html and "Italian call 1517" not in html
    html = client.get(url("index"), {"channel": "email"}).content.decode()
    assert "Greek call 2929" not in html and "Italian call 1517" not in html
    html = client.get(url("index"), {"q": "call 1517"}).content.decode()
    assert "Italian call 1517" in html and "Greek call 2929" not in html

    response = client.post(url("add"), form(world.b, note="Called Vita"))
    assert response.status_code == 302
    assert response["Location"] == url("index")
    logged = ContactLog.objects.get(note="Called Vita")
    assert logged.organisation_key == world.b.translation_key
    assert client.get(url("edit", world.greek.pk)).status_code == 200


def test_the_newest_contacts_come_first(client, world):
    ContactLogFactory(
        organisation=world.a,
        note="Older call",
        contacted_at=timezone.now() - datetime.timedelta(days=30),
    )
    ContactLogFactory(
        organisation=world.a,
        note="Newest call",
        contacted_at=timezone.now() - datetime.timedelta(hours=2),
    )
    client.force_login(world.marco)
    html = client.get(url("index")).content.decode()
    assert html.index("Newest call") < html.index("Italian call 1517") < html.index("Older call")


def test_the_listing_takes_as_many_queries_for_3_contacts_as_for_15(client, world):
    staff = CentralStaffFactory()
    client.force_login(staff)
    ContactLog.objects.all().delete()
    authors = [UserFactory(first_name="Author", last_name=str(n)) for n in range(5)]

    def add(count):
        for n in range(count):
            page = world.a if n % 2 else world.b
            if n % 3:
                ContactLogFactory(organisation=page, note=f"Call {n}", by=authors[n % len(authors)])
            else:
                emailed(page, subject=f"Email {n}")

    def queries():
        client.get(url("index"))  # warm the caches a first visit fills
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url("index"))
        assert response.status_code == 200
        return len(captured)

    add(3)
    few = queries()
    add(12)
    many = queries()
    assert ContactLog.objects.count() == 15
    assert few == many


# Facilitators -----------------------------------------------------------------------------------


def facilitators_url(name, *args):
    return reverse(f"facilitators:{name}", args=args)


def test_central_staff_make_a_facilitator_and_their_country_follows(client, world):
    anna = UserFactory(username="anna", first_name="Anna", last_name="Verdi")
    client.force_login(CentralStaffFactory())
    response = client.get(facilitators_url("add"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="checkbox" name="countries"' in html
    assert "Anna Verdi (anna)" in html
    assert "info@ponte.example.org" not in html, "organisations' people are not offered"
    assert "Marco Rossi (marco)" not in html, "nor who is a facilitator already"

    italy = world.portal.countries["IT"]
    response = client.post(
        facilitators_url("add"),
        {
            "user": anna.pk,
            "countries": [italy.pk],
            "works_for": "CESIE",
            "email": "anna@cesie.example.org",
            "phone": "+39 091 123 4567",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    facilitator = Facilitator.objects.get(user=anna)
    assert list(facilitator.countries.all()) == [italy]
    assert anna.groups.filter(name="Facilitators: IT").exists()

    html = client.get(facilitators_url("index")).content.decode()
    assert "Anna Verdi" in html and "CESIE" in html and "anna@cesie.example.org" in html

    client.force_login(anna)
    html = client.get(url("index")).content.decode()
    assert "Italian call 1517" in html and "Greek call 2929" not in html

    client.force_login(CentralStaffFactory(username="bea"))
    response = client.post(
        facilitators_url("edit", facilitator.pk),
        {"works_for": "CESIE", "email": "", "phone": ""},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not anna.groups.filter(name__startswith="Facilitators: ").exists()
    client.force_login(User.objects.get(pk=anna.pk))
    assert refused(client.get(url("index")))


def test_a_facilitator_needs_a_user(client, world):
    client.force_login(CentralStaffFactory())
    response = client.post(facilitators_url("add"), {"works_for": "CESIE"})
    assert response.status_code == 400
    assert Facilitator.objects.count() == 1


def test_the_screens_share_one_facilitation_menu():
    from facilitators.contacts import FacilitationViewSetGroup

    group = FacilitationViewSetGroup()
    names = [viewset.name for viewset in group.registerables]
    assert {"contacts", "facilitators", "statistics"} <= set(names)
    assert not any(viewset.add_to_admin_menu for viewset in group.registerables)


def test_removing_a_facilitator_removes_their_groups(client, world):
    client.force_login(CentralStaffFactory())
    facilitator = world.marco.facilitator
    response = client.post(facilitators_url("delete", facilitator.pk))
    assert response.status_code == 302
    assert not Facilitator.objects.filter(pk=facilitator.pk).exists()
    assert not world.marco.groups.filter(name__startswith="Facilitators: ").exists()


@pytest.mark.parametrize("who", ["facilitator", "organisation"])
def test_only_central_staff_manage_facilitators(client, world, who):
    client.force_login(world.marco if who == "facilitator" else world.a_user)
    eleni = UserFactory(username="eleni")
    facilitator = world.marco.facilitator
    assert refused(client.get(facilitators_url("index")))
    assert refused(client.get(facilitators_url("add")))
    data = {"user": eleni.pk, "countries": [world.portal.countries["GR"].pk]}
    assert refused(client.post(facilitators_url("add"), data))
    assert refused(client.get(facilitators_url("edit", facilitator.pk)))
    assert refused(client.post(facilitators_url("delete", facilitator.pk)))
    assert not Facilitator.objects.filter(user=eleni).exists()
    assert Facilitator.objects.filter(pk=facilitator.pk).exists()
    assert not Group.objects.filter(user=eleni).exists()


# The organisation sees its facilitator -----------------------------------------------------------


def test_the_organisation_sees_its_facilitator_on_its_admin_home(client, world):
    facilitator = world.marco.facilitator
    facilitator.works_for = "CESIE"
    facilitator.email = "marco@cesie.example.org"
    facilitator.phone = "+39 091 765 4321"
    facilitator.save()

    client.force_login(world.a_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Your facilitator" in html
    assert "Marco Rossi" in html and "CESIE" in html
    assert 'href="mailto:marco@cesie.example.org"' in html
    assert 'href="tel:+390917654321"' in html

    client.force_login(world.b_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Marco Rossi" not in html, "Greece has no facilitator yet"
    assert "Your national facilitator will contact you soon." in html


def test_the_organisations_home_takes_as_many_queries_for_one_facilitator_as_for_three(
    client, world
):
    client.force_login(world.a_user)
    home = reverse("wagtailadmin_home")

    def queries():
        client.get(home)
        with CaptureQueriesContext(connection) as captured:
            html = client.get(home).content.decode()
        return len(captured), html

    one, html = queries()
    assert "Marco Rossi" in html
    italy = world.portal.countries["IT"]
    for name in ("lucia", "paolo"):
        FacilitatorFactory(
            user__username=name,
            user__first_name=name.capitalize(),
            user__last_name="Rossi",
            countries=[italy],
        )
    three, html = queries()
    assert "Lucia Rossi" in html and "Paolo Rossi" in html
    assert one == three


def test_a_note_is_bounded_and_features_are_not_logged_by_hand(client, world):
    client.force_login(world.marco)
    before = snapshot()
    response = client.post(url("add"), form(world.a, note="x" * 200_000))
    assert response.status_code == 400
    assert "Ensure this value has at most 4000 characters" in response.content.decode()
    response = client.post(url("add"), form(world.a, channel=ContactChannel.FEATURED))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert snapshot() == before
    page = client.get(url("add")).content.decode()
    assert f'value="{ContactChannel.MEETING}"' in page
    assert f'value="{ContactChannel.FEATURED}"' not in page
