"""How words are read for the search index, the same way on PostgreSQL and on SQLite.

A word matches its inflections, its accented and unaccented spellings and, in Arabic, its forms
with the article and the prefixed conjunctions:

- the text of a page is read in the page's own language: on PostgreSQL with that language's
  text search configuration (`portal_english`, `portal_italian`, `portal_greek`,
  `portal_arabic`..., made by this app's migrations: PostgreSQL's own configuration with the
  `unaccent` dictionary before its stemmer), on SQLite by the same Snowball stemmers in Python
  (`Stemmer`, PyStemmer) after the same accent folding. A language PostgreSQL has no
  configuration for is read with `portal_simple`: folded, not stemmed;
- the names of a page's vocabulary in every language (`core.indexing.searched_in_every_language`)
  are read in each of the portal's languages, since their language is not the page's;
- a visitor's word is read in each of the portal's languages and matches a page if any reading
  does: the visitor does not say which language they type in.

Before either side, `normalise` removes the Arabic vowel marks and the tatweel, and turns the
conjunctions و and ف before the article into the article alone (والتدريب: and the training),
which Snowball's Arabic stemmer leaves as they are.
"""

import re
import unicodedata
from functools import cache

from django.conf import settings

# Languages whose PostgreSQL configuration and Snowball stemmer share a name (PostgreSQL 15).
SNOWBALL = {
    "ar": "arabic",
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
SIMPLE = "simple"
CONFIG_PREFIX = "portal_"

WORD = re.compile(r"[^\W_]+")
ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# و or ف (and, so) written onto the article, before a word of three letters or more.
ARABIC_CONJUNCTION = re.compile(r"(?<!\w)[وف](?=ال\w{3})")


def normalise(text):
    """`text` as both sides of the index read it (see the module's docstring)."""
    text = unicodedata.normalize("NFC", text or "")
    text = ARABIC_MARKS.sub("", text)
    return ARABIC_CONJUNCTION.sub("", text)


def fold(word):
    """`word` in lower case without accents, as PostgreSQL's `unaccent` leaves it."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    bare = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    return unicodedata.normalize("NFC", bare)


def language_of(language_code):
    """The Snowball / PostgreSQL name of a language code's analysis, or "simple"."""
    return SNOWBALL.get((language_code or "").split("-")[0].lower(), SIMPLE)


def config(language):
    """The PostgreSQL text search configuration of a language ("english", "simple"...)."""
    return f"{CONFIG_PREFIX}{language}"


def portal_languages():
    """The analyses a visitor's words are read in: each portal language's, and "simple"."""
    languages = [language_of(code) for code, _name in settings.LANGUAGES]
    return list(dict.fromkeys([*languages, SIMPLE]))


@cache
def _stemmer(language):
    import Stemmer

    return Stemmer.Stemmer(language)


def stem(word, language):
    """`word`, folded, as the language's stemmer leaves it ("simple": folded only)."""
    folded = fold(word)
    if language == SIMPLE:
        return folded
    return _stemmer(language).stemWord(folded)


def readings(word):
    """{reading: the first analysis giving it} of a visitor's word in the portal's languages:
    "simple" first, so a language whose stemmer leaves the word as it is adds nothing."""
    found = {}
    for language in [SIMPLE, *portal_languages()]:
        found.setdefault(stem(word, language), language)
    return found


def terms(text, languages):
    """The index terms of `text` read in each of `languages`, in order, without repeats per word."""
    found = []
    for word in WORD.findall(normalise(text)):
        found += dict.fromkeys(stem(word, language) for language in languages)
    return found


def trigrams(word):
    """The trigrams of a word as pg_trgm counts them: two spaces before it, one after."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a, b):
    """pg_trgm's `similarity`: shared trigrams over all trigrams of the two words."""
    first, second = trigrams(a), trigrams(b)
    return len(first & second) / len(first | second)
