"""The shared cache (Redis in production), which the portal does without when it is down.

Every page reads the cache: Wagtail's site root paths, cached searches, the page cache, the
rate limits. If Redis could not be reached, each of those reads would fail the request, so an
outage of the cache would take the whole site down with it. `ResilientRedisCache` reads an
unreachable Redis as an empty cache that keeps nothing: pages are rendered from the database,
searches are worked out again, and a warning is logged (at most once a minute per process).
/healthz (portal/health.py) reports the cache as failing all the while.

What that means for the rate limits is decided in core/ratelimit.py.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

WARN_EVERY_SECONDS = 60


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found: the shared cache cannot be reached.")


#: What each operation answers when Redis cannot be reached: what an empty cache that keeps
#: nothing would answer.
FALLBACKS = {
    "get": lambda key, default=None, *args, **kwargs: default,
    "get_many": lambda *args, **kwargs: {},
    "has_key": lambda *args, **kwargs: False,
    "set": lambda *args, **kwargs: None,
    "set_many": lambda data, *args, **kwargs: list(data),  # the keys not kept
    "add": lambda *args, **kwargs: False,
    "touch": lambda *args, **kwargs: False,
    "incr": _missing_key,
    "delete": lambda *args, **kwargs: False,
    "delete_many": lambda *args, **kwargs: None,
    "clear": lambda *args, **kwargs: False,
}


def _unavailable(operation, error):
    now = time.monotonic()
    if now - ResilientRedisCache.last_warning >= WARN_EVERY_SECONDS:
        ResilientRedisCache.last_warning = now
        logger.warning(
            "The shared cache cannot be reached (%s: %s): pages are served without it.",
            operation,
            error,
        )


def _resilient(operation):
    method = getattr(RedisCache, operation)
    fallback = FALLBACKS[operation]

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except RedisError as error:
            _unavailable(operation, error)
            return fallback(*args, **kwargs)

    return wrapper


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, reading a Redis it cannot reach as a miss instead of an error."""

    last_warning = float("-inf")


for _operation in FALLBACKS:
    setattr(ResilientRedisCache, _operation, _resilient(_operation))
