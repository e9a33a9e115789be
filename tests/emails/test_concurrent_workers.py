"""Two workers sending the outbox at the same time, each on its own database connection, never
take the same message: every message leaves exactly once.

These tests commit for real: each thread is its own worker with its own connection, and sees
only what another committed. They do so outside pytest-django's test transaction and remove
the messages they wrote afterwards, rather than as `transaction=True` tests, which empty every
table when they end: the portal built once for the session (tests/conftest.py) would be gone
for the tests that run after them in the same process.
"""

import threading

import pytest
from django.core import mail
from django.db import connection, transaction

from emails.mail import claim, send_outbox_email
from emails.models import OutboxEmail

Status = OutboxEmail.Status

MESSAGES = 12


@pytest.fixture(autouse=True)
def real_commits(django_db_blocker):
    """Autocommit on every connection, as in production; the messages written, removed."""
    if connection.vendor == "sqlite":
        pytest.skip(
            "SQLite has a single writer and no row locks (no SELECT ... FOR UPDATE SKIP LOCKED): "
            "two workers cannot claim at the same moment there."
        )
    with django_db_blocker.unblock():
        before = set(OutboxEmail.objects.values_list("pk", flat=True))
        try:
            yield
        finally:
            OutboxEmail.objects.exclude(pk__in=before).delete()
            connection.close()


def waiting_messages(count):
    """Messages written to the outbox and committed, their sending tasks not run."""
    return [
        OutboxEmail.objects.create(
            to=[f"person{n}@example.org"], subject=f"Message {n}", body_text="Hello."
        ).pk
        for n in range(count)
    ]


class Worker(threading.Thread):
    """One sender: its own thread, so its own database connection (Django's are per thread)."""

    def __init__(self, work):
        super().__init__(daemon=True)
        self.work = work
        self.result = None
        self.error = None
        self.backend_pid = None

    def run(self):
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                self.backend_pid = cursor.fetchone()[0]
            self.result = self.work()
        except BaseException as error:  # reported by the test, not lost in the thread
            self.error = error
        finally:
            connection.close()


def run_together(*works, timeout=30):
    workers = [Worker(work) for work in works]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout)
        assert not worker.is_alive(), "a worker waited for the other instead of skipping"
        if worker.error is not None:
            raise worker.error
    return workers


def test_two_workers_sending_at_once_send_every_message_exactly_once():
    pks = waiting_messages(MESSAGES)
    both_ready = threading.Barrier(2, timeout=10)

    def send_all():
        sent = []
        for pk in pks:  # the same message, at the same moment, in both workers
            both_ready.wait()
            if send_outbox_email.call(pk) == Status.SENT:
                sent.append(pk)
        return sent

    first, second = run_together(send_all, send_all)

    assert first.backend_pid != second.backend_pid  # two database sessions
    assert sorted(first.result + second.result) == sorted(pks)  # each by one worker only
    sent_rows = [
        int(message.anymail_test_params["metadata"]["outbox_id"]) for message in mail.outbox
    ]
    assert sorted(sent_rows) == sorted(pks)  # the provider got each message once
    rows = OutboxEmail.objects.filter(pk__in=pks)
    assert {row.status for row in rows} == {Status.SENT}
    assert {row.attempts for row in rows} == {1}


def test_workers_going_through_the_outbox_in_opposite_orders_share_it():
    pks = waiting_messages(MESSAGES)

    def forward():
        return [pk for pk in pks if send_outbox_email.call(pk) == Status.SENT]

    def backward():
        return [pk for pk in reversed(pks) if send_outbox_email.call(pk) == Status.SENT]

    first, second = run_together(forward, backward)

    assert sorted(first.result + second.result) == sorted(pks)
    assert not set(first.result) & set(second.result)
    assert len(mail.outbox) == MESSAGES
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        f"person{n}@example.org" for n in range(MESSAGES)
    )


def test_a_worker_skips_a_message_another_is_claiming_instead_of_waiting():
    [pk] = waiting_messages(1)
    locked, released = threading.Event(), threading.Event()

    def claiming_slowly():
        # The moment inside another worker's claim: the row locked, "sending" not yet written.
        with transaction.atomic():
            OutboxEmail.objects.select_for_update().get(pk=pk)
            locked.set()
            released.wait(10)
        return claim(pk)

    def claiming_meanwhile():
        locked.wait(10)
        try:
            return claim(pk)
        finally:
            released.set()

    slow, meanwhile = run_together(claiming_slowly, claiming_meanwhile, timeout=20)

    assert meanwhile.result is None  # skipped at once, the lock held by the other
    assert slow.result is not None and slow.result.status == Status.SENDING
    assert mail.outbox == []
