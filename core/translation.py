"""What wagtail-localize translates on a model, said in one line per kind of field."""

from wagtail_localize.fields import SynchronizedField, TranslatableField


def translated(*names):
    """Fields whose text translators write in each language."""
    return [TranslatableField(name) for name in names]


def synchronized(*names):
    """Fields copied from the source to every translation (codes, choices, links, images)."""
    return [SynchronizedField(name) for name in names]


#: Page's own fields that every translated page translates.
PAGE_TRANSLATABLE = translated("title", "slug", "seo_title", "search_description")
