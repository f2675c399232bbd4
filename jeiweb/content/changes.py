"""What changed between two states of a record, field by field and language by language.

A state is what one django-reversion revision holds of a record: its own version, its
django-parler translations (one version per language) and its children's (a programme's
FAQs). `compare(before, after)` lines them up by record and gives, for each field that
differs, a readable word-level diff (diff-match-patch); rich text is compared as text.
Reading a whole history page costs the same few queries whatever its length: the versions
come in one query (`versions_of_revisions`), the names of linked records one per model.
"""

import datetime
import html
from collections import defaultdict
from dataclasses import dataclass, field

from diff_match_patch import diff_match_patch
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.translation import gettext_lazy as _

from jeiweb.content.registry import owner

YES_NO = {True: _("yes"), False: _("no"), None: "–"}


def versions_of_revisions(revision_ids):
    """{revision id: [Version, …]} for the given revisions, in one query."""
    from reversion.models import Version

    grouped = defaultdict(list)
    for version in Version.objects.filter(revision_id__in=revision_ids).select_related("content_type"):
        grouped[version.revision_id].append(version)
    return grouped


@dataclass
class RecordState:
    model: type
    object_id: str
    label: str
    # {(field name, language code or None): value}
    values: dict = field(default_factory=dict)


def state(versions):
    """{(model, object id): RecordState} of what the versions (one revision's) hold."""
    records = {}
    for version in versions:
        model = version.content_type.model_class()
        if model is None:
            continue
        data = version.field_dict
        root = owner(model)
        if root is model:
            key = (model, version.object_id)
            record = records.setdefault(key, RecordState(model, version.object_id, version.object_repr))
            record.label = version.object_repr
            record.values.update({(name, None): value for name, value in data.items() if shown(model, name)})
        else:  # a translation: its values belong to its record, in its language
            language = data.get("language_code")
            key = (root, str(data.get("master_id")))
            record = records.setdefault(key, RecordState(root, key[1], ""))
            record.values.update(
                {(name, language): value for name, value in data.items() if shown(model, name)}
            )
    return records


def shown(model, name):
    """Fields an editor wrote: not keys, languages or the times Django stamps itself."""
    try:
        model_field = model._meta.get_field(name)
    except Exception:  # a name the model no longer has
        return False
    if model_field.primary_key or name in ("master", "master_id", "language_code"):
        return False
    return not (getattr(model_field, "auto_now", False) or getattr(model_field, "auto_now_add", False))


@dataclass
class FieldChange:
    label: str
    language: str
    diff: str


@dataclass
class RecordChange:
    kind: str
    label: str
    status: str  # "added", "removed", "changed"
    fields: list


STATUS_LABELS = {"added": _("added"), "removed": _("removed"), "changed": _("changed")}


def compare(before, after, names=None):
    """The differences from one state (`state(...)`) to another, records in a stable order."""
    names = names if names is not None else LinkedNames([before, after])
    changes = []
    for key in sorted(set(before) | set(after), key=lambda key: (key[0]._meta.label, key[1])):
        old, new = before.get(key), after.get(key)
        model = key[0]
        record = new or old
        if old is None or new is None:
            status = "added" if old is None else "removed"
            changes.append(RecordChange(model._meta.verbose_name, record.label, STATUS_LABELS[status], []))
            continue
        fields = []
        for name, language in sorted(set(old.values) | set(new.values), key=lambda k: (k[1] or "", k[0])):
            concrete = field_of(model, name)
            a = names.text(concrete, old.values.get((name, language)))
            b = names.text(concrete, new.values.get((name, language)))
            if a == b:  # the same to a reader (a time saved to the second, a trailing blank)
                continue
            fields.append(
                FieldChange(
                    label=str(concrete.verbose_name) if concrete else name,
                    language=language_name(language),
                    diff=text_diff(a, b),
                )
            )
        if fields:
            changes.append(
                RecordChange(model._meta.verbose_name, record.label, STATUS_LABELS["changed"], fields)
            )
    return changes


def field_of(model, name):
    """The field `name` of the model or of its translations."""
    for candidate in [model, *[meta.model for meta in getattr(model, "_parler_meta", None) or []]]:
        try:
            return candidate._meta.get_field(name)
        except Exception:
            continue
    return None


def language_name(code):
    return dict(settings.LANGUAGES).get(code, "") if code else ""


class LinkedNames:
    """The names of the records that foreign keys and many-to-many fields point at, read in
    one query per linked model for all the states of a page."""

    def __init__(self, states):
        wanted = defaultdict(set)
        for records in states:
            for record in records.values():
                for (name, _language), value in record.values.items():
                    linked = field_of(record.model, name)
                    if linked is None or not linked.is_relation or value in (None, ""):
                        continue
                    values = value if isinstance(value, list | tuple) else [value]
                    wanted[linked.related_model].update(values)
        self.names = {}
        for model, pks in wanted.items():
            records = model._default_manager.filter(pk__in=pks)
            if hasattr(model, "_parler_meta"):
                records = records.prefetch_related("translations")
            self.names[model] = {str(record.pk): str(record) for record in records}

    def text(self, model_field, value):
        if model_field is None:
            return "" if value is None else str(value)
        if model_field.is_relation:
            known = self.names.get(model_field.related_model, {})
            values = value if isinstance(value, list | tuple) else [] if value is None else [value]
            return ", ".join(sorted(known.get(str(pk), f"#{pk}") for pk in values))
        if model_field.choices and value is not None:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(model_field, models.BooleanField):
            return str(YES_NO.get(value, value))
        if value is None:
            return ""
        if isinstance(value, datetime.datetime):
            return localize(timezone.localtime(value).replace(microsecond=0))
        text = str(value)
        if "<" in text and ">" in text:  # rich text: compare what readers read
            text = html.unescape(strip_tags(text.replace("</p>", "</p>\n")))
        return text.strip()


def text_diff(before, after):
    """`before` → `after` as HTML: removed words in <del>, added ones in <ins>."""
    matcher = diff_match_patch()
    diffs = matcher.diff_main(before, after)
    matcher.diff_cleanupSemantic(diffs)
    tags = {-1: "del", 0: "span", 1: "ins"}
    return format_html_join(
        "", "<{0}>{1}</{0}>", ((tags[operation], text) for operation, text in diffs)
    ) or format_html("<span>{}</span>", "–")
