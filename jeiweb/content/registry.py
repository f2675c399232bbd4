"""Which models are site content: saving or deleting one of their records changes what visitors see.

Each of our models says so where it is defined, with `@site_content`; the third-party models
whose saves change pages (django CMS and its add-ons, filer's images, the site's domain) are
declared here, once. A record's django-parler translations and its many-to-many links are part
of it. Whatever is not declared (an enquiry, a user, a permission) changes no page.

The page cache (jeiweb/cache/pages.py) starts afresh on any change of site content, and on its
own at `next_content_change(now)`: when a scheduled record comes due (the publishing rule,
jeiweb/content/publishing.py) or, for a model that declares `changes_at`, when a time field of
a visible record passes (an event ends and moves from upcoming to past).
"""

# Our models declared as site content: {model: the time fields whose passing changes a page}.
_declared = {}
# {model: the relations to the child records that are part of it (a programme's degrees)}.
_children = {}

# Third-party apps whose records pages show; of those, the models that no page shows.
THIRD_PARTY_APPS = {
    "cms",
    "djangocms_versioning",
    "djangocms_alias",
    "djangocms_text",
    "djangocms_link",
    "filer",
    "sites",
}
THIRD_PARTY_IGNORED = {
    "cms.usersettings",
    "cms.pageuser",
    "cms.pageusergroup",
    "cms.globalpagepermission",
    # Written when the apphooks' URLs are first loaded.
    "cms.urlconfrevision",
}


def site_content(model=None, *, changes_at=(), children=()):
    """Class decorator: `model` is site content (`changes_at`: see the module's docstring; a
    field of a related record is named by its lookup path, `registration__opens_at`).
    `children` names the reverse relations of the records that belong to one of its records
    (a programme's degrees): they are kept and restored with it."""

    def declare(model):
        _declared[model] = tuple(changes_at)
        _children[model] = tuple(children)
        return model

    return declare(model) if model is not None else declare


def declared_models():
    return list(_declared)


def children_of(model):
    """The relations `site_content(children=...)` declared for `model`."""
    return _children.get(model, ())


def owner(sender):
    """The model a changed record belongs to: itself, or the model of a translation or link."""
    from parler.models import TranslatedFieldsModel

    if sender._meta.auto_created:  # a many-to-many link between two records
        return sender._meta.auto_created
    if issubclass(sender, TranslatedFieldsModel):
        return sender._meta.get_field("master").related_model
    return sender


def is_site_content(sender):
    """Whether a save or delete of `sender` (a model class) changes what visitors see."""
    from cms.models import CMSPlugin

    model = owner(sender)
    if model in _declared or issubclass(model, CMSPlugin):  # a plugin's settings are its page's
        return True
    meta = model._meta
    return meta.app_label in THIRD_PARTY_APPS and meta.label_lower not in THIRD_PARTY_IGNORED


def next_content_change(now):
    """The earliest moment after `now` at which declared content changes by itself (None: never).

    One query for every declared model, however many there are: the moments each one lies in
    wait for (publication times ahead; the declared time fields of visible records), united."""
    from django.db.models import F

    from jeiweb.content.publishing import Publishable

    waiting = []
    for model, fields in _declared.items():
        records = model._default_manager.all()
        if issubclass(model, Publishable):
            scheduled = records.visible(scheduled=True).filter(publication_start__gt=now)
            waiting.append(scheduled.values_list("publication_start"))
            records = records.visible(now=now)
        for field in fields:
            later = records.filter(**{f"{field}__gt": now}).annotate(moment=F(field))
            waiting.append(later.values_list("moment"))
    if not waiting:
        return None
    moments = waiting[0].order_by().union(*(query.order_by() for query in waiting[1:]))
    return min((moment for (moment,) in moments), default=None)
