from dataclasses import dataclass

import pytest

from directory.factories import (
    ExpertiseCategoryFactory,
    OrganisationPageFactory,
    ServicePageFactory,
    TargetGroupFactory,
)
from directory.models import Delivery
from tests.helpers import load_portal, module_transaction, publish, reload, term, translate


@dataclass
class OpenData:
    organisation: object
    organisation_ar: object
    translated: object  # a service in Italian and Arabic
    translated_ar: object
    italian: object  # a service in Italian only
    online: object
    draft: object
    with_draft_contact: object
    hidden: object  # live, under an organisation that is not
    category: dict
    group: dict

    def fresh(self):
        """The same pages and terms in new instances read from the database, for one test."""
        return OpenData(
            **{
                name: {code: reload(item) for code, item in value.items()}
                if isinstance(value, dict)
                else reload(value)
                for name, value in vars(self).items()
            }
        )


@pytest.fixture(scope="module")
def made_open_data(django_db_setup, django_db_blocker):
    """The open data, made once for a module (`module_transaction`)."""
    with module_transaction(django_db_blocker):
        yield make_open_data(load_portal(django_db_setup))


@pytest.fixture
def open_data(portal, made_open_data):
    return made_open_data.fresh()


def make_open_data(portal):
    italy = portal.localized(portal.countries["IT"], "it")
    category = term(
        ExpertiseCategoryFactory, "training", {"en": "Training", "it": "Formazione", "ar": "تدريب"}
    )
    group = term(TargetGroupFactory, "young", {"en": "Young people", "it": "Giovani"})
    organisation = publish(
        OrganisationPageFactory(
            parent=italy,
            title="Cooperativa Sole",
            email="info@sole.example.org",
            phone="+39 091 000000",
            address="Via Roma 1, Palermo",
            contact_person="Maria Rossi",
        )
    )
    organisation.expertise_categories.add(category["it"])
    organisation = publish(organisation)
    organisation_ar = translate(organisation, "ar", title="تعاونية الشمس")
    translated = ServicePageFactory(
        parent=organisation,
        title="Orientamento al lavoro",
        category=category["it"],
        contact_phone="+39 091 111111",
    )
    translated.target_groups.add(group["it"])
    translated = publish(translated)
    translated_ar = translate(translated, "ar", title="التوجيه المهني", summary="إرشاد فردي.")
    italian = publish(ServicePageFactory(parent=organisation, title="Corso di italiano"))
    online = publish(
        ServicePageFactory(parent=organisation, title="Sportello online", delivery=Delivery.ONLINE)
    )
    draft = ServicePageFactory(parent=organisation, title="Bozza segreta", live=False)
    draft.save_revision()
    with_draft_contact = publish(ServicePageFactory(parent=organisation, title="Laboratorio"))
    with_draft_contact.contact_email = "unpublished@sole.example.org"
    with_draft_contact.save_revision()  # a draft: not published
    closed = OrganisationPageFactory(parent=italy, title="Cooperativa chiusa", live=False)
    hidden = publish(ServicePageFactory(parent=closed, title="Servizio nascosto"))
    return OpenData(
        organisation=organisation,
        organisation_ar=organisation_ar,
        translated=translated,
        translated_ar=translated_ar,
        italian=italian,
        online=online,
        draft=draft,
        with_draft_contact=with_draft_contact,
        hidden=hidden,
        category=category,
        group=group,
    )
