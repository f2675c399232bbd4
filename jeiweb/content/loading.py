"""The seed content: one way for every part of the site to load its fixtures, in one order.

Every loader follows the same rules:

- it reads its records from `fixtures/`, all in one shape (`read_records`): a YAML list of
  records, each with a stable key (`key`, or a natural key its loader documents), its
  language-independent fields, and `translations: {en: {...}, zh-hans: {...}}`; long texts are
  `<key>.<language>.html` files beside the YAML (`read_body`);
- it creates only what is missing, recognised by that key, validated by the admin's rules
  (`create_translated` runs `full_clean()`); what exists, and so anything staff have edited,
  is never overwritten, so a second run creates nothing;
- it takes `log` (one call per record created) and returns a count for its report line.

Each app registers its loaders in its `AppConfig.ready()`, naming the loaders it must follow:
`loaders.register("news", load_news, after=("college",), reports="{} articles created")`. The
app says what it loads where it is defined, and the order is explicit in the declarations, not
implied by INSTALLED_APPS. `load_site_content` (the command of the same name, run by
`make run`) runs them all, in that order: the page tree and the "Page editors" role, the
college, the news and the "News editors" role, and last the search index.
"""

import graphlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from cms.api import add_plugin, create_page, create_page_content
from cms.models import Page, PageContent
from cms.utils import apphook_reload
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from djangocms_versioning.models import Version

from jeiweb.i18n import language_codes

FIXTURES_DIR = settings.BASE_DIR / "fixtures"
LOADER_USERNAME = "content-loader"
DEFAULT_TEMPLATE = "pages/page.html"


def ignore(message):
    """The default `log`: loaders report through it only when asked to."""


# The registry -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    """What one loader did: its name, its count and the line the command prints."""

    loader: str
    count: int
    line: str


@dataclass(frozen=True)
class Loader:
    """One registered loader: `load(log=...)` returns a count that `reports` words."""

    name: str
    load: Callable[..., int]
    after: tuple[str, ...] = ()
    reports: str = "{} records created"

    def run(self, log=ignore):
        count = self.load(log=log)
        return Report(self.name, count, self.reports.format(count))


class LoaderRegistry:
    """The loaders of the site, run each after those it names in `after`."""

    def __init__(self):
        self._loaders = {}

    def register(self, name, load, *, after=(), reports="{} records created"):
        # Registering a name again replaces it: Django runs ready() again when a test changes
        # INSTALLED_APPS.
        self._loaders[name] = Loader(name, load, tuple(after), reports)

    def ordered(self):
        """Every loader, each after those it follows."""
        sorter = graphlib.TopologicalSorter()
        for loader in self._loaders.values():
            unknown = [name for name in loader.after if name not in self._loaders]
            if unknown:
                raise ImproperlyConfigured(f"Loader {loader.name!r} follows {unknown}: not registered")
            sorter.add(loader.name, *loader.after)
        try:
            return [self._loaders[name] for name in sorter.static_order()]
        except graphlib.CycleError as error:
            raise ImproperlyConfigured(f"Content loaders wait for each other: {error.args[1]}") from error

    def load_all(self, log=ignore):
        return [loader.run(log) for loader in self.ordered()]


loaders = LoaderRegistry()


def load_site_content(log=ignore):
    """Run every registered loader in order; returns a `Report` per loader."""
    return loaders.load_all(log)


# The fixture shape --------------------------------------------------------------------------------


def read_records(path: Path):
    """The records of one fixture file: a YAML list (an empty file holds none)."""
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f) or []


def read_body(directory: Path, key, language):
    """The long text of record `key` in `language`: `<key>.<language>.html` beside its YAML."""
    return (directory / f"{key}.{language}.html").read_text(encoding="utf-8")


def create_translated(model, translations, **fields):
    """A new record with its text in every language, validated by the admin's rules, saved."""
    missing = set(language_codes()) - set(translations)
    if missing:
        raise ValueError(f"{model.__name__} {fields}: no text in {', '.join(sorted(missing))}")
    instance = model(**fields)
    for language in language_codes():
        instance.set_current_language(language)
        for name, value in translations[language].items():
            setattr(instance, name, value)
    instance.set_current_language(settings.LANGUAGE_CODE)
    instance.full_clean()
    for language in language_codes():
        instance._get_translated_model(language).full_clean(exclude=["master"])
    instance.save()
    return instance


# The page tree ------------------------------------------------------------------------------------

PAGES_DIR = FIXTURES_DIR / "pages"
PAGE_TEXTS = ("title", "slug", "page_title", "meta_description")


@dataclass
class PageSpec:
    """One page of `fixtures/pages/pages.yaml`, with its text per language."""

    reverse_id: str
    title: dict
    slug: dict
    template: str = DEFAULT_TEMPLATE
    parent: str | None = None
    home: bool = False
    in_navigation: bool = True
    page_title: dict = field(default_factory=dict)
    meta_description: dict = field(default_factory=dict)
    apphook: str | None = None
    apphook_namespace: str | None = None
    # What goes into the "content" placeholder, in order: "text" is the page's own HTML file;
    # {"text": "name"} another file, fixtures/pages/<name>.<language>.html; and
    # {"plugin": "SomePlugin", "fields": {...}} a plugin that renders data from the models.
    blocks: list = field(default_factory=lambda: ["text"])

    @classmethod
    def from_record(cls, record):
        """The page of a fixture record: its key is the page's reverse_id."""
        record = dict(record)
        translations = record.pop("translations")
        texts = {
            name: {language: text[name] for language, text in translations.items() if name in text}
            for name in PAGE_TEXTS
        }
        return cls(reverse_id=record.pop("key"), **texts, **record)

    def body(self, language, name=None):
        return read_body(PAGES_DIR, name or self.reverse_id, language)

    def add_blocks(self, placeholder, language):
        for block in self.blocks:
            if block == "text" or "text" in block:
                name = None if block == "text" else block["text"]
                add_plugin(placeholder, "TextPlugin", language, body=self.body(language, name))
            else:
                add_plugin(placeholder, block["plugin"], language, **block.get("fields", {}))


def read_page_specs(path: Path = PAGES_DIR / "pages.yaml") -> list[PageSpec]:
    return [PageSpec.from_record(record) for record in read_records(path)]


def loader_user():
    """The account that authors seeded content: it cannot log in, but versions need an author."""
    user, created = get_user_model().objects.get_or_create(
        username=LOADER_USERNAME, defaults={"is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def configure_site():
    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_NAME}
    )


def publish_translation(spec, page, parent, site, language, user):
    """Create and publish the page of `spec` in `language` (the page itself if it is new)."""
    attributes = {
        "title": spec.title[language],
        "slug": spec.slug[language],
        "page_title": spec.page_title.get(language),
        "meta_description": spec.meta_description.get(language),
        "template": spec.template,
        "in_navigation": spec.in_navigation,
        "created_by": user,
    }
    if page is None:
        page = create_page(
            language=language,
            parent=parent,
            reverse_id=spec.reverse_id,
            site=site,
            apphook=spec.apphook,
            apphook_namespace=spec.apphook_namespace,
            **attributes,
        )
        content = PageContent.admin_manager.get(page=page, language=language)
    else:
        content = create_page_content(language=language, page=page, **attributes)
    spec.add_blocks(content.get_placeholders().get(slot="content"), language)
    Version.objects.get_for_content(content).publish(user)
    return page


def load_page(spec, parent, site, user, log):
    """The page of `spec`, with the languages it lacks created; returns it and how many."""
    page = Page.objects.filter(reverse_id=spec.reverse_id, site=site).first()
    existing = set()
    if page is not None:
        existing = set(PageContent.admin_manager.filter(page=page).values_list("language", flat=True))
    missing = [language for language in language_codes() if language not in existing]
    for language in missing:
        page = publish_translation(spec, page, parent, site, language, user)
        log(f"Published {spec.reverse_id} ({language})")
    if spec.apphook and not page.application_urls:
        # An apphook added to the fixtures after the page was built: attaching one where
        # there is none takes nothing away from staff.
        page.application_urls = spec.apphook
        page.application_namespace = spec.apphook_namespace
        page.save(update_fields=["application_urls", "application_namespace"])
    if spec.home and not page.is_home:
        page.set_as_homepage(user)
    return page, len(missing)


@transaction.atomic
def load_page_tree(specs=None, log=ignore):
    """Create and publish every page and language of the tree that does not exist yet.

    A page (or one language of it) that exists is left exactly as it is: staff may have
    edited it, and their work wins over the fixtures. Returns the number of page translations
    created, so running it twice reports 0 the second time.
    """
    configure_site()
    user = loader_user()
    site = Site.objects.get_current()
    pages = {}
    created = 0
    for spec in specs if specs is not None else read_page_specs():
        pages[spec.reverse_id], count = load_page(spec, pages.get(spec.parent), site, user, log)
        created += count
    return created


def load_pages(log=ignore):
    """The page tree's loader: the tree, then this process's URLs made to know its apphooks."""
    created = load_page_tree(log=log)
    # Pages with applications (apphooks) may be new: this process's URLs must know them before
    # records and the search index ask for their addresses.
    apphook_reload.reload_urlconf()
    return created
