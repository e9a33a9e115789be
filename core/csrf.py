"""Django's CSRF check, run by a view itself rather than answered with a bare 403.

Public pages kept in a cache carry no CSRF token (it would set a cookie on each of them and
make them personal). A form on such a page fetches its token when it is sent (static/js/
portal.js); without JavaScript it is sent without one, and its view, exempt from the
middleware's check, runs the same check itself (`csrf_refusal`) and shows the form again with
what the visitor wrote, a fresh token and a message, instead of Django's error page.
"""

from django.middleware.csrf import CsrfViewMiddleware


class _Check(CsrfViewMiddleware):
    def _reject(self, request, reason):
        return reason


def _checked(request):
    """A view that is not exempt: the check applies to it in full."""


def csrf_refusal(request):
    """None when the request passes Django's CSRF check; else why it does not."""
    return _Check(_checked).process_view(request, _checked, (), {})
