"""Search index declarations the page types share (`search_fields`)."""

from wagtail.search import index


class EveryLanguageField(index.SearchField):
    """A text written in several languages (vocabulary names in every language): the portal's
    search backend reads it in each of the portal's languages, not only in the page's own."""


def searched(*names, boost=None):
    """Text fields searched for words, weighted by `boost` against the rest of the page."""
    return [index.SearchField(name, boost=boost) for name in names]


def searched_in_every_language(*names, boost=None):
    """Text fields holding words of every language, searched for words in each language."""
    return [EveryLanguageField(name, boost=boost) for name in names]


def filtered(*names):
    """Fields that searches filter or sort on."""
    return [index.FilterField(name) for name in names]


def searched_names(*relations):
    """Related vocabularies (categories, target groups) searched by their names."""
    return [index.RelatedFields(relation, [index.SearchField("name")]) for relation in relations]
