"""manage.py bench_search: the figures `make bench` writes, on a directory of a few pages."""

import json
from io import StringIO
from urllib.parse import urlencode

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.http import QueryDict

from demo.management.commands.bench_search import CASES
from directory.models.services_index import services_search_url

CASE_NAMES = [
    "trivial view",
    "rare word",
    "common word",
    "two words",
    "common word, filtered",
    "no words, filtered, Arabic",
    "services index, filtered",
    "type-ahead",
    "home page",
    "HSDS API, services",
]


@pytest.mark.django_db
def test_bench_search_writes_every_case_at_every_size(tmp_path):
    path = tmp_path / "results" / "search.json"
    out = StringIO()

    call_command("bench_search", sizes="20:60,40:120", runs=1, json_path=str(path), stdout=out)

    figures = json.loads(path.read_text(encoding="utf-8"))
    assert figures["vendor"] == connection.vendor
    assert figures["date"]
    sizes = figures["sizes"]
    assert [(size["organisations"], size["services"]) for size in sizes] == [(20, 60), (40, 120)]
    for size in sizes:
        assert list(size["cases"]) == CASE_NAMES
        for name, case in size["cases"].items():
            assert 0 < case["median_ms"] <= case["p95_ms"], name
            assert isinstance(case["queries"], int), name
            if name != "trivial view":
                assert case["queries"] > 0, name  # counted, not left at nothing
    # The console table keeps its rows and says, per case, whether the target is met.
    table = out.getvalue().split("Database:", 1)[1]
    for name in CASE_NAMES:
        row = next(line for line in table.splitlines() if line.startswith(name))
        assert row.split()[-1] in ("PASS", "MISS"), row


@pytest.mark.django_db
def test_bench_reuse_times_a_directory_already_grown_without_refreshing_it(monkeypatch):
    call_command("bench_search", sizes="20:60", runs=1, stdout=StringIO())
    refreshed = []
    monkeypatch.setattr(
        "demo.management.commands.bench_search.refresh_listings", lambda: refreshed.append(1)
    )
    out = StringIO()

    call_command("bench_search", sizes="20:60", runs=1, reuse=True, stdout=out)

    assert not refreshed
    assert "Timing the 20 organisations already grown" in out.getvalue()
    with pytest.raises(CommandError, match="more than 10"):
        call_command("bench_search", sizes="10:30", runs=1, reuse=True, stdout=StringIO())


def test_bench_times_the_search_the_services_index_leads_to():
    """The services index only redirects: the bench times the address it redirects to."""
    url, params = next((url, params) for name, url, params in CASES if name.startswith("services"))
    leads_to = services_search_url("en", QueryDict("country=gr&delivery=online"))
    assert QueryDict(leads_to.split("?", 1)[1]) == QueryDict(urlencode(params))
    assert leads_to.split("?", 1)[0] == url


@pytest.mark.django_db
def test_bench_newsletter_times_one_issue_sent_to_every_subscriber(tmp_path, portal):
    path = tmp_path / "results" / "newsletter.json"
    out = StringIO()

    call_command("bench_newsletter", subscribers=40, json_path=str(path), stdout=out)

    figures = json.loads(path.read_text(encoding="utf-8"))
    assert figures["vendor"] == connection.vendor
    assert figures["subscribers"] == 40
    assert figures["outbox_rows"] == 39, "one address in 500 bounced: the first"
    assert figures["seconds"] > 0 and figures["target_seconds"] > 0
    assert "outbox rows for 40 subscribers" in out.getvalue()
    from emails.models import OutboxEmail
    from newsletter.models import NewsletterIssuePage

    assert not NewsletterIssuePage.objects.exists(), "the bench's issue is gone"
    assert not OutboxEmail.objects.exists(), "and its emails"
