"""Staff login: lockout after repeated failures (django-axes), password reset by e-mail."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import override_settings

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def staff():
    return get_user_model().objects.create_user(
        "staffer", email="staffer@example.edu.cn", password=PASSWORD, is_staff=True
    )


def log_in(client, username, password, language="en", **extra):
    return client.post(
        f"/{language}/admin/login/?next=/{language}/admin/",
        {"username": username, "password": password},
        **extra,
    )


def test_thirty_wrong_passwords_are_locked_out_after_the_failure_limit(client, staff):
    statuses = [log_in(client, "staffer", f"wrong-{attempt}").status_code for attempt in range(30)]
    limit = settings.AXES_FAILURE_LIMIT
    assert limit == 5
    # The first failures get the login form again; from the limit on, the lockout page.
    assert statuses[: limit - 1] == [200] * (limit - 1)
    assert statuses[limit - 1 :] == [429] * (30 - limit + 1)


def test_a_locked_out_account_cannot_log_in_even_with_the_right_password(client, staff):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "staffer", "wrong", REMOTE_ADDR="203.0.113.1")
    # From another address too: the account itself is locked.
    response = log_in(client, "staffer", PASSWORD, REMOTE_ADDR="203.0.113.99")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_locked_out_address_cannot_log_in_even_with_the_right_password(client, staff):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"nobody-{attempt}", "wrong", REMOTE_ADDR="203.0.113.2")
    response = log_in(client, "staffer", PASSWORD, REMOTE_ADDR="203.0.113.2")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    # The same account from a clean address logs in: only that address is locked.
    assert log_in(client, "staffer", PASSWORD, REMOTE_ADDR="203.0.113.3").status_code == 302


def test_the_lockout_page_is_in_the_visitors_language(client, staff):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = log_in(client, "staffer", "wrong", language="zh-hans")
    assert response.status_code == 429
    text = response.content.decode()
    assert '<html lang="zh-hans"' in text
    assert "登录失败次数过多" in text
    assert "Too many failed logins" not in text
    english = log_in(client, "staffer", "wrong", language="en").content.decode()
    assert "Too many failed logins" in english


def test_a_forged_forwarded_for_header_does_not_escape_an_address_lockout(client, staff):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(
            client,
            f"nobody-{attempt}",
            "wrong",
            REMOTE_ADDR="203.0.113.4",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{attempt}",
        )
    # TRUSTED_PROXY_COUNT is 0: the header is ignored, the address is REMOTE_ADDR.
    response = log_in(client, "staffer", PASSWORD, REMOTE_ADDR="203.0.113.4", HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert response.status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_address_is_the_one_the_proxy_appended(client, staff):
    # Every request comes from the proxy (127.0.0.1); the client forges entries on the left.
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(
            client,
            f"nobody-{attempt}",
            "wrong",
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{attempt}, 198.51.100.7",
        )
    locked = log_in(client, "staffer", PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert locked.status_code == 429
    # Another client behind the same proxy is not locked out.
    other = log_in(client, "staffer", PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert other.status_code == 302


@pytest.mark.parametrize(
    ("language", "subject_words", "body_words"),
    [
        ("en", "Reset your password", "Someone asked to reset the password"),
        ("zh-hans", "重设", "有人请求重设"),
    ],
)
def test_staff_reset_their_password_by_e_mail_in_their_language(
    client, staff, language, subject_words, body_words
):
    login_page = client.get(f"/{language}/admin/login/").content.decode()
    assert f'href="/{language}/admin/password_reset/"' in login_page

    response = client.post(f"/{language}/admin/password_reset/", {"email": "staffer@example.edu.cn"})
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/admin/password_reset/done/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["staffer@example.edu.cn"]
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert subject_words in message.subject
    assert body_words in message.body

    link = re.search(rf"https?://[^/\s]+(/{language}/admin/reset/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_password_url = form_page.redirect_chain[-1][0]
    new_password = "a new and long passphrase 2026"
    done = client.post(set_password_url, {"new_password1": new_password, "new_password2": new_password})
    assert done.status_code == 302
    assert done["Location"] == f"/{language}/admin/reset/done/"
    staff.refresh_from_db()
    assert staff.check_password(new_password)
    assert log_in(client, "staffer", new_password, language=language).status_code == 302


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, staff):
    known = client.post("/en/admin/password_reset/", {"email": "staffer@example.edu.cn"})
    unknown = client.post("/en/admin/password_reset/", {"email": "nobody@example.edu.cn"})
    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    assert len(mail.outbox) == 1


def test_accounts_that_are_not_staff_get_no_reset_mail(client):
    get_user_model().objects.create_user("visitor", email="visitor@example.edu.cn", password=PASSWORD)
    response = client.post("/en/admin/password_reset/", {"email": "visitor@example.edu.cn"})
    assert response.status_code == 302
    assert mail.outbox == []
