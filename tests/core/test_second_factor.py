"""Every staff account signs in with a second factor: enrolment, TOTP, recovery codes, lockout."""

import re

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeiweb.admin.second_factor.devices import DEV_SUPERUSER, new_recovery_codes
from tests.support.second_factor import APP_KEY, app_code, log_in_verified

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def frozen():
    """The clock stopped now (sessions expire against the real date); `shift` moves it."""
    return time_machine.travel(timezone.now(), tick=False)


@pytest.fixture
def staff():
    return get_user_model().objects.create_user(
        "staffer", password=PASSWORD, is_staff=True, is_superuser=True
    )


@pytest.fixture
def enrolled(staff):
    TOTPDevice.objects.create(user=staff, name="Phone", key=APP_KEY, confirmed=True)
    return staff


def log_in(client, language="en", password=PASSWORD, **extra):
    return client.post(
        f"/{language}/admin/login/?next=/{language}/admin/news/",
        {"username": "staffer", "password": password},
        **extra,
    )


def second_step(client, code, language="en", **extra):
    return client.post(
        f"/{language}/admin/second-factor/", {"code": code, "next": f"/{language}/admin/"}, **extra
    )


def hex_key_of(page):
    """The key the enrolment page shows as text (base32, grouped), as hex for django_otp.oath."""
    import base64

    text = re.search(r'id="second-factor-key">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    return base64.b32decode(text + "=" * (-len(text) % 8)).hex()


@pytest.mark.parametrize(
    ("language", "words"), [("en", "Set up a second factor"), ("zh-hans", "设置第二重验证")]
)
def test_a_staff_member_without_a_device_is_sent_to_enrol_and_cannot_use_the_admin(
    client, staff, language, words
):
    response = log_in(client, language)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/{language}/admin/second-factor/?next=")
    # The admin, django CMS's editing included, sends them on to the second step, then to enrol.
    for url in (
        f"/{language}/admin/",
        f"/{language}/admin/cms/pagecontent/",
        f"/{language}/admin/news/article/",
    ):
        assert client.get(url)["Location"].startswith(f"/{language}/admin/second-factor/")
    enrol = client.get(f"/{language}/admin/second-factor/", follow=True)
    assert enrol.redirect_chain[-1][0].startswith(f"/{language}/admin/second-factor/enrol/")
    page = enrol.content.decode()
    assert words in page and f'<html lang="{language}"' in page
    # The QR code is an SVG drawn by the server, inline; the key is also shown as text.
    assert re.search(r"<figure class=\"second-factor-qr\"><svg[^>]*>", page)
    assert "<img" not in page.split('class="second-factor-qr"')[1].split("</figure>")[0]
    assert re.search(r'id="second-factor-key">([A-Z2-7]{4} )+[A-Z2-7]{1,4}<', page)
    # Outside the admin the password alone is nobody: the public site sees a visitor.
    assert "cms-toolbar" not in client.get(f"/{language}/").content.decode()


def test_enrolling_an_app_signs_in_and_shows_the_recovery_codes_once(client, staff):
    log_in(client)
    with frozen() as traveller:
        key = hex_key_of(client.get("/en/admin/second-factor/enrol/?next=/en/admin/news/").content.decode())
        assert (
            hex_key_of(client.get("/en/admin/second-factor/enrol/").content.decode()) == key
        )  # kept on reload
        wrong = client.post("/en/admin/second-factor/enrol/", {"code": "000000", "next": "/en/admin/news/"})
        assert "That code is not right" in wrong.content.decode()
        traveller.shift(60)  # past django-otp's delay after a wrong code
        done = client.post(
            "/en/admin/second-factor/enrol/", {"code": app_code(key), "next": "/en/admin/news/"}
        )
    assert done["Location"].startswith("/en/admin/second-factor/recovery-codes/")
    codes_page = client.get(done["Location"]).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", codes_page)
    assert len(codes) == settings.RECOVERY_CODE_COUNT
    assert 'href="/en/admin/news/"' in codes_page
    # Shown once: the page does not show them again.
    assert not re.findall(
        r"<li><code>", client.get("/en/admin/second-factor/recovery-codes/").content.decode()
    )
    assert client.get("/en/admin/").status_code == 200


def test_a_password_alone_cannot_add_a_device_to_an_enrolled_account(client, enrolled):
    log_in(client)
    response = client.get("/en/admin/second-factor/enrol/")
    assert response.status_code == 302 and response["Location"].startswith("/en/admin/second-factor/?")
    assert TOTPDevice.objects.filter(user=enrolled).count() == 1


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_an_enrolled_member_signs_in_with_the_code_of_their_app(client, enrolled, language):
    with frozen() as traveller:
        log_in(client, language)
        wrong = second_step(client, "123456", language)
        assert wrong.status_code == 200
        assert ("That code is not right" if language == "en" else "验证码不正确") in wrong.content.decode()
        assert client.get(f"/{language}/admin/").status_code == 302
        traveller.shift(60)  # past django-otp's delay after a wrong code
        response = second_step(client, app_code(), language)
        assert response.status_code == 302 and response["Location"] == f"/{language}/admin/"
        assert client.get(f"/{language}/admin/").status_code == 200
        # A code works once: signed out and in again in the same 30 s, it is refused.
        client.post(f"/{language}/admin/logout/")
        log_in(client, language)
        assert second_step(client, app_code(), language).status_code == 200
        traveller.shift(30)
        assert second_step(client, app_code(), language).status_code == 302


def test_a_recovery_code_works_once(client, enrolled):
    code = new_recovery_codes(enrolled)[0]
    log_in(client)
    response = second_step(client, code.upper())
    assert response.status_code == 302
    assert "recovery code" in client.get("/en/admin/").content.decode()  # the warning: one used
    client.post("/en/admin/logout/")
    log_in(client)
    assert second_step(client, code).status_code == 200
    assert client.get("/en/admin/").status_code == 302


def test_wrong_codes_lock_out_the_account_and_the_address_like_wrong_passwords(client, enrolled):
    with frozen() as traveller:
        log_in(client, password="wrong", REMOTE_ADDR="203.0.113.5")
        log_in(client, REMOTE_ADDR="203.0.113.5")
        statuses = []
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            statuses.append(second_step(client, "000000", REMOTE_ADDR="203.0.113.5").status_code)
            traveller.shift(60)
        # One wrong password and four wrong codes make five failures: locked, and signed out.
        assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 2) + [429, 302]
        assert "_auth_user_id" not in client.session
        # The right password again does not reset the count: the account stays locked.
        assert log_in(client, REMOTE_ADDR="203.0.113.6").status_code == 429


def test_passing_the_second_factor_forgets_earlier_failures(client, enrolled):
    with frozen() as traveller:
        for _attempt in range(settings.AXES_FAILURE_LIMIT - 2):
            log_in(client, password="wrong")
        log_in(client)
        traveller.shift(30)
        assert second_step(client, app_code()).status_code == 302
        client.post("/en/admin/logout/")
        for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
            log_in(client, password="wrong")
        assert log_in(client).status_code == 302


def test_the_test_helper_signs_in_past_the_second_factor(client, staff):
    assert log_in_verified(client, staff).get("/zh-hans/admin/").status_code == 200


@override_settings(DEBUG=True)
def test_the_development_superuser_skips_the_second_factor_only_while_debug_is_on(client):
    user = get_user_model().objects.create_superuser(DEV_SUPERUSER, "", "admin")
    client.force_login(user)
    assert client.get("/en/admin/").status_code == 200
    with override_settings(DEBUG=False):
        assert client.get("/en/admin/").status_code == 302


def test_the_sign_in_security_page_offers_passkeys_from_our_own_scripts(client, enrolled):
    page = log_in_verified(client, enrolled).get("/zh-hans/admin/sign-in-security/")
    text = page.content.decode()
    assert "登录安全" in text and "创建通行密钥" in text
    assert 'src="/static/django_otp_webauthn/otp_webauthn_register.js"' in text
    assert "publickey-credentials-get=(self)" in page["Permissions-Policy"]
    catalogue = client.get("/zh-hans/admin/second-factor/passkeys/jsi18n/").content.decode()
    assert "Registration successful!" in catalogue and "\\u521b\\u5efa\\u6210\\u529f" in catalogue  # 创建成功
