"""The facilitators' panel flags an organisation whose pages left the listings for want of a
check, and filters on it; a year-old check alone is not flagged."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from directory.factories import CountryFacilitatorFactory, ServicePageFactory
from directory.freshness import months_before, record_check
from tests.directory.organisations import registered
from tests.helpers import publish

pytestmark = pytest.mark.django_db

FLAG = "1 page not checked for a long time: no longer listed"


def test_the_panel_flags_pages_unchecked_for_eighteen_months(client, portal):
    _u, stale, _a = registered("it", "a@ponte.example.org", "Cooperativa Il Ponte")
    _u, year_old, _a = registered("it", "c@sole.example.org", "Cooperativa Sole")
    stale, year_old = publish(stale), publish(year_old)
    forgotten = publish(ServicePageFactory(parent=stale, title="Corso dimenticato"))
    publish(ServicePageFactory(parent=stale, title="Corso recente"))
    ageing = publish(ServicePageFactory(parent=year_old, title="Corso di un anno fa"))
    today = timezone.localdate()
    record_check([forgotten.translation_key], on=months_before(today, 19))
    record_check([ageing.translation_key], on=months_before(today, 13))
    client.force_login(CountryFacilitatorFactory(username="marco", country=portal.countries["IT"]))
    home = reverse("wagtailadmin_home")

    html = client.get(home, {"attention": "all"}).content.decode()
    row = html[html.index(f'data-organisation="{stale.pk}"') :]
    assert FLAG in row[: row.index("</tr>")]
    other = html[html.index(f'data-organisation="{year_old.pk}"') :]
    assert "not checked for a long time" not in other[: other.index("</tr>")]

    flagged = client.get(home, {"attention": "unchecked"}).content.decode()
    assert "Cooperativa Il Ponte" in flagged and "Cooperativa Sole" not in flagged
    # Checked again: no longer flagged.
    record_check([forgotten.translation_key], on=today - datetime.timedelta(days=1))
    assert (
        "Cooperativa Il Ponte" not in client.get(home, {"attention": "unchecked"}).content.decode()
    )


def test_a_facilitator_records_a_check_from_the_organisation_file(client, portal):
    from facilitators.models import ContactLog
    from facilitators.organisation_file import file_url

    _u, organisation, _a = registered("it", "a@ponte.example.org", "Cooperativa Il Ponte")
    organisation = publish(organisation)
    service = publish(ServicePageFactory(parent=organisation, title="Corso"))
    long_ago = months_before(timezone.localdate(), 19)
    record_check([organisation.translation_key, service.translation_key], on=long_ago)
    url = file_url(organisation)

    # Another country's facilitator cannot, and nothing changes.
    client.force_login(CountryFacilitatorFactory(username="eleni", country=portal.countries["GR"]))
    assert client.post(url, {"action": "checked"}).status_code in (302, 403, 404)
    service.refresh_from_db()
    assert service.checked_on == long_ago

    client.force_login(CountryFacilitatorFactory(username="marco", country=portal.countries["IT"]))
    assert "Record a check" in client.get(url).content.decode()
    response = client.post(url, {"action": "checked"})
    assert response.status_code == 302
    service.refresh_from_db()
    organisation.refresh_from_db()
    assert service.checked_on == organisation.checked_on == timezone.localdate()
    contact = ContactLog.objects.filter(organisation_key=organisation.translation_key).first()
    assert contact.by.username == "marco" and "accurate" in contact.note
    assert client.post(url, {"action": "other"}).status_code == 400
