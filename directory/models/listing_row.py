from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ListingRow(models.Model):
    """One piece of content as one language's listings show it (`directory.listing_rows`).

    A piece of content (all the language versions of a page) is listed once per visitor
    language: in that language where it has been translated, else in English, else in the
    language it was first written in. Each row says which version that is and what the filters
    of the listings look at, so that a listing filters, counts, sorts and pages through
    thousands of pieces of content in the database, one row each, without reading the page tree.
    """

    language = models.CharField(max_length=16)  # the visitor's
    listing = models.CharField(max_length=20)  # which listings show it (see listing_rows)
    translation_key = models.UUIDField()
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    in_language = models.BooleanField(default=False)  # the page is written in `language`
    kind = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, blank=True)
    place = models.CharField(max_length=255, blank=True)  # its town's slug
    region = models.CharField(max_length=255, blank=True)  # its town's region's slug
    delivery = models.CharField(max_length=20, blank=True)
    is_free = models.BooleanField(default=False)
    deadline = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    listed_since = models.DateField(null=True, blank=True)  # e.g. a good practice's mark
    # When the content first got its rows, this time (a publication, or its return to the
    # listings after it left them): kept across every refresh of its rows while it stays
    # listed, whichever of its versions they show. What "new" means for the alerts of a saved
    # search and the news digest (`listing_rows.first_listed`).
    listed_at = models.DateTimeField(default=timezone.now, editable=False)
    # False once the content has gone unchecked past PORTAL_FRESHNESS_NOTE_MONTHS: listings
    # rank it after the rest (`directory.freshness`). Content unchecked for longer has no row.
    checked_recently = models.BooleanField(default=True)
    # Its page's vocabulary terms (its `ListingTerm` rows) as " vocabulary:slug ... ", each
    # term once (`core.facets.term_tokens`): the listings filter and count terms on the row.
    terms = models.TextField(blank=True, default="", editable=False)
    # On PostgreSQL, the search index's words of the version listed (one row per page, not per
    # visitor language), joined on the page: a search matches its rows' pages in `ListingWords`
    # and ranks the rows on these, the same words kept whole in one table row
    # (`ListingRankWords`; `core.facets`). Not a column: the words stay in tables of their own,
    # so that listings without words read small rows.
    # On PostgreSQL, which of the listed pages' most frequent words (`ListingCommonWord`) its
    # page's words have, a bit each: a search whose every word is one of those tests the bits
    # on its language's rows, read from their covering index (`listing_tally_keys`), where
    # finding the tens of thousands of pages with the word in the words' index and merging them
    # with the rows took three times as long (`search.backends.database`). 0 elsewhere.
    common_words = models.BigIntegerField(default=0, editable=False)
    words = models.ForeignObject(
        "directory.ListingRankWords",
        from_fields=["page"],
        to_fields=["page_id"],
        on_delete=models.DO_NOTHING,
        related_name="+",
        editable=False,
    )

    class Meta:
        verbose_name = _("listing row")
        verbose_name_plural = _("listing rows")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "listing", "translation_key"], name="one_row_per_language"
            )
        ]
        indexes = [
            models.Index(
                fields=["language", "listing", "-in_language", "-published_at", "-page"],
                name="listing_newest",
            ),
            models.Index(fields=["language", "listing", "country"], name="listing_country"),
            models.Index(fields=["translation_key"], name="listing_translation"),
            # What became listed in a language's listing since a moment (alerts, digests).
            models.Index(fields=["language", "listing", "listed_at"], name="listing_listed_at"),
            # A language's rows of a few pages (those with a rare word): looked up one by one,
            # not read whole to be joined. On PostgreSQL it also holds what the filters and the
            # order look at, so that a listing reads its language's rows from the index alone:
            # the rows of the four languages are interleaved on disk, and reading one
            # language's from there reads every disk page of the table.
            models.Index(
                fields=["language", "listing", "page"],
                name="listing_page_facets",
                include=[
                    "in_language",
                    "checked_recently",
                    "kind",
                    "country",
                    "place",
                    "region",
                    "delivery",
                    "is_free",
                    "deadline",
                    "end_date",
                    "published_at",
                    "terms",
                ],
            ),
            # On PostgreSQL, an index in the order of a listing without words (directory's
            # migration 0025, `listing_order_facets`).
        ]

    def __str__(self):
        return f"{self.language} {self.listing} {self.page_id}"


class PageWords(models.Model):
    """A listed page's search index words: its title's and the rest's vectors."""

    title = SearchVectorField(null=True, editable=False)
    body = SearchVectorField(null=True, editable=False)

    class Meta:
        abstract = True

    def __str__(self):
        return str(self.page_id)


class ListingWords(PageWords):
    """On PostgreSQL, the search index's words of a listed page (its title, the rest), copied
    from its index entry (`directory.listing_rows.copy_search_text`): one row per page version,
    whichever visitor languages list it. A GIN index on title || body finds a word's pages, read
    from narrow rows (the vectors stay in TOAST storage, read only to rank). Empty on other
    databases, whose searches go through the search backend."""

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )

    class Meta:
        verbose_name = _("listing words")
        verbose_name_plural = _("listing words")


class ListingRankWords(PageWords):
    """On PostgreSQL, a copy of each `ListingWords` row kept whole in its table's own row, which
    triggers keep (directory's migration 0028): a search ranks its rows on these.
    `ListingWords` keeps its long body vectors in TOAST storage, so that finding a word's pages
    reads narrow rows; ranking a row there read its body from TOAST, three more disk pages each,
    for thousands of rows a common word's top tier has. Here the rows are wide (a table storage
    option keeps them out of TOAST) and ranking one reads one disk page. Empty elsewhere."""

    page_id = models.IntegerField(primary_key=True)

    class Meta:
        verbose_name = _("listing words to rank")
        verbose_name_plural = _("listing words to rank")


class ListingCommonRankWords(PageWords):
    """On PostgreSQL, the part of each `ListingRankWords` row that is common words
    (`ListingCommonWord`): its vectors with every other lexeme deleted, which the same triggers
    keep (directory's migration 0033). A search whose words are all common words ranks its rows
    on these: ranking reads only the query's lexemes, so the relevance is the same to the last
    bit, read from rows a quarter as wide (a common word's top tier has thousands to rank).
    Empty elsewhere; its vectors empty while no word is chosen."""

    page_id = models.IntegerField(primary_key=True)

    class Meta:
        verbose_name = _("common listing words to rank")
        verbose_name_plural = _("common listing words to rank")


class ListingCommonWord(models.Model):
    """On PostgreSQL, one of the most frequent words of the listed pages' search index words, as
    the index holds it (a lexeme), and its bit in the listing rows' `common_words`: at most 63,
    chosen again with every row when the nightly `refresh_listings` works them all out
    (`directory.listing_rows.choose_common_words`). Empty elsewhere, and until then."""

    lexeme = models.TextField(primary_key=True)
    bit = models.PositiveSmallIntegerField(unique=True)

    class Meta:
        verbose_name = _("common listing word")
        verbose_name_plural = _("common listing words")

    def __str__(self):
        return self.lexeme


class ListingTerm(models.Model):
    """A vocabulary term a listed page is linked to (its category, its target groups)."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    vocabulary = models.CharField(max_length=20)
    slug = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("listing term")
        verbose_name_plural = _("listing terms")
        indexes = [
            models.Index(fields=["page", "vocabulary", "slug"], name="listing_term_page"),
            models.Index(fields=["vocabulary", "slug"], name="listing_term_slug"),
        ]

    def __str__(self):
        return f"{self.vocabulary} {self.slug}"


class ListingTally(models.Model):
    """How many listing rows of a language's listing are alike in everything the listings'
    filters look at, kept by the database on PostgreSQL: triggers on the rows add what every
    statement writing them inserts and take away what it deletes (directory's migration 0026).

    A listing without words counts its filters on these (`core.facets.FacetedRows`' `tally`)
    instead of on its rows: the rows of a language come down to the ways they differ, so the
    counting reads fewer rows the more alike they are. A search with words counts its rows by
    their tally's key and reads the rest from the tallies. Empty on other databases, whose
    listings count on the rows."""

    language = models.CharField(max_length=16)
    listing = models.CharField(max_length=20)
    kind = models.CharField(max_length=20, blank=True)
    country = models.CharField(max_length=2, blank=True)
    place = models.CharField(max_length=255, blank=True)
    region = models.CharField(max_length=255, blank=True)
    delivery = models.CharField(max_length=20, blank=True)
    is_free = models.BooleanField(default=False)
    deadline = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    terms = models.TextField(blank=True, default="")
    # The first 64 bits of the md5 of all of the above, as a number, as the rows hold it
    # (`tally_key`, directory's migrations 0027 and 0029, which a search with words counts
    # by): one key however long the terms, grouped and compared as a number.
    alike = models.BigIntegerField(unique=True)
    rows = models.IntegerField(default=0)  # 0 once its last row is gone, until compacted

    class Meta:
        verbose_name = _("listing tally")
        verbose_name_plural = _("listing tallies")
        indexes = [models.Index(fields=["language", "listing"], name="listing_tally_listing")]

    def __str__(self):
        return f"{self.language} {self.listing} {self.alike}: {self.rows}"


class ListingStale(models.Model):
    """Content whose rows are to be worked out again before the next listing reads them."""

    translation_key = models.UUIDField(primary_key=True)

    class Meta:
        verbose_name = _("outdated listing")
        verbose_name_plural = _("outdated listings")

    def __str__(self):
        return str(self.translation_key)
