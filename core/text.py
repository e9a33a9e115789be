"""What a visitor typed, made into words the search backends can take.

Only letters and digits reach the backend: punctuation, quotes and operators are dropped, so no
input can change the query's syntax. Arabic vowel marks and the tatweel are removed, since
pages are written without them. Common short words of the portal's languages are left out
unless they are all there is.
"""

import re
import unicodedata

MAX_LENGTH = 200
MAX_WORDS = 12

WORD = re.compile(r"[^\W_]+")
ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")

STOPWORDS_BY_LANGUAGE = {
    "en": "a an and are as at be by for from how i in into is it me my of on or the to with "
    "you your",
    "it": "a ad agli ai al alla alle anche che chi con da dal dalla dei del della delle di e ed "
    "gli i il in l la le lo nei nel nella o per su sul sulla tra fra un una uno",
    "el": "ο η το οι τα του της των τον την και σε στο στη στην στον στα στους για με από απο να "
    "ένα ενα μια ή",
    "ar": "في من على إلى الى عن مع و أو او ثم هذا هذه ذلك التي الذي ل ب",
}
STOPWORDS = frozenset(word for words in STOPWORDS_BY_LANGUAGE.values() for word in words.split(" "))


def cut_to_length(data, name="q"):
    """Form data with the words in `name` cut to MAX_LENGTH: a visitor who typed too much still
    gets results rather than an error."""
    if data is not None and len(data.get(name, "")) > MAX_LENGTH:
        data = data.copy()
        data[name] = data[name][:MAX_LENGTH]
    return data


def words(text):
    """The words of `text`, normalised, at most MAX_WORDS of them."""
    text = unicodedata.normalize("NFC", (text or "")[:MAX_LENGTH])
    text = ARABIC_MARKS.sub("", text)
    return WORD.findall(text)[:MAX_WORDS]


def meaningful(all_words):
    """`all_words` without the common short words, unless nothing else would be left."""
    kept = [word for word in all_words if word.lower() not in STOPWORDS]
    return kept or all_words


def search_words(typed):
    """What a visitor typed, as the words to search for: normalised, without the short words."""
    return meaningful(words(typed))
