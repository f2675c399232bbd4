"""Signing staff in, for the tests and the admin bench: the one place that knows how."""

from django.contrib.auth import get_user_model


def log_in_superuser(client, username="root"):
    """A new superuser, signed in on `client` (a Django test client); returns the user."""
    user = get_user_model().objects.create_superuser(username, f"{username}@example.edu.cn", "x")
    client.force_login(user)
    return user
