"""The words of the search index, for the suggestion made when a search finds nothing."""

from django.db import models


class IndexedWord(models.Model):
    """A word written in some indexed page, folded (lower case, no accents).

    Words are added as pages are indexed and never removed: a word no page uses any more only
    makes a suggestion that finds nothing, which the search then does not offer.
    """

    word = models.CharField(max_length=64, unique=True)

    def __str__(self):
        return self.word
