"""Addresses (slugs) in Latin letters for titles in any of the site's languages.

Staff write in Chinese first: a Chinese title becomes its pinyin (学院获批 → xue-yuan-huo-pi),
through pypinyin's own dictionary, so that the slug reads aloud like the title.
"""

from django.utils.text import slugify
from pypinyin import lazy_pinyin


def slug_for(title, max_length=200):
    """The slug for `title`: Chinese characters as pinyin syllables, the rest as Django slugifies it."""
    words = " ".join(lazy_pinyin(title or ""))
    return slugify(words)[:max_length].strip("-")
