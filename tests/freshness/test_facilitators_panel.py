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
