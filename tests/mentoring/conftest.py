"""What the tests of mentoring's pages share."""

import pytest
from django.utils import translation

from directory.factories import ExpertiseCategoryFactory


@pytest.fixture
def english():
    """Addresses are reversed in English, whatever language a test before left active."""
    with translation.override("en"):
        yield


@pytest.fixture
def digital(portal):
    return ExpertiseCategoryFactory(name="Digital skills", slug="digital-skills")
