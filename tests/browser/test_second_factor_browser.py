"""In Chromium, in Chinese: a new staff account is sent to enrol a second factor, signs in with
a code of its authenticator app, and then with a passkey (Chromium's virtual authenticator)."""

import base64
import secrets

import pytest

from tests.support.second_factor import app_code

pytestmark = pytest.mark.browser

CREATE_STAFF = """
from django.contrib.auth.models import User
User.objects.create_user({username!r}, password={password!r}, is_staff=True, is_superuser=True)
"""


@pytest.fixture(scope="module")
def new_account(served):
    """A staff account made before the second factor existed: it has no device."""
    username, password = "new-staff", secrets.token_urlsafe(16)
    served.manage("shell", "-c", CREATE_STAFF.format(username=username, password=password))
    return username, password


def log_in(page, base, username, password):
    page.goto(base + "/zh-hans/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("#login-form [type=submit]").click()


def test_a_new_staff_account_enrols_an_app_then_signs_in_with_its_code_and_a_passkey(
    browser, served, new_account
):
    # Passkeys belong to a domain name, never an IP address: the site as http://localhost.
    base = served.url.replace("127.0.0.1", "localhost")
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    log_in(page, base, *new_account)

    # Sent to enrol: the QR code is drawn by our server, the key is shown as text to type.
    page.wait_for_url("**/zh-hans/admin/second-factor/enrol/**")
    assert page.locator("h1").inner_text() == "设置第二重验证"
    assert page.locator(".second-factor-qr svg").count() == 1
    key_text = page.locator("#second-factor-key").inner_text().replace(" ", "")
    key = base64.b32decode(key_text + "=" * (-len(key_text) % 8)).hex()
    page.locator("#id_code").fill(app_code(key))
    page.get_by_role("button", name="确认应用").click()

    # The recovery codes, shown once; then the admin.
    page.wait_for_url("**/zh-hans/admin/second-factor/recovery-codes/**")
    assert page.locator(".recovery-codes li").count() == 10
    page.get_by_role("link", name="我已保存：继续").click()
    page.wait_for_url(base + "/zh-hans/admin/")

    # Signing in again: the password, then a code of the app (the next one: each works once).
    # (A wrong code first would make django-otp wait a second before the next: test_second_factor.py.)
    page.locator("#logout-form button").click()
    log_in(page, base, *new_account)
    page.wait_for_url("**/zh-hans/admin/second-factor/?**")
    assert page.locator("h1").inner_text() == "登录第二步"
    page.locator("#id_code").fill(app_code(key, steps_ahead=1))
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(base + "/zh-hans/admin/")

    # A passkey, made with Chromium's virtual authenticator, then used to sign in.
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    page.goto(base + "/zh-hans/admin/sign-in-security/")
    page.get_by_role("button", name="创建通行密钥").click()
    # Once made, the page reloads and lists it (in place of "None.").
    page.wait_for_function(
        "() => { const list = document.getElementById('passkeys');"
        " return list && !list.innerText.includes('无。'); }"
    )
    page.wait_for_load_state("load")
    page.locator("#logout-form button").click()
    log_in(page, base, *new_account)
    page.wait_for_url("**/zh-hans/admin/second-factor/?**")
    page.get_by_role("button", name="使用我的通行密钥").click()
    page.wait_for_url(base + "/zh-hans/admin/")
    context.close()
