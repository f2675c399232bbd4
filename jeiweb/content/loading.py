"""The seed content: the CMS page tree from `fixtures/`, then what each app loads.

`load_site_content` (the command of the same name, run by `make run`) builds and publishes
the bilingual page tree, then asks every installed app whose AppConfig has a
`load_content(log)` method to load its own fixtures (the college's records, the news), in
the order of INSTALLED_APPS, and prints what each says it did. Everything is idempotent:
what exists already, and so anything staff have edited, is left alone.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from cms.api import add_plugin, create_page, create_page_content
from cms.models import Page, PageContent
from cms.utils import apphook_reload
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.db import transaction
from djangocms_versioning.models import Version

from jeiweb.i18n import language_codes

FIXTURES_DIR = settings.BASE_DIR / "fixtures"
LOADER_USERNAME = "content-loader"
DEFAULT_TEMPLATE = "pages/page.html"


@dataclass
class PageSpec:
    """One page of `fixtures/pages.yaml`, with its text per language."""

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

    def body(self, language, name=None):
        path = FIXTURES_DIR / "pages" / f"{name or self.reverse_id}.{language}.html"
        return path.read_text(encoding="utf-8")

    def add_blocks(self, placeholder, language):
        for block in self.blocks:
            if block == "text" or "text" in block:
                name = None if block == "text" else block["text"]
                add_plugin(placeholder, "TextPlugin", language, body=self.body(language, name))
            else:
                add_plugin(placeholder, block["plugin"], language, **block.get("fields", {}))


def read_page_specs(path: Path = FIXTURES_DIR / "pages.yaml") -> list[PageSpec]:
    with path.open(encoding="utf-8") as f:
        return [PageSpec(**entry) for entry in yaml.safe_load(f)]


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


@transaction.atomic
def load_page_tree(specs=None, log=lambda message: None):
    """Create and publish every page and language of the tree that does not exist yet.

    A page (or one language of it) that exists is left exactly as it is: staff may have
    edited it, and their work wins over the fixtures. Returns the number of page translations
    created, so running it twice reports 0 the second time.
    """
    configure_site()
    user = loader_user()
    site = Site.objects.get_current()
    languages = language_codes()
    pages = {}
    created = 0
    for spec in specs if specs is not None else read_page_specs():
        page = Page.objects.filter(reverse_id=spec.reverse_id, site=site).first()
        existing = set()
        if page is not None:
            existing = set(PageContent.admin_manager.filter(page=page).values_list("language", flat=True))
        for language in languages:
            if language in existing:
                continue
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
                    parent=pages.get(spec.parent),
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
            created += 1
            log(f"Published {spec.reverse_id} ({language})")
        if spec.apphook and not page.application_urls:
            # An apphook added to the fixtures after the page was built: attaching one where
            # there is none takes nothing away from staff.
            page.application_urls = spec.apphook
            page.application_namespace = spec.apphook_namespace
            page.save(update_fields=["application_urls", "application_namespace"])
        if spec.home and not page.is_home:
            page.set_as_homepage(user)
        pages[spec.reverse_id] = page
    return created


def load_site_content(log=lambda message: None):
    """Load the page tree, then every app's content; returns a line of what was done per step."""
    done = [f"{load_page_tree(log=log)} page translations created"]
    # Pages with applications (apphooks) may be new: this process's URLs must know them before
    # records and the search index ask for their addresses.
    apphook_reload.reload_urlconf()
    for config in apps.get_app_configs():
        load_content = getattr(config, "load_content", None)
        if load_content is not None:
            done.append(load_content(log=log))
    return done
