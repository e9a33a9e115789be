"""An organisation registers on the public site, confirms its email and gets its own corner."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import MD5PasswordHasher
from django.contrib.auth.models import Group
from django.core import mail
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import Collection, GroupPagePermission, Page

from directory.factories import PlaceFactory
from directory.models import CountryPage, OrganisationAccount, OrganisationPage
from emails.models import OutboxEmail
from facilitators.models import ContactLog
from tests.helpers import log_in, term, translate

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture(autouse=True)
def places(db):
    """Two towns to choose from, one in each of the portal's countries."""
    return {
        "palermo": term(PlaceFactory, "palermo", {"it": "Palermo", "ar": "باليرمو"}, country="IT"),
        "athens": term(PlaceFactory, "athens", {"el": "Αθήνα", "en": "Athens"}, country="GR"),
    }


def valid(**changes):
    data = {
        "organisation_name": "Cooperativa Sociale Il Ponte",
        "acronym": "CSIP",
        "kind": "social_cooperative",
        "country": "it",
        "place": "palermo",
        "first_name": "Giulia",
        "last_name": "Rossi",
        "email": "Giulia@Ponte.example.org",
        "password": "bread-and-roses-2026",
        "password_confirm": "bread-and-roses-2026",
        "accept_terms": "on",
        "website": "",
    }
    data.update(changes)
    return data


def everything():
    return {
        "users": User.objects.count(),
        "organisations": OrganisationPage.objects.count(),
        # Organisations' own groups (the first registration without a country also creates the
        # "Country not set" page, and with it that page's facilitators' group).
        "groups": Group.objects.filter(name__startswith="Organisation: ").count(),
        "collections": Collection.objects.count(),
        "accounts": OrganisationAccount.objects.count(),
        "emails": OutboxEmail.objects.count(),
    }


def register(client, language="en", **changes):
    return client.post(f"/{language}/register/", valid(**changes))


def test_the_form_explains_why_a_full_name_matters_in_every_language(client, portal):
    html = client.get("/en/register/").content.decode()
    assert "not only “CESIE”" in html
    assert '<option value="it">Italy</option>' in html
    arabic = client.get("/ar/register/").content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic
    assert '<option value="it">إيطاليا</option>' in arabic


def test_registration_creates_the_account_page_group_and_collection(
    client, portal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client)
    assert response.status_code == 302
    assert response["Location"] == "/en/register/sent/"

    user = User.objects.get(email="giulia@ponte.example.org")
    assert not user.is_active, "no sign-in before the address is confirmed"
    page = OrganisationPage.objects.get(title="Cooperativa Sociale Il Ponte")
    assert not page.live
    assert page.locale.language_code == "it", "written in the country's language"
    assert page.get_parent().specific.code == "IT"
    assert page.acronym == "CSIP" and page.place.slug == "palermo"

    account = OrganisationAccount.objects.get(translation_key=page.translation_key)
    assert list(user.groups.all()) == [account.group]
    rights = set(
        GroupPagePermission.objects.filter(group=account.group).values_list(
            "page_id", "permission__codename"
        )
    )
    assert rights == {(page.pk, "add_page"), (page.pk, "change_page")}, "edit, not publish"
    assert account.group.collection_permissions.filter(collection=account.collection).exists()

    # The verification email is in the outbox and was sent after the commit.
    email = OutboxEmail.objects.get(template_key="email_verification")
    assert email.to == ["giulia@ponte.example.org"]
    assert email.status == "sent"
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/en/register/verify/[^\s]+/)", mail.outbox[0].body)
    assert link, mail.outbox[0].body

    assert not log_in(client, "giulia@ponte.example.org", "bread-and-roses-2026")
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client.get(link.group(1))
    assert confirmed.status_code == 200
    user.refresh_from_db()
    assert user.is_active
    assert log_in(client, "giulia@ponte.example.org", "bread-and-roses-2026")

    welcome = OutboxEmail.objects.get(template_key="welcome")
    assert welcome.language == "it"
    assert welcome.status == "sent"
    assert "Cooperativa Sociale Il Ponte" in welcome.body_text
    assert "Ora fate parte delle 1 organizzazioni" in welcome.body_text, (
        "the live count, in Italian"
    )

    # The welcome is a contact with the organisation, for its facilitators' records.
    contact = ContactLog.objects.get(organisation_key=page.translation_key)
    assert contact.channel == "email" and contact.email == welcome and contact.by is None

    # A second click on the link does not send a second welcome.
    client.get(link.group(1))
    assert OutboxEmail.objects.filter(template_key="welcome").count() == 1


def test_an_organisation_without_a_country_is_asked_for_it(
    client, portal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(client, country="none", place="", email="info@nowhere.example.org")
    page = OrganisationPage.objects.get()
    assert page.get_parent().specific.code == ""
    user = User.objects.get(email="info@nowhere.example.org")
    token = re.search(r"/register/verify/([^\s/]+)/", mail.outbox[0].body).group(1)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(f"/en/register/verify/{token}/")
    user.refresh_from_db()
    assert OutboxEmail.objects.filter(template_key="welcome_country_missing").exists()


def test_a_translation_made_later_gets_the_same_rights(client, portal):
    register(client)
    page = OrganisationPage.objects.get()
    account = OrganisationAccount.objects.get()
    english = translate(page, "en", title="Il Ponte Social Cooperative")
    assert GroupPagePermission.objects.filter(
        group=account.group, page=english, permission__codename="change_page"
    ).exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"email": "not-an-email"}, "email", "valid email"),
        ({"password": "12345678", "password_confirm": "12345678"}, "password", "too common"),
        ({"password_confirm": "something-else-99"}, "password_confirm", "different"),
        ({"organisation_name": "   "}, "organisation_name", "required"),
        ({"country": "xx"}, "country", "valid choice"),
        ({"kind": "bank"}, "kind", "valid choice"),
        ({"accept_terms": ""}, "accept_terms", "accept the terms"),
        ({"place": ""}, "place", "Choose the city or town"),
        ({"place": "nowhere"}, "place", "valid choice"),
        ({"place": "athens"}, "place", "of the country you chose"),
    ],
)
def test_bad_input_returns_the_form_with_a_message_and_creates_nothing(
    client, portal, changes, field, message
):
    before = everything()
    response = register(client, **changes)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors
    assert message in " ".join(errors[field])
    # Above the form, a summary of what to correct links to each field at fault.
    summary = re.search(
        r'<div class="notice" role="alert" id="form-errors".*?</div>',
        response.content.decode(),
        re.S,
    )
    assert summary and f'href="#id_{field}"' in summary.group(0)
    assert everything() == before


def test_a_taken_email_address_gets_the_same_answer_and_nothing_is_made(
    client, portal, django_capture_on_commit_callbacks
):
    """Nobody can find out from the form whether an address has an account: the owner of the
    account hears that someone tried, and nothing else is made."""
    with django_capture_on_commit_callbacks(execute=True):
        new = register(client, email="someone.new@example.org")
    User.objects.create_user("someone", "giulia@ponte.example.org", "x", first_name="Giulia")
    before = everything()
    with django_capture_on_commit_callbacks(execute=True):
        taken = register(client, organisation_name="Whatever The Attacker Wrote")
    assert taken.status_code == new.status_code == 302
    assert taken["Location"] == new["Location"] == "/en/register/sent/"
    assert everything() == {**before, "emails": before["emails"] + 1}
    notice = mail.outbox[-1]
    assert notice.to == ["giulia@ponte.example.org"]
    assert "already has an account" in notice.body
    assert "http://testserver/admin/password_reset/" in notice.body
    assert "Whatever The Attacker Wrote" not in notice.body
    assert User.objects.get(email="giulia@ponte.example.org").check_password("x")


class CountingHasher(MD5PasswordHasher):
    """The test settings' hasher, counting the passwords it hashes."""

    algorithm = "counting_md5"
    hashed = 0

    def encode(self, password, salt):
        type(self).hashed += 1
        return super().encode(password, salt)


@pytest.fixture
def counting_hasher(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    CountingHasher.hashed = 0
    return CountingHasher


def emails_to(address):
    return OutboxEmail.objects.filter(to=[address]).count()


def test_a_new_and_a_taken_address_cost_the_same_work(client, portal, counting_hasher):
    """What the two answers do, rather than how long they take: each hashes the password once
    and writes one email to the outbox for the address, in the request."""
    register(client, email="someone.new@example.org")
    assert counting_hasher.hashed == 1
    assert emails_to("someone.new@example.org") == 1
    assert User.objects.get(email="someone.new@example.org").check_password("bread-and-roses-2026")

    User.objects.create_user("giulia", "giulia@ponte.example.org", "x")
    counting_hasher.hashed = 0
    register(client, email="giulia@ponte.example.org")
    assert counting_hasher.hashed == 1
    assert emails_to("giulia@ponte.example.org") == 1


def test_a_robot_filling_the_hidden_field_is_refused(client, portal):
    before = everything()
    assert register(client, website="http://spam.example.com").status_code == 400
    assert everything() == before


def test_a_failure_half_way_leaves_nothing_behind(client, portal, monkeypatch):
    def broken(account):
        raise RuntimeError("the permission table is unavailable")

    monkeypatch.setattr("directory.registration.sync_organisation", broken)
    before = everything()
    with pytest.raises(RuntimeError):
        register(client)
    assert everything() == before


@pytest.mark.parametrize("token", ["nonsense", "eyJ1IjoxfQ:1abc:def", "a" * 300])
def test_a_forged_or_broken_link_is_refused(client, portal, token):
    response = client.get(f"/en/register/verify/{token}/")
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()


HOSTILE = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300
) | st.sampled_from(["", " ", "\x00", "<script>alert(1)</script>", "' OR 1=1 --", "é" * 500])


@hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    name=HOSTILE,
    email=HOSTILE | st.emails(),
    password=HOSTILE,
    country=HOSTILE | st.sampled_from(["it", "gr", "none"]),
    kind=HOSTILE | st.sampled_from(["association", "municipality"]),
    place=HOSTILE | st.sampled_from(["palermo", "athens", ""]),
)
def test_hostile_input_never_breaks_registration(
    client, portal, settings, name, email, password, country, kind, place
):
    settings.PORTAL_REGISTRATION_RATE_LIMIT = 0
    before = everything()
    # (PostgreSQL cannot even compare a text with a NUL byte: no account has one.)
    address_taken = (
        "\x00" not in email and User.objects.filter(email__iexact=email.strip()).exists()
    )
    response = client.post(
        "/en/register/",
        valid(
            organisation_name=name,
            email=email,
            password=password,
            password_confirm=password,
            country=country,
            kind=kind,
            place=place,
            first_name=name,
            last_name=name,
        ),
    )
    assert response.status_code in (302, 400)
    after = everything()
    if response.status_code == 400 or address_taken:
        assert after == before
    else:
        assert after["users"] == before["users"] + 1
        assert after["organisations"] == before["organisations"] + 1
        assert after["groups"] == before["groups"] + 1
        assert after["collections"] == before["collections"] + 1
        assert after["accounts"] == before["accounts"] + 1
    assert Page.objects.filter(depth=1).count() == 1
    assert CountryPage.objects.filter(code="IT").exists()


def test_emails_go_through_anymail(client, portal, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        register(client)
    sent = mail.outbox[0]
    assert sent.anymail_status.status == {"sent"}
    email = OutboxEmail.objects.get()
    assert email.provider_message_id == str(sent.anymail_status.message_id)


def test_an_unconfirmed_account_can_ask_for_a_new_link(
    client, portal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/register/resend/", {"email": "GIULIA@ponte.example.org"})
    assert response["Location"] == "/en/register/sent/"
    assert OutboxEmail.objects.filter(template_key="email_verification").count() == 2
    link = re.search(r"http://testserver(/en/register/verify/[^\s]+/)", mail.outbox[-1].body)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(link.group(1))
    assert User.objects.get(email="giulia@ponte.example.org").is_active

    # Once confirmed, or for an unknown address, the same answer and no email.
    for email in ("giulia@ponte.example.org", "nobody@example.org"):
        response = client.post("/en/register/resend/", {"email": email})
        assert response["Location"] == "/en/register/sent/"
    assert OutboxEmail.objects.filter(template_key="email_verification").count() == 2


def test_a_provider_failure_keeps_the_registration_and_the_email_is_sent_later(
    client, portal, settings, django_capture_on_commit_callbacks
):
    from anymail.exceptions import AnymailAPIError
    from django.core.management import call_command
    from django.utils import timezone

    from tests.email_provider import ScriptedEmailBackend

    settings.PORTAL_EMAIL_PROVIDER_BACKEND = "tests.email_provider.ScriptedEmailBackend"
    ScriptedEmailBackend.responses = [AnymailAPIError("503 Service Unavailable")]
    with django_capture_on_commit_callbacks(execute=True):
        response = register(client)
    assert response.status_code == 302
    assert OrganisationPage.objects.filter(title="Cooperativa Sociale Il Ponte").exists()
    email = OutboxEmail.objects.get()
    assert email.status == "retrying"
    assert email.attempts == 1

    OutboxEmail.objects.update(next_attempt_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_queued_email", verbosity=0)
    email.refresh_from_db()
    assert email.status == "sent"
    assert email.attempts == 2
    assert mail.outbox[-1].anymail_status.status == {"sent"}
    assert "/register/verify/" in mail.outbox[-1].body


def test_first_and_last_name_are_both_asked_and_kept(client, portal):
    for missing in ("first_name", "last_name"):
        response = register(client, **{missing: ""})
        assert response.status_code == 400
        assert "This field is required." in response.content.decode()
    assert not User.objects.filter(email="giulia@ponte.example.org").exists()
    assert register(client, last_name="x" * 151).status_code == 400

    assert register(client).status_code == 302
    user = User.objects.get(email="giulia@ponte.example.org")
    assert (user.first_name, user.last_name) == ("Giulia", "Rossi")
    page = OrganisationPage.objects.get(title="Cooperativa Sociale Il Ponte")
    assert page.contact_person == "Giulia Rossi"


def verification_path(message):
    return re.search(r"http://testserver(/\w+/register/verify/[^\s]+/)", message.body).group(1)


def test_registering_again_before_confirming_sends_a_fresh_link(client, portal, on_commit):
    """Someone who never confirmed their address and registers again gets a new verification
    link rather than word that the address has an account; once confirmed, the notice. The page
    answers the same each time, and nothing new is made."""
    with on_commit():
        first = register(client)
    before = everything()
    with on_commit():
        again = register(
            client,
            "it",
            organisation_name="Il Ponte Di Nuovo",
            password="another-long-phrase-2026",
            password_confirm="another-long-phrase-2026",
        )
    assert again.status_code == first.status_code == 302
    assert again["Location"] == "/it/register/sent/"
    assert everything() == {**before, "emails": before["emails"] + 1}
    link = mail.outbox[-1]
    assert link.to == ["giulia@ponte.example.org"]
    assert link.subject.startswith("Confermate il vostro indirizzo email")  # the visitor's
    assert "/it/register/verify/" in link.body
    assert OutboxEmail.objects.filter(template_key="email_verification").count() == 2
    assert not OutboxEmail.objects.filter(template_key="registration_existing_account").exists()

    with on_commit():
        client.get(verification_path(link))
    user = User.objects.get(email="giulia@ponte.example.org")
    assert user.is_active
    assert user.check_password("bread-and-roses-2026")  # the second form changed nothing

    with on_commit():
        confirmed = register(client)
    assert confirmed["Location"] == "/en/register/sent/"
    notice = mail.outbox[-1]
    assert "already has an account" in notice.body
    assert "http://testserver/admin/password_reset/" in notice.body
    assert OutboxEmail.objects.filter(template_key="email_verification").count() == 2


def test_fresh_links_by_registering_again_are_rate_limited(client, portal, settings, on_commit):
    settings.PORTAL_REGISTRATION_RATE_LIMIT = 2
    for _attempt in range(2):
        with on_commit():
            assert register(client).status_code == 302
    with on_commit():
        assert register(client).status_code == 429
    assert OutboxEmail.objects.filter(template_key="email_verification").count() == 2
