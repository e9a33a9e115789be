"""A network is written to like any organisation: its page has the message form, and a message
reaches the network's address through the outbox."""

import pytest
from django.core import mail

from directory.factories import NetworkPageFactory
from directory.models import Enquiry
from emails.models import OutboxEmail
from tests.helpers import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(portal):
    return publish(
        NetworkPageFactory(
            parent=portal.countries["IT"],
            title="Rete Sicilia Lavoro",
            email="info@retesicilia.example.org",
        )
    )


def address(network):
    return f"/{network.locale.language_code}/enquiry/{network.pk}/"


def message(**changes):
    return {
        "name": "Amina Haddad",
        "email": "amina@example.org",
        "message": "Can our association join the network?",
        "consent": "on",
        "website": "",
        **changes,
    }


def test_a_networks_page_has_the_message_form(client, network):
    html = client.get(network.url).content.decode()
    assert f'action="{address(network)}#enquiry"' in html
    assert 'name="message"' in html and 'name="consent"' in html


def test_a_message_to_a_network_reaches_its_address(client, network, on_commit):
    with on_commit():
        response = client.post(address(network), message())
    assert response.status_code == 303
    enquiry = Enquiry.objects.get()
    assert enquiry.organisation_key == network.translation_key
    assert OutboxEmail.objects.get().to == ["info@retesicilia.example.org"]
    [sent] = mail.outbox
    assert "Can our association join the network?" in sent.body


def test_a_message_without_consent_is_refused_with_the_form_again(client, network):
    response = client.post(address(network), message(consent=""))
    assert response.status_code == 400
    assert not Enquiry.objects.exists() and not mail.outbox
