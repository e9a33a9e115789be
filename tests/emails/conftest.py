from tests.email_provider import on_commit, provider  # noqa: F401  (fixtures)
