"""Configuration comes from the environment, and production settings pass Django's deploy checks."""

import os
import secrets
import subprocess
import sys

from django.conf import settings


def test_languages_are_the_same_in_django_cms_and_parler():
    django_languages = [code for code, _name in settings.LANGUAGES]
    assert django_languages == ["en", "zh-hans"]
    assert [language["code"] for language in settings.CMS_LANGUAGES[settings.SITE_ID]] == django_languages
    assert [language["code"] for language in settings.PARLER_LANGUAGES[settings.SITE_ID]] == django_languages


def test_the_institute_keeps_china_time():
    assert settings.TIME_ZONE == "Asia/Shanghai"


def test_production_settings_pass_the_deploy_checks():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jeiweb.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "www.example.edu.cn",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
