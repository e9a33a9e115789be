"""What the search index holds for a page besides its own fields, and keeping it current.

A service's or a portfolio project's index entry also holds its organisation's name, and the
names in every language of its place (a service's own, else its organisation's), its country,
its categories and target groups; an organisation's holds its place, vocabulary and country names
in every language. So a search in one language finds a page written in another where those names
match: "بيروت" finds an Italian service in Beirut.

When a term or a place is renamed or translated, or an organisation changes its name or place,
the pages that carry those words are indexed again by a background task after the change is
committed.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_save
from django.dispatch import receiver
from django_tasks import task
from wagtail.models import Page
from wagtail.search.index import get_indexed_models, insert_or_update_object
from wagtail.search.signal_handlers import post_save_signal_handler
from wagtail.signals import page_published

from directory.listing import under_any

_deferred = ContextVar("search_index_deferred", default=False)


@contextmanager
def index_updates_deferred():
    """While it lasts, saving and publishing leave the search index alone: Wagtail's update after
    every save and the updates below. For bulk writes that index what they made once, at the end
    (the demo content: a page is saved four or five times while it is created, translated and
    published, and each time would be indexed again)."""
    senders = [
        model
        for model in get_indexed_models()
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    token = _deferred.set(True)
    try:
        yield
    finally:
        _deferred.reset(token)
        for model in senders:
            post_save.connect(post_save_signal_handler, sender=model)


def _names(model, terms, field="name"):
    keys = [term.translation_key for term in terms if term is not None]
    if not keys:
        return []
    return sorted(set(model.objects.filter(translation_key__in=keys).values_list(field, flat=True)))


def _ancestor(page, model, levels_up):
    path = page.path[: (page.depth - levels_up) * Page.steplen]
    return model.objects.filter(path=path).first()


def _place_names(place_id):
    """Every language's name of a place and of its region."""
    from directory.models import Place

    place = Place.objects.filter(pk=place_id).first() if place_id else None
    if place is None:
        return []
    words = _names(Place, [place])
    if place.region_id:
        words += _place_names(place.region_id)
    return words


def _organisation_and_country(page, own_place_id=None):
    """The names of the organisation a page belongs to, its place (`own_place_id`, else the
    organisation's) in every language, and its country's names."""
    from directory.models import CountryPage, OrganisationPage

    if not page.path:
        return _place_names(own_place_id)
    words = []
    organisation = _ancestor(page, OrganisationPage, 1)
    if organisation:
        words += [organisation.title, organisation.acronym]
    words += _place_names(own_place_id or (organisation.place_id if organisation else None))
    country = _ancestor(page, CountryPage, 2)
    if country and country.code:  # "Country not set" is no place to be found by
        words += _names(CountryPage, [country], field="title")
    return words


def service_terms(service):
    from directory.models import ExpertiseCategory, TargetGroup

    words = _names(ExpertiseCategory, [service.category]) if service.category_id else []
    if service.pk:
        words += _names(TargetGroup, service.target_groups.all())
    words += _organisation_and_country(service, service.place_id)
    return " ".join(word for word in words if word)


def project_terms(project):
    from directory.models import ExpertiseCategory, TargetGroup

    words = []
    if project.pk:
        words += _names(ExpertiseCategory, project.categories.all())
        words += _names(TargetGroup, project.target_groups.all())
    words += _organisation_and_country(project)
    return " ".join(word for word in words if word)


def organisation_terms(organisation):
    from directory.models import CountryPage, ExpertiseCategory, TargetGroup

    words = []
    if organisation.pk:
        words += _names(ExpertiseCategory, organisation.expertise_categories.all())
        words += _names(TargetGroup, organisation.target_groups.all())
    words += _place_names(organisation.place_id)
    country = _ancestor(organisation, CountryPage, 1) if organisation.path else None
    if country and country.code:  # "Country not set" is no place to be found by
        words += _names(CountryPage, [country], field="title")
    return " ".join(words)


@task()
def reindex_pages(page_ids):
    from directory.models import OrganisationPage, PortfolioProjectPage, ServicePage

    for model in (ServicePage, OrganisationPage, PortfolioProjectPage):
        for page in model.objects.filter(pk__in=page_ids).live():
            insert_or_update_object(page)


def reindex_later(page_ids):
    if _deferred.get():
        return
    page_ids = list(page_ids)
    if page_ids:
        transaction.on_commit(lambda: reindex_pages.enqueue(page_ids))


def pages_using_term(term):
    """The live services, organisations and projects that use any translation of `term`."""
    from directory.models import (
        ExpertiseCategory,
        OrganisationPage,
        Place,
        PortfolioProjectPage,
        ServicePage,
        TargetGroup,
    )

    key = term.translation_key
    if isinstance(term, Place):
        return pages_in_place(key)
    if isinstance(term, ExpertiseCategory):
        services = ServicePage.objects.filter(category__translation_key=key)
        organisations = OrganisationPage.objects.filter(expertise_categories__translation_key=key)
        projects = PortfolioProjectPage.objects.filter(categories__translation_key=key)
    elif isinstance(term, TargetGroup):
        services = ServicePage.objects.filter(target_groups__translation_key=key)
        organisations = OrganisationPage.objects.filter(target_groups__translation_key=key)
        projects = PortfolioProjectPage.objects.filter(target_groups__translation_key=key)
    else:
        return []
    return [
        *services.live().values_list("pk", flat=True),
        *organisations.live().values_list("pk", flat=True),
        *projects.live().values_list("pk", flat=True),
    ]


def pages_in_place(key):
    """The live pages whose index entry holds the names of the place with translation key `key`
    (or of a town in that region): the organisations there, their services and projects, and
    the services of their own held there."""
    from directory.models import OrganisationPage, Place, ServicePage

    places = Place.objects.filter(Q(translation_key=key) | Q(region__translation_key=key))
    organisations = OrganisationPage.objects.live().filter(place__in=places)
    children = Page.objects.live().filter(under_any(organisations))
    services = ServicePage.objects.live().filter(place__in=places)
    return [
        *organisations.values_list("pk", flat=True),
        *children.values_list("pk", flat=True),
        *services.values_list("pk", flat=True),
    ]


def term_saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        reindex_later(pages_using_term(instance))


@receiver(page_published)
def page_published_reindex(sender, instance, **kwargs):
    from directory.models import OrganisationPage, PortfolioProjectPage, ServicePage

    if _deferred.get():
        return
    if isinstance(instance, (ServicePage, OrganisationPage, PortfolioProjectPage)):
        # The entry written when the page was saved predates its vocabulary links, which are
        # saved after the page itself: write it again now that they are in place.
        insert_or_update_object(instance)
    if isinstance(instance, OrganisationPage):
        children = Page.objects.child_of(instance).live().type(ServicePage, PortfolioProjectPage)
        reindex_later(children.values_list("pk", flat=True))
