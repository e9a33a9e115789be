from tests.email_provider import provider  # noqa: F401 (an autouse fixture)
