import datetime

import pytest


@pytest.fixture
def no_settling(monkeypatch):
    """Digests cover everything listed up to the moment they run, rather than up to a few
    minutes before (`subscriptions.digests.SETTLE`, tested on its own)."""
    monkeypatch.setattr("subscriptions.digests.SETTLE", datetime.timedelta(0))
