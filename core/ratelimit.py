"""Who the client is, and how many times it may do something in a window.

The counts are kept in Django's cache (CACHES["default"]): in production a shared cache (Redis),
so that a limit holds across every worker process and server, not per process. Every limit of
the public forms (messages to organisations, registration, a new verification link, a new
password) and the sign-in lockout (django-axes, AXES_CLIENT_IP_CALLABLE) read the client's
address through `client_ip`, so that one rule decides who "one client" is.

When the shared cache cannot be reached (core/cache.py), the limits fail open: nothing can be
counted, so every message, registration and request for a link is let through, and a warning
is logged. Failing closed would turn a cache outage into refusing every citizen's message and
every registration, the portal's purpose, for as long as it lasts; failing open risks only
what the limits slow down (a burst of spam or of emails asked for), while the hidden field
still stops robots, django-axes' sign-in lockout (kept in the database) still holds, and
/healthz reports the cache as failing so that the outage is short.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

RATE_SALT = "core.ratelimit"
TOO_MANY = _(
    "Many requests have come from your connection or for this email address in a short time. "
    "To protect the portal and its users, please try again in an hour."
)


def client_ip(request):
    """The client's address: REMOTE_ADDR, or the one PORTAL_TRUSTED_PROXIES proxies reported.

    Behind N reverse proxies that each append to X-Forwarded-For, the client is the N-th address
    from the end; anything before it was written by the client and is not trusted.
    """
    proxies = getattr(settings, "PORTAL_TRUSTED_PROXIES", 0)
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        addresses = [address.strip() for address in forwarded.split(",") if address.strip()]
        if len(addresses) >= proxies:
            return addresses[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class RateLimit:
    """At most `limit` actions of one kind (`scope`) per `window` seconds, per client address
    and per email address, counted in the cache; a limit of 0 turns it off.

    Two ways to count: `exceeded()` then `count()` once the action is done (only what succeeded
    counts, e.g. a message sent), or `take()`, which counts the attempt and says at once whether
    it is within the limit (every attempt counts, e.g. asking for a link by email).

    Cache keys hold a keyed hash of the address, never the address itself.
    """

    def __init__(self, scope, request, email="", *, limit, window):
        self.limit = limit
        self.window = window
        self.keys = [self._key(scope, "ip", client_ip(request))]
        if email:
            self.keys.append(self._key(scope, "email", email.strip().lower()))

    @staticmethod
    def _key(scope, kind, value):
        return f"rate:{scope}:{kind}:{salted_hmac(RATE_SALT, value).hexdigest()[:32]}"

    @classmethod
    def for_account(cls, scope, request, email, limit):
        """A limit on asking for an account or a link by email (PORTAL_ACCOUNT_RATE_WINDOW)."""
        return cls(scope, request, email, limit=limit, window=settings.PORTAL_ACCOUNT_RATE_WINDOW)

    def exceeded(self):
        if not self.limit:
            return False
        counts = cache.get_many(self.keys)
        return any(count >= self.limit for count in counts.values())

    def count(self):
        """Add one to every count; the new counts."""
        counts = []
        for key in self.keys:
            cache.add(key, 0, self.window)  # the window starts with the first action
            try:
                counts.append(cache.incr(key))
            except ValueError:  # expired in between: a new window
                cache.set(key, 1, self.window)
                counts.append(1)
        return counts

    def take(self):
        """Count this attempt; False if it goes over the limit (it is counted all the same, so
        that a client that keeps trying stays refused until the window ends)."""
        if not self.limit:
            return True
        return all(count <= self.limit for count in self.count())
