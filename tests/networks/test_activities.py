"""A network's knowledge-exchange activities: recorded by its editors on its page, translated with
it, shown on its public page in the visitor's language with their documents."""

import datetime
import json
import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail.test.utils.form_data import streamfield
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from directory.factories import NetworkPageFactory, OrganisationPageFactory
from directory.models import NetworkActivity, OrganisationPage
from directory.models.network import ACTIVITIES_PER_PAGE
from tests.helpers import publish
from tests.networks.editing import edit_data

pytestmark = pytest.mark.django_db


def document(title):
    return get_document_model().objects.create(
        title=title, file=ContentFile(b"%PDF-1.4 report", name=f"{title.lower()}.pdf")
    )


def activity(page, number, **fields):
    return NetworkActivity(
        **{
            "kind": "study_visit",
            "date": datetime.date(2025, 1, 1) + datetime.timedelta(days=number),
            "title": f"Activity {number}",
            "summary": f"What was done at activity {number}.",
            "outcome": f"What activity {number} changed.",
            **fields,
        }
    )


@pytest.fixture
def network(portal):
    return publish(NetworkPageFactory(parent=portal.countries["IT"], title="Rete Sicilia Lavoro"))


def with_activities(page, activities):
    page.network_activities = activities
    return publish(page)


def section_of(html, anchor="network-activities"):
    start = html.index(f'id="{anchor}"')
    return html[start : html.index("</section>", start)]


def test_a_networks_editor_records_an_activity_with_its_documents(staff_client, client, network):
    report, slides = document("Report"), document("Slides")
    data = edit_data(
        network,
        network_activities=[
            {
                "kind": "peer_review",
                "date": "2025-03-14",
                "title": "Peer review of our job-coaching method",
                "summary": "Three members reviewed each other's coaching files.",
                "outcome": "A shared checklist for the first interview.",
                "documents": streamfield([("document", report.pk), ("document", slides.pk)]),
            }
        ],
    )
    data["action-publish"] = "publish"
    response = staff_client.post(reverse("wagtailadmin_pages:edit", args=[network.pk]), data)
    assert response.status_code == 302

    saved = OrganisationPage.objects.get(pk=network.pk)
    [recorded] = saved.network_activities.all()
    assert (recorded.kind, recorded.date) == ("peer_review", datetime.date(2025, 3, 14))
    assert recorded.locale_id == saved.locale_id  # the page's language

    html = client.get(saved.url).content.decode()
    section = section_of(html)
    assert "Peer review of our job-coaching method" in section
    assert "Peer review ·" in section  # its kind, named
    assert "A shared checklist for the first interview." in section
    assert f'href="{report.url}">Report</a>' in section
    assert f'href="{slides.url}">Slides</a>' in section


def test_an_activity_without_a_title_is_refused_with_a_message(staff_client, network):
    data = edit_data(
        network,
        network_activities=[
            {"kind": "training", "date": "2025-03-14", "title": "", "summary": "A day together.",
             "outcome": "", "documents": streamfield([])}
        ],
    )  # fmt: skip
    data["action-publish"] = "publish"  # a draft may be incomplete; what is published may not
    response = staff_client.post(reverse("wagtailadmin_pages:edit", args=[network.pk]), data)
    assert response.status_code == 200
    assert not OrganisationPage.objects.get(pk=network.pk).network_activities.exists()
    assert "This field is required." in response.text


def test_other_organisations_have_no_activities_to_record_and_still_save(staff_client, portal):
    cooperative = publish(OrganisationPageFactory(parent=portal.countries["IT"]))
    edit = reverse("wagtailadmin_pages:edit", args=[cooperative.pk])
    assert "network_activities-TOTAL_FORMS" not in staff_client.get(edit).text
    data = edit_data(cooperative, title="Cooperativa rinominata")
    assert staff_client.post(edit, data).status_code == 302
    saved = OrganisationPage.objects.get(pk=cooperative.pk).get_latest_revision_as_object()
    assert saved.title == "Cooperativa rinominata"


def test_the_editor_of_a_network_shows_the_activities(staff_client, network):
    html = staff_client.get(reverse("wagtailadmin_pages:edit", args=[network.pk])).text
    assert "network_activities-TOTAL_FORMS" in html
    assert "Knowledge exchange" in html


def test_activities_show_only_on_networks(client, portal):
    cooperative = OrganisationPageFactory(parent=portal.countries["IT"], title="Il Ponte")
    cooperative = with_activities(cooperative, [activity(cooperative, 1)])
    html = client.get(cooperative.url).content.decode()
    assert "Il Ponte" in html
    assert 'id="network-activities"' not in html
    assert "Activity 1" not in html


def test_newest_first_ten_at_a_time(client, network):
    network = with_activities(network, [activity(network, n) for n in range(1, 13)])
    first = section_of(client.get(network.url).content.decode())
    shown = re.findall(r"<h3>(Activity \d+)</h3>", first)
    assert shown == [f"Activity {n}" for n in range(12, 12 - ACTIVITIES_PER_PAGE, -1)]
    assert "(12)" in first
    assert 'href="?activities=2"' in first
    second = section_of(client.get(network.url + "?activities=2").content.decode())
    assert re.findall(r"<h3>(Activity \d+)</h3>", second) == ["Activity 2", "Activity 1"]
    assert client.get(network.url + "?activities=9").status_code == 404
    assert client.get(network.url + "?activities=x").status_code == 404


def test_search_engines_read_dated_activities_as_events(client, network):
    report = document("Report")
    network = with_activities(
        network, [activity(network, 1, documents=[("document", report)], title="Study visit")]
    )
    html = client.get(network.url).content.decode()
    [data] = [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    [event] = data["event"]
    assert event["@type"] == "Event"
    assert (event["name"], event["startDate"]) == ("Study visit", "2025-01-02")
    assert event["workFeatured"][0]["url"] == "http://testserver" + report.url


def translate_through_localize(page, language, texts):
    """The page's translation made as a translator makes it in wagtail-localize's editor:
    `texts` {source text: translated text} for the segments translated."""
    locale = Locale.objects.get(language_code=language)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if segment.string.data in texts:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=texts[segment.string.data],
            )
    translation.save_target(publish=False)
    target = page.get_translation(locale)
    target.get_latest_revision().publish()
    return OrganisationPage.objects.get(pk=target.pk)


def test_the_visitor_reads_activities_in_their_language(client, network):
    report = document("Report")
    network = with_activities(
        network,
        [
            activity(
                network,
                1,
                kind="working_group",
                title="Gruppo di lavoro sui tirocini",
                summary="I membri hanno confrontato i loro tirocini.",
                outcome="Un modello comune di convenzione.",
                documents=[("document", report)],
            )
        ],
    )
    arabic = translate_through_localize(
        network,
        "ar",
        {
            "Rete Sicilia Lavoro": "شبكة صقلية للعمل",
            "Gruppo di lavoro sui tirocini": "فريق عمل حول التدريب الميداني",
            "I membri hanno confrontato i loro tirocini.": "قارن الأعضاء برامج التدريب لديهم.",
            "Un modello comune di convenzione.": "نموذج مشترك للاتفاقية.",
        },
    )
    [translated] = arabic.network_activities.all()
    [original] = network.network_activities.all()
    # One activity, in two languages: paired by its key, its kind, date and documents the same.
    assert translated.translation_key == original.translation_key
    assert translated.locale.language_code == "ar"
    assert (translated.kind, translated.date) == (original.kind, original.date)
    assert translated.documents.raw_data[0]["value"] == report.pk

    html = client.get(arabic.url).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    section = section_of(html)
    assert "فريق عمل حول التدريب الميداني" in section
    assert "نموذج مشترك للاتفاقية." in section
    assert "Gruppo di lavoro" not in section
    assert f'href="{report.url}"' in section

    italian = section_of(client.get(network.url).content.decode())
    assert "Gruppo di lavoro sui tirocini" in italian


def test_translators_get_the_activities_texts_and_not_their_codes(network):
    network = with_activities(network, [activity(network, 1, kind="training")])
    source, _created = TranslationSource.get_or_create_from_instance(network)
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert {"Activity 1", "What was done at activity 1.", "What activity 1 changed."} <= texts
    assert "training" not in texts


def count_queries(client, url):
    client.get(url)  # warm the per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_page_reads_its_activities_in_the_same_queries_for_2_and_9(client, network, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    counts = {}
    for size in (2, 9):
        page = with_activities(
            OrganisationPage.objects.get(pk=network.pk),
            [
                activity(network, n, documents=[("document", document(f"Doc {size} {n}"))])
                for n in range(size)
            ],
        )
        counts[size], html = count_queries(client, page.url)
        assert section_of(html).count('class="activity"') == size
        assert section_of(html).count("Doc ") == size
    assert counts[2] == counts[9]


def test_the_translator_finds_the_activities_in_the_translation_editor(staff_client, network):
    network = with_activities(network, [activity(network, 1, title="Visita di studio a Trapani")])
    arabic = translate_through_localize(network, "ar", {"Visita di studio a Trapani": "زيارة"})
    response = staff_client.get(reverse("wagtailadmin_pages:edit", args=[arabic.pk]))
    assert response.status_code == 200
    assert "Visita di studio a Trapani" in response.text  # the source, beside its translation
