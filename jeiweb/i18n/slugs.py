"""Addresses (slugs) in Latin letters for titles in any of the site's languages.

Staff write in Chinese first: a Chinese title becomes its pinyin (学院获批 → xue-yuan-huo-pi),
through pypinyin's own dictionary, so that the slug reads aloud like the title.
"""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from pypinyin import lazy_pinyin


def slug_for(title, max_length=200):
    """The slug for `title`: Chinese characters as pinyin syllables, the rest as Django slugifies it."""
    words = " ".join(lazy_pinyin(title or ""))
    return slugify(words)[:max_length].strip("-")


def slug_field(help_text="", **kwargs):
    """The `slug` of a translated record: the last part of its address in one language, as long
    as `slug_for` makes it."""
    return models.SlugField(_("slug"), max_length=200, help_text=help_text, **kwargs)


def is_chinese(text):
    """Whether `text` is written in Chinese characters (a Latin-script name is not)."""
    return any("\u4e00" <= ch <= "\u9fff" for ch in text or "")


def name_sort_key(family_name, given_name=""):
    """How a directory orders a person: by family name, then given name, in Latin letters
    (pinyin for a Chinese name: 黄爱龙 → "huang ai long"), so both scripts sort together."""
    words = [" ".join(lazy_pinyin(part or "")).lower().strip() for part in (family_name, given_name)]
    return "|".join(words)[:200]
