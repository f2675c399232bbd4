"""Signing staff in, in one place: when the admin's sign-in changes (a second factor), only
these two functions change."""


def log_in(client, user):
    """A Django test client signed in to the admin as `user`."""
    client.force_login(user)
    return client


def log_in_browser(page, site_url, username, password, language="en"):
    """Sign in through the admin's login page in a browser (Playwright), in `language`."""
    page.goto(f"{site_url}/{language}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("input[type=submit]").click()
    page.wait_for_url(f"{site_url}/{language}/admin/")
    return page
