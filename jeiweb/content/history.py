"""History of site content: every record declared with `@site_content` keeps its earlier versions.

The declaration is the one in jeiweb/content/registry.py: `register_history()` (run once, when
the core is ready) registers each declared model with django-reversion, following its
django-parler translations and the `children=` it names (a programme's degrees, curriculum
stages, FAQs…), so a revision holds the record as a whole, in every language. Many-to-many
links (an article's categories) are stored in the record's own version. A model that a later
change declares gets history by that declaration alone.

Restoring goes through django-reversion's deserializer, which saves with `raw=True`: receivers
that skip raw saves (as the page cache's and the search index's do, for fixtures) would miss it.
`restore(revision)` (used by the admin too) therefore announces each restored record with
`content_restored`, to which the page cache and the search index listen.
"""

import json
from datetime import datetime, timedelta

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext, gettext_lazy

# Comments of the revisions this module makes, stored as JSON (as Django's log entries are)
# and read in the reader's language (`describe`).
BASELINE = "baseline"
DELETED = "deleted"
RESTORED = "restored"
COMMENTS = {
    BASELINE: gettext_lazy("As it was before the first change recorded in the history."),
    DELETED: gettext_lazy("Deleted."),
}

# Sent once per record a restore wrote back (`sender`: its model, `instance`: the record as
# restored, a translation's carrying its `master_id`).
content_restored = Signal()


def translation_relations(model):
    """The reverse relations to a model's django-parler translations ("translations")."""
    parler_meta = getattr(model, "_parler_meta", None)
    if parler_meta is None:
        return []
    return [(meta.rel_name, meta.model) for meta in parler_meta]


def register_history():
    """Register every declared model, its translations and its children with django-reversion."""
    import reversion

    from jeiweb.content.registry import children_of, declared_models

    def register(model):
        if reversion.is_registered(model):
            return
        follow = []
        for relation, translations in translation_relations(model):
            follow.append(relation)
            if not reversion.is_registered(translations):
                reversion.register(translations)
        children = list(children_of(model))
        reversion.register(model, follow=[*follow, *children])
        for relation in children:
            register(model._meta.get_field(relation).related_model)

    for model in declared_models():
        register(model)


def has_history(model):
    import reversion

    return reversion.is_registered(model)


def latest_version(obj):
    """The newest stored version of `obj` (None: it has none yet)."""
    from reversion.models import Version

    return Version.objects.get_for_object(obj).order_by("-pk").only("pk", "revision_id").first()


def record_state(obj, user=None, comment="", date=None):
    """Store the current state of `obj` (with its translations and children) as a revision."""
    import reversion

    with reversion.create_revision():
        reversion.add_to_revision(obj)
        reversion.set_user(user)
        reversion.set_comment(str(comment))
        if date is not None:
            reversion.set_date_created(date)


def announce_restored(revision):
    """Tell the page cache and the search index what a restore of `revision` wrote back."""
    for version in revision.version_set.select_related("content_type"):
        model = version._model
        if model is not None:
            content_restored.send(sender=model, instance=version._object_version.object)


def restore(revision, user=None):
    """Put back every record of `revision` as it was (those added to it since are deleted),
    record the result as a new revision by `user`, and announce it."""
    import reversion

    from jeiweb.content.registry import owner

    with transaction.atomic():
        revision.revert(delete=True)
        roots = [
            version.object
            for version in revision.version_set.select_related("content_type")
            if owner(version._model) is version._model
        ]
        with reversion.create_revision():
            for record in roots:
                if record is not None:
                    reversion.add_to_revision(record)
            reversion.set_user(user)
            reversion.set_comment(history_comment(RESTORED, date=revision.date_created.isoformat()))
        announce_restored(revision)


def history_comment(kind, **values):
    return json.dumps({"history": kind, **values})


def describe(revision):
    """A revision's comment in the reader's language (the admin's are Django's change messages)."""
    try:
        data = json.loads(revision.comment)
    except ValueError:
        data = None
    kind = data.get("history") if isinstance(data, dict) else None
    if kind in COMMENTS:
        return str(COMMENTS[kind])
    if kind == RESTORED:
        when = localize(timezone.localtime(datetime.fromisoformat(data["date"])))
        return gettext("Reverted to previous version, saved on %(datetime)s") % {"datetime": when}
    return revision.get_comment()


def kept_revision_ids():
    """The revision holding the latest version of each record that still exists."""
    import reversion
    from django.db.models import Max
    from reversion.models import Version

    from jeiweb.content.registry import owner

    kept = set()
    for model in reversion.get_registered_models():
        if owner(model) is not model:
            continue  # a translation is in its record's revisions
        latest = dict(
            Version.objects.get_for_model(model)
            .values("object_id")
            .annotate(latest=Max("pk"))
            .values_list("object_id", "latest")
        )
        live = {
            str(pk) for pk in model._default_manager.filter(pk__in=list(latest)).values_list("pk", flat=True)
        }
        versions = [pk for object_id, pk in latest.items() if object_id in live]
        kept.update(Version.objects.filter(pk__in=versions).values_list("revision_id", flat=True))
    return kept


def purge_history(days, now=None):
    """Delete the revisions older than `days` (with their versions), but each live record's
    latest: a record always keeps the state it can be restored to. Returns how many went."""
    from reversion.models import Revision

    cutoff = (now or timezone.now()) - timedelta(days=days)
    old = Revision.objects.filter(date_created__lt=cutoff).exclude(pk__in=kept_revision_ids())
    count = old.count()
    old.delete()
    return count
