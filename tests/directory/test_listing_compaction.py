"""The nightly refresh of the listings leaves their tables compact on PostgreSQL: every row is
written again, which would otherwise leave the covering index the searches read at several
times its size, and the rows not yet marked visible, which makes a listing read the table.

This test commits for real, as the nightly command does: REINDEX CONCURRENTLY and VACUUM cannot
run inside pytest-django's test transaction. It runs outside it, on the portal built once for
the session (tests/conftest.py), and removes the organisation it wrote afterwards.
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from directory.factories import OrganisationPageFactory, ServicePageFactory
from directory.listing_rows import DIRECTORY, compact, current
from directory.models import ListingRow
from tests.helpers import load_portal


def visibility(table):
    with connection.cursor() as cursor:
        cursor.execute("SELECT relpages, relallvisible FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()


def valid_indexes(table):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FILTER (WHERE i.indisvalid), count(*) FROM pg_index i "
            "JOIN pg_class t ON t.oid = i.indrelid WHERE t.relname = %s",
            [table],
        )
        return cursor.fetchone()


def test_the_nightly_refresh_rebuilds_and_vacuums_the_listing_tables(
    django_db_setup, django_db_blocker
):
    if connection.vendor != "postgresql":
        pytest.skip("REINDEX CONCURRENTLY and VACUUM are PostgreSQL's")
    table = ListingRow._meta.db_table
    with django_db_blocker.unblock():
        organisation = OrganisationPageFactory(parent=load_portal(django_db_setup).countries["IT"])
        try:
            for _n in range(3):
                ServicePageFactory(parent=organisation)
            current()
            before = sorted(
                ListingRow.objects.filter(listing=DIRECTORY).values_list("language", "page_id")
            )
            out = StringIO()

            call_command("refresh_listings", stdout=out)

            assert "indexes built anew and the tables vacuumed" in out.getvalue()
            pages, visible = visibility(table)
            assert pages > 0 and visible == pages  # a listing can read its index alone
            valid, indexes = valid_indexes(table)
            assert indexes >= 2 and valid == indexes  # none left half built
            after = sorted(
                ListingRow.objects.filter(listing=DIRECTORY).values_list("language", "page_id")
            )
            assert after == before  # the same rows, worked out again
            assert len(before) == 4 * 4  # the organisation and its services, in each language
        finally:
            organisation.delete()
            current()
            connection.close()


@pytest.mark.django_db
def test_the_tables_are_not_compacted_inside_a_transaction():
    """Inside a transaction (a test's, or a caller's) compacting is left out, not failed on."""
    assert compact() is False
    out = StringIO()
    call_command("refresh_listings", stdout=out)
    assert "pieces of content" in out.getvalue()
    assert "built anew" not in out.getvalue()
