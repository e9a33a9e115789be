"""What the networks' tests share: a signed-in administrator for the page editor."""

import pytest


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", "pw-123456")
    client.force_login(user)
    return client
