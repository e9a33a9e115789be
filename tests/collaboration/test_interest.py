"""An organisation expresses interest in another's call; the call's organisation is emailed and
answers in its admin. Every refusal is checked by direct URL, and leaves nothing behind."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from collaboration.factories import ExpressionOfInterestFactory
from collaboration.models import ExpressionOfInterest
from directory.factories import CountryFacilitatorFactory, OrganisationPageFactory
from emails.default_templates import DEFAULT_TEMPLATES
from emails.models import EmailTemplate, OutboxEmail
from tests.collaboration.calls import make_call
from tests.directory.organisations import PASSWORD, refused
from tests.helpers import has_form, publish, signed_in, translate

pytestmark = pytest.mark.django_db


User = get_user_model()
MESSAGE = "We train bakers in Thessaloniki and could send two trainers in spring."


def express(client, call, message=MESSAGE, language="en", **extra):
    return client.post(f"/{language}/interest/{call.pk}/", {"message": message, **extra})


def nothing_kept():
    return (
        not ExpressionOfInterest.objects.exists()
        and not OutboxEmail.objects.exists()
        and not mail.outbox
    )


# Expressing interest ----------------------------------------------------------------------------


def test_an_organisation_expresses_interest_and_the_calls_organisation_is_emailed(world, on_commit):
    client = signed_in(world.b.user)
    page = client.get(world.calls.gr.url).content.decode()
    assert has_form(page)
    with on_commit():
        response = express(client, world.calls.gr, organisation=world.b.page.pk)
    assert response.status_code == 303
    assert response["Location"].endswith(f"{world.calls.gr.url}#interest")

    interest = ExpressionOfInterest.objects.get()
    assert interest.call_key == world.calls.gr.translation_key
    assert interest.organisation_key == world.b.page.translation_key
    assert interest.owner_key == world.a.page.translation_key
    assert interest.sent_by == world.b.user and interest.message == MESSAGE
    assert interest.status == ExpressionOfInterest.Status.NEW

    email = OutboxEmail.objects.get()
    assert interest.outbox_email == email and email.status == OutboxEmail.Status.SENT
    assert email.to == ["info@ponte.example.org"]
    assert email.reply_to == ["info@vita.example.org"], "the answer goes to the interested one"
    assert email.template_key == "collaboration_interest"
    # Il Ponte's pages are in Italian: it reads the email in Italian.
    assert email.language == "it"
    assert email.subject == (
        "Synergasia Vita è interessata al vostro invito a collaborare: "
        "Exchange of trainers with Greece"
    )
    assert MESSAGE in email.body_text
    assert world.calls.gr.full_url in email.body_text
    assert world.b.page.full_url in email.body_text
    assert f"/admin/interests/inspect/{interest.pk}/" in email.body_text
    [sent] = mail.outbox
    assert sent.to == ["info@ponte.example.org"] and MESSAGE in sent.body

    # Back on the call, B sees that it has done so, and no form.
    response = client.get(world.calls.gr.url)
    assert response.context["standing"].state == "already"
    assert response.context["standing"].interest == interest
    assert not has_form(response.content.decode())


def test_the_call_may_name_its_own_contact_address(world, on_commit):
    world.calls.gr.contact_email = "partners@ponte.example.org"
    publish(world.calls.gr)
    with on_commit():
        assert express(signed_in(world.b.user), world.calls.gr).status_code == 303
    assert OutboxEmail.objects.get().to == ["partners@ponte.example.org"]


def test_interest_from_a_translation_is_interest_in_the_same_call(world, on_commit):
    greek = translate(world.calls.gr, "el", title="Ανταλλαγή εκπαιδευτών με την Ελλάδα")
    client = signed_in(world.b.user)
    with on_commit():
        assert express(client, greek, language="el").status_code == 303
    assert ExpressionOfInterest.objects.get().call_key == world.calls.gr.translation_key
    # The same organisation, from the original: already done.
    response = express(client, world.calls.gr)
    assert response.status_code == 409
    assert ExpressionOfInterest.objects.count() == 1


def test_interest_cannot_be_expressed_twice(world, on_commit):
    client = signed_in(world.b.user)
    with on_commit():
        assert express(client, world.calls.gr).status_code == 303
    response = express(client, world.calls.gr, message="Again, louder.")
    assert response.status_code == 409
    assert "already expressed interest" in response.content.decode()
    assert ExpressionOfInterest.objects.count() == 1
    assert OutboxEmail.objects.count() == 1


@pytest.mark.parametrize("which", ["closed", "past"])
def test_interest_cannot_be_expressed_in_a_closed_call(world, which):
    response = express(signed_in(world.c.user), getattr(world.calls, which))
    assert response.status_code == 409
    assert "This call is closed" in response.content.decode()
    assert nothing_kept()


def test_a_visitor_who_is_not_signed_in_is_invited_to_register(world):
    response = Client().get(world.calls.gr.url)
    assert response.context["standing"].state == "anonymous"
    page = response.content.decode()
    assert 'href="/it/register/"' in page and "/admin/login/?next=" in page
    assert not has_form(page)
    response = express(Client(), world.calls.gr)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Sign in as a registered organisation" in html
    assert 'href="/en/register/"' in html
    assert nothing_kept()


def test_an_organisation_cannot_express_interest_in_its_own_call(world):
    client = signed_in(world.a.user)
    response = client.get(world.calls.gr.url)
    assert response.context["standing"].state == "owner"
    page = response.content.decode()
    assert f"/admin/interests/?call={world.calls.gr.translation_key}" in page
    assert not has_form(page)
    response = express(client, world.calls.gr)
    assert response.status_code == 403
    assert nothing_kept()


def test_a_user_of_no_organisation_cannot_express_interest(world):
    User.objects.create_user("walter", "walter@example.org", PASSWORD)
    response = express(signed_in(User.objects.get(username="walter")), world.calls.gr)
    assert response.status_code == 403
    assert "Only registered organisations" in response.content.decode()
    assert nothing_kept()


def test_an_organisation_not_yet_published_cannot_express_interest(world):
    response = express(signed_in(world.d.user), world.calls.gr)
    assert response.status_code == 403
    assert "not published yet" in response.content.decode()
    assert nothing_kept()


def test_an_organisation_cannot_write_on_behalf_of_another(world):
    response = express(signed_in(world.b.user), world.calls.gr, organisation=world.c.page.pk)
    assert response.status_code == 400
    assert nothing_kept()


@pytest.mark.parametrize("message", ["", "   ", "x" * 2001])
def test_a_message_that_is_empty_or_too_long_is_returned_with_the_reason(world, message):
    response = express(signed_in(world.b.user), world.calls.gr, message=message)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Your interest has not been sent" in html
    assert nothing_kept()


def test_a_call_that_is_not_published_or_does_not_exist_is_404(world):
    client = signed_in(world.b.user)
    world.calls.gr.unpublish()
    assert express(client, world.calls.gr).status_code == 404
    assert express(client, world.a.page).status_code == 404  # not a call
    assert client.post("/en/interest/999999/", {"message": MESSAGE}).status_code == 404
    assert nothing_kept()


def test_the_address_of_the_form_answers_a_get_with_the_call(world):
    response = Client().get(f"/en/interest/{world.calls.gr.pk}/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"{world.calls.gr.url}#interest")


def test_a_failure_half_way_keeps_nothing(world, monkeypatch):
    from emails import mail as portal_mail

    def broken(*args, **kwargs):
        raise RuntimeError("the outbox is on fire")

    monkeypatch.setattr(portal_mail, "send_templated_email", broken)
    with pytest.raises(RuntimeError):
        express(signed_in(world.b.user), world.calls.gr)
    assert nothing_kept()


def test_an_owner_whose_pages_are_in_another_language_reads_the_email_in_it(world, on_commit):
    greek_owner = OrganisationPageFactory(
        parent=world.portal.localized(world.portal.countries["GR"], "el"),
        title="Κοινωνική Σύμπραξη Αθηνών",
        email="info@sympraxi.example.org",
    )
    call = make_call(greek_owner, title="Κοινό πρόγραμμα κατάρτισης", countries=[])
    with on_commit():
        assert express(signed_in(world.c.user), call, language="el").status_code == 303
    email = OutboxEmail.objects.get()
    assert email.language == "el"
    assert email.subject.startswith("Ενδιαφέρον από Lavoro Insieme")


# The response reaches the interested organisation ----------------------------------------------

Status = ExpressionOfInterest.Status
NOTE = "Ci sentiamo lunedì alle 10: vi chiamiamo noi."


@pytest.fixture
def interest(world):
    """Synergasia Vita (B, Greece) is interested in Il Ponte's (A, Italy) Greek call."""
    return ExpressionOfInterestFactory(
        call=world.calls.gr, organisation=world.b.page, sent_by=world.b.user, message=MESSAGE
    )


def respond(client, interest, status=Status.IN_TOUCH, note=NOTE, **options):
    return client.post(
        reverse("interests:respond", args=[interest.pk]),
        {"status": status, "response_note": note},
        **options,
    )


def responses():
    return OutboxEmail.objects.filter(template_key="collaboration_response").order_by("pk")


def test_a_response_emails_the_interested_organisation_in_its_language(world, interest, on_commit):
    client = signed_in(world.a.user)
    with on_commit():
        response = respond(client, interest)
    assert response.status_code == 302
    assert "emailed to them" in client.get(response["Location"]).content.decode()

    [email] = responses()
    assert email.to == [world.b.user.email]
    assert email.reply_to == ["info@ponte.example.org"], "they answer the call's organisation"
    assert email.status == OutboxEmail.Status.SENT
    # Synergasia Vita's pages are in Greek: its people read the email in Greek.
    assert email.language == world.b.page.locale.language_code == "el"
    assert email.subject == (
        "Απάντηση από Cooperativa Il Ponte στο ενδιαφέρον σας: Exchange of trainers with Greece"
    )
    assert NOTE in email.body_text and MESSAGE not in email.body_text
    assert world.calls.gr.full_url in email.body_text
    assert f"/admin/interests/inspect/{interest.pk}/" in email.body_text
    assert email.organisation.specific == world.b.page
    [sent] = [message for message in mail.outbox if message.to == [world.b.user.email]]
    assert NOTE in sent.body


def test_each_member_reads_the_response_in_the_language_of_their_admin(world, interest, on_commit):
    colleague = User.objects.create_user("maria", "maria@vita.example.org", PASSWORD)
    colleague.groups.add(world.b.account.group)
    profile = UserProfile.get_for_user(colleague)
    profile.preferred_language = "it"
    profile.save()
    with on_commit():
        respond(signed_in(world.a.user), interest, status=Status.ACCEPTED)
    by_address = {email.to[0]: email for email in responses()}
    assert set(by_address) == {world.b.user.email, "maria@vita.example.org"}
    assert by_address[world.b.user.email].language == "el"
    italian = by_address["maria@vita.example.org"]
    assert italian.language == "it"
    assert italian.subject.startswith("Cooperativa Il Ponte ha risposto al vostro interesse")


def test_only_a_new_or_changed_response_is_emailed(world, interest, on_commit):
    client = signed_in(world.a.user)
    with on_commit():
        respond(client, interest)
        respond(client, interest)  # saved again as it was: nothing new to tell
    assert responses().count() == 1
    with on_commit():
        respond(client, interest, note="Rinviato a martedì.")
    assert responses().count() == 2 and "Rinviato a martedì." in responses().last().body_text
    with on_commit():
        respond(client, interest, status=Status.NEW, note="")  # back to awaiting: no email
    assert responses().count() == 2


def test_a_response_without_a_note_is_emailed_too(world, interest, on_commit):
    with on_commit():
        respond(signed_in(world.a.user), interest, status=Status.DECLINED, note="")
    [email] = responses()
    assert "{response_note}" not in email.body_text and "{" not in email.subject


def test_a_refused_response_emails_nobody(world, interest, on_commit):
    with on_commit():
        assert respond(signed_in(world.a.user), interest, status="maybe").status_code == 400
        assert respond(signed_in(world.a.user), interest, note="x" * 5000).status_code == 400
        for user in (world.b.user, world.c.user):  # the sender, and a stranger
            response = respond(signed_in(user), interest, follow=True)
            assert response.status_code == 404 or refused(response)
        response = respond(Client(), interest)
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    assert not responses().exists()
    interest.refresh_from_db()
    assert interest.status == Status.NEW and interest.response_note == ""


def test_a_failure_to_queue_the_email_keeps_the_response_unsaved(world, interest, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the outbox is down")

    monkeypatch.setattr("emails.mail.send_templated_email", broken)
    client = signed_in(world.a.user)
    with pytest.raises(RuntimeError):
        respond(client, interest)
    interest.refresh_from_db()
    assert interest.status == Status.NEW and interest.responded_by is None


def test_the_response_email_exists_in_every_language():
    for code in ("en", "it", "el", "ar"):
        subject, body = DEFAULT_TEMPLATES[code]["collaboration_response"]
        assert "{call_organisation}" in subject and "{call_title}" in subject
        for name in ("{response_status}", "{response_note}", "{call_link}", "{interest_link}"):
            assert name in body, (code, name)
        assert EmailTemplate.objects.get(key="collaboration_response", locale__language_code=code)


def test_the_menu_counts_the_interest_awaiting_a_response(world, interest):
    def labels(user):
        """The admin home, with the menu's labels."""
        return signed_in(user).get(reverse("wagtailadmin_home")).content.decode()

    assert "Expressions of interest (1)" in labels(world.a.user), "the call's organisation"
    assert "Expressions of interest (1)" not in labels(world.b.user), "the sender waits, not asks"
    italy = CountryFacilitatorFactory(username="lucia", country=world.portal.countries["IT"])
    assert "Expressions of interest (1)" in labels(italy)
    greece = CountryFacilitatorFactory(username="nikos", country=world.portal.countries["GR"])
    assert "Expressions of interest (1)" not in labels(greece)
