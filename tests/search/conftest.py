"""A small directory in English, Italian and Arabic, written for the search tests."""

import datetime
from dataclasses import dataclass, field

import pytest
from django.utils import timezone

from directory.factories import (
    CountryPageFactory,
    ExpertiseCategoryFactory,
    OrganisationPageFactory,
    PlaceFactory,
    ServicePageFactory,
    TargetGroupFactory,
)
from directory.models import Delivery, PlaceKind, ServiceKind
from tests.helpers import load_portal, module_transaction, reload, term, translate


def publish(page, target_groups=()):
    page.target_groups.set(target_groups)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@dataclass
class Directory:
    portal: object
    pages: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)

    def __getitem__(self, name):
        return self.pages[name]

    def fresh(self, portal):
        """The same directory, in new instances read from the database, for one test."""
        return Directory(
            portal,
            pages={name: reload(page) for name, page in self.pages.items()},
            terms={name: reload(term) for name, term in self.terms.items()},
        )


@pytest.fixture(scope="module")
def made_directory(django_db_setup, django_db_blocker):
    """The directory, made once for a module (`module_transaction`)."""
    with module_transaction(django_db_blocker):
        yield make_directory(load_portal(django_db_setup))


@pytest.fixture
def directory(portal, made_directory):
    return made_directory.fresh(portal)


def make_directory(portal):
    today = timezone.localdate()
    found = Directory(portal)

    def service(name, target_groups, **fields):
        found.pages[name] = publish(ServicePageFactory(**fields), target_groups)

    training = term(
        ExpertiseCategoryFactory,
        "training",
        {"en": "Vocational training", "it": "Formazione professionale", "ar": "تدريب مهني"},
    )["en"]
    legal = term(
        ExpertiseCategoryFactory,
        "legal",
        {"en": "Legal advice", "it": "Consulenza legale", "ar": "استشارات قانونية"},
    )["en"]
    youth = term(
        TargetGroupFactory, "young", {"en": "Young people", "it": "Giovani", "ar": "الشباب"}
    )["en"]
    women = term(TargetGroupFactory, "women", {"en": "Women", "it": "Donne", "ar": "النساء"})["en"]
    refugees = term(
        TargetGroupFactory, "refugees", {"en": "Refugees", "it": "Rifugiati", "ar": "اللاجئون"}
    )["en"]
    found.terms = {"training": training, "legal": legal, "young": youth, "women": women}

    sicily = term(
        PlaceFactory,
        "sicily",
        {"it": "Sicilia", "en": "Sicily", "ar": "صقلية"},
        country="IT",
        kind=PlaceKind.REGION,
    )["it"]
    palermo = term(
        PlaceFactory, "palermo", {"it": "Palermo", "ar": "باليرمو"}, country="IT", region=sicily
    )["it"]
    catania = term(
        PlaceFactory, "catania", {"it": "Catania", "ar": "كاتانيا"}, country="IT", region=sicily
    )["it"]
    athens = term(
        PlaceFactory, "athens", {"en": "Athens", "it": "Atene", "ar": "أثينا"}, country="GR"
    )["en"]
    tripoli = term(PlaceFactory, "tripoli", {"ar": "طرابلس", "en": "Tripoli"}, country="LB")["ar"]

    italy_it = portal.localized(portal.countries["IT"], "it")
    greece_en = portal.countries["GR"]
    lebanon = CountryPageFactory(
        parent=portal.directory, title="Lebanon", code="LB", national_language="ar"
    )
    lebanon_ar = translate(lebanon, "ar", title="لبنان")

    faro = OrganisationPageFactory(
        parent=italy_it,
        title="Cooperativa Sociale Il Faro",
        place=palermo,
        short_description="Inserimento lavorativo e formazione a Palermo.",
    )
    faro.expertise_categories.set([training])
    found.pages["faro"] = publish(faro, [youth])
    service(
        "cuochi",
        [youth],
        parent=faro,
        title="Corso di formazione per giovani cuochi",
        summary="Formazione professionale in cucina per ragazze e ragazzi dai 16 ai 25 anni.",
        category=training,
        delivery=Delivery.IN_PERSON,
    )
    service(
        "sportello",
        [refugees],
        parent=faro,
        title="Sportello di consulenza legale per migranti",
        summary="Consulenza gratuita su permessi di soggiorno e diritti sul lavoro.",
        category=legal,
        place=catania,
    )
    service(
        "sartoria",
        [women],
        parent=faro,
        kind=ServiceKind.OPPORTUNITY,
        title="Laboratorio di sartoria per donne",
        summary="Sei mesi di laboratorio retribuito in una sartoria sociale.",
        category=training,
        is_free=False,
        cost="20 euro al mese",
        application_deadline=today + datetime.timedelta(days=5),
    )

    doors = OrganisationPageFactory(
        parent=greece_en,
        title="Open Doors Employment Centre",
        place=athens,
        short_description="Jobs, skills and advice for newcomers in Athens.",
    )
    doors.expertise_categories.set([legal, training])
    found.pages["doors"] = publish(doors, [refugees])
    service(
        "digital",
        [youth],
        parent=doors,
        kind=ServiceKind.OPPORTUNITY,
        title="Training for young people in digital skills",
        summary="A twelve-week coding and office skills course for young people aged 18 to 29.",
        category=training,
        delivery=Delivery.ONLINE,
        application_deadline=today + datetime.timedelta(days=20),
    )
    service(
        "advice",
        [refugees],
        parent=doors,
        title="Legal advice for refugees",
        summary="Free advice on asylum, residence permits and the right to work.",
        category=legal,
    )
    service(
        "closed",
        [youth],
        parent=doors,
        kind=ServiceKind.OPPORTUNITY,
        title="Summer internship in a bakery",
        summary="Paid summer placements in a social bakery.",
        category=training,
        application_deadline=today - datetime.timedelta(days=3),
    )

    amal = OrganisationPageFactory(
        parent=lebanon_ar,
        title="جمعية أمل للتنمية",
        place=tripoli,
        short_description="تدريب وتشغيل الشباب والنساء في طرابلس.",
    )
    amal.expertise_categories.set([training])
    found.pages["amal"] = publish(amal, [youth, women])
    service(
        "hairdressing",
        [youth],
        parent=amal,
        title="تدريب مهني للشباب في الحلاقة",
        summary="دورة تدريب لمدة ثلاثة أشهر للشباب من ١٨ إلى ٢٥ سنة.",
        category=training,
    )
    service(
        "consultations",
        [refugees],
        parent=amal,
        title="استشارات قانونية مجانية للاجئين",
        summary="مساعدة في الإقامة وتصاريح العمل.",
        category=legal,
    )
    service(
        "support",
        [women],
        parent=amal,
        title="دعم نفسي للنساء",
        summary="جلسات فردية وجماعية مع أخصائية نفسية.",
        category=None,
    )
    return found
