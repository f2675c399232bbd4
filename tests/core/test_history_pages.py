"""No lost update on django CMS pages: djangocms-versioning's locking (on by our settings)
keeps a page's draft to its author, so a colleague's plugin edits cannot overwrite theirs."""

import pytest
from cms.models import PageContent
from djangocms_versioning.models import Version

from jeiweb.admin.roles import PAGE_EDITORS
from tests.core.test_roles import make_user

pytestmark = pytest.mark.django_db


def test_a_page_draft_is_locked_to_its_author_and_a_page_editor_may_unlock_it():
    author, colleague = make_user("author", PAGE_EDITORS), make_user("colleague", PAGE_EDITORS)
    live = PageContent.objects.get(page__reverse_id="contact", language="en")
    draft = Version.objects.get_for_content(live).copy(author)
    assert draft.locked_by == author
    placeholder = draft.content.get_placeholders().get(slot="content")
    assert placeholder.check_source(author)
    assert not placeholder.check_source(colleague)  # no plugin of it can be added, changed or moved
    assert colleague.has_perm("djangocms_versioning.delete_versionlock")  # to take over a left draft
