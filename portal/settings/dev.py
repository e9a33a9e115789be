from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-not-secret")  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Templates and code change as they are written: pages are rendered afresh unless asked.
PORTAL_PAGE_CACHE_SECONDS = env_int("PORTAL_PAGE_CACHE_SECONDS", 0)
PORTAL_MEMORY_SECONDS = env_int("PORTAL_MEMORY_SECONDS", 0)
PORTAL_SECOND_FACTOR_REQUIRED = env_bool("PORTAL_SECOND_FACTOR_REQUIRED", False)
