"""Review before publishing (the two-person rule): writers submit, approvers publish or return."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
import time_machine
from django.contrib.admin.sites import site
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.utils import timezone
from reversion.models import Version

from jeiweb.admin.roles import NEWS_WRITERS, setup_roles
from jeiweb.content.batching import batched_changes
from jeiweb.content.review import ReviewState
from news.models import Article, Event, Status
from tests.news.factories import make_article, make_editor, make_event, make_page_editor, make_writer
from tests.support.second_factor import log_in_verified

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/"
NOW = timezone.make_aware(timezone.datetime(2026, 3, 2, 9, 0))


def article_form(**overrides):
    data = {
        "title": "Anatomy lab opens",
        "slug": "anatomy-lab-opens",
        "summary": "A new anatomy laboratory opens.",
        "body": "<p>Students learn anatomy in a new laboratory.</p>",
        "image_alt": "",
        "publication_start_0": "2026-03-01",
        "publication_start_1": "10:00:00",
        "is_featured": "",
        "categories": [],
    }
    data.update(overrides)
    return data


def submitted(record, writer, language="en", now=NOW):
    record.status = Status.DRAFT
    record.submit_for_review(writer, language, now=now)
    record.save()
    return record


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Runs what waits for the commit (the writer's e-mail) when the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def writer():
    return make_writer(email="writer@example.edu.cn")


def test_the_news_writers_group_has_exactly_its_permissions():
    group = Group.objects.get(name=NEWS_WRITERS)
    codenames = {
        f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")
    }
    assert {name for name in codenames if name.startswith("news.")} == {
        "news.add_article",
        "news.change_article",
        "news.view_article",
        "news.add_event",
        "news.change_event",
        "news.view_event",
        "news.view_category",
    }
    assert group in setup_roles()


def test_a_writer_is_offered_no_status_but_submit_for_review(client, writer):
    html = log_in_verified(client, writer).get(ADMIN + "news/article/add/").content.decode()
    assert 'name="status"' not in html
    assert 'name="_submit_for_review"' in html
    html = client.get("/zh-hans/admin/news/event/add/").content.decode()
    assert 'name="status"' not in html
    assert "提交审核" in html


@pytest.mark.parametrize("publication_start", ["2026-03-01", "2030-01-01"])  # publish, schedule
def test_a_crafted_post_from_a_writer_cannot_publish_or_schedule(client, writer, publication_start):
    log_in_verified(client, writer)
    forged = article_form(status="published", publication_start_0=publication_start)
    assert client.post(ADMIN + "news/article/add/?language=en", forged).status_code == 302
    article = Article.objects.get(translations__slug="anatomy-lab-opens")
    assert article.status == Status.DRAFT
    client.post(ADMIN + f"news/article/{article.pk}/change/?language=en", forged)
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert (
        not Article.objects.visible(now=timezone.now() + timedelta(days=3650)).filter(pk=article.pk).exists()
    )


def test_the_server_refuses_a_writers_change_of_status_whatever_reaches_it(writer):
    """Below the form: a status changed on the object itself is refused on save."""
    article = make_article(status=Status.DRAFT)
    article.status = Status.PUBLISHED
    request = RequestFactory().post("/en/admin/news/article/", {})
    request.user = writer
    with pytest.raises(PermissionDenied):
        site._registry[Article].save_model(request, article, SimpleNamespace(cleaned_data={}), change=True)
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT


def test_a_writer_cannot_change_what_is_published_or_awaits_review(client, writer):
    published = make_article()
    waiting = submitted(make_article(), writer)
    log_in_verified(client, writer)
    for article in (published, waiting):
        url = ADMIN + f"news/article/{article.pk}/change/?language=en"
        missing_language = ADMIN + f"news/article/{article.pk}/change/?language=zh-hans"
        article.translations.filter(language_code="zh-hans").delete()
        assert 'name="_save"' not in client.get(missing_language).content.decode()
        assert client.post(url, article_form(title="Changed")).status_code == 403
        html = client.get(url).content.decode()
        assert 'name="_save"' not in html and 'name="_submit_for_review"' not in html
        assert client.post(ADMIN + f"news/article/{article.pk}/delete/", {"post": "yes"}).status_code == 403
    assert Article.objects.filter(translations__title="Changed").count() == 0


def test_a_writer_submits_a_draft_in_their_language(client, writer):
    article = make_article(status=Status.DRAFT)
    log_in_verified(client, writer)
    url = f"/zh-hans/admin/news/article/{article.pk}/change/?language=zh-hans"
    form = article_form(title="解剖实验室启用", slug="jiepou-shiyanshi", _submit_for_review="1")
    response = client.post(url, form, follow=True)
    assert "已提交审核" in response.content.decode()
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.review_state == ReviewState.SUBMITTED
    assert (article.submitted_by, article.submitted_language) == (writer, "zh-hans")


def test_approvers_see_the_queue_and_its_count_writers_do_not(client, writer):
    waiting_article = submitted(make_article(title="Waiting article"), writer)
    submitted(make_event(), writer)
    make_article(status=Status.DRAFT, title="Not submitted")
    for approver in (make_editor(), make_page_editor()):
        log_in_verified(client, approver)
        index = client.get(ADMIN).content.decode()
        assert '<td class="review-count">2</td>' in index
        queue = client.get(ADMIN + "review/").content.decode()
        assert "Waiting article" in queue and "Not submitted" not in queue
        assert f"/en/admin/review/news/article/{waiting_article.pk}/" in queue
    log_in_verified(client, writer)
    assert "review-count" not in client.get(ADMIN).content.decode()
    assert client.get(ADMIN + "review/").status_code == 403
    assert client.get(ADMIN + f"review/news/article/{waiting_article.pk}/").status_code == 403


@pytest.mark.parametrize("waiting", [12, 60])
def test_the_queue_answers_in_a_bounded_number_of_queries(
    client, writer, django_assert_max_num_queries, waiting
):
    with batched_changes():  # the records, not their saves, are what this measures
        for _n in range(waiting):
            submitted(make_article(), writer)
    log_in_verified(client, make_editor())
    client.get(ADMIN)  # the first request of a session sets up django CMS's user settings
    # The session, the user, the second factor's device, their permissions (2), then per
    # reviewable model its records and their translations (writers come with the records).
    with django_assert_max_num_queries(9):
        assert client.get(ADMIN + "review/").status_code == 200


def test_an_approver_previews_the_submitted_article_and_event_in_the_public_templates(client, writer):
    article = submitted(make_article(title="Secret draft"), writer)
    event = submitted(make_event(), writer)
    log_in_verified(client, make_page_editor())
    page = client.get(ADMIN + f"review/news/article/{article.pk}/").content.decode()
    for language in ("en", "zh-hans"):
        assert article.get_absolute_url(language) in page
    for record in (article, event):
        response = client.get(record.get_absolute_url("zh-hans"))
        html = response.content.decode()
        assert response.status_code == 200
        assert 'role="status"' in html and '<meta name="robots" content="noindex">' in html
        assert "no-cache" in response["Cache-Control"]
    client.logout()
    for record in (article, event):
        assert client.get(record.get_absolute_url("en")).status_code == 404


def approve(client, record, **data):
    url = ADMIN + f"review/{record._meta.app_label}/{record._meta.model_name}/{record.pk}/"
    return client.post(url, {"decision": "approve", **data})


def test_approving_publishes_at_once_and_tells_the_writer_in_chinese(client, writer, on_commit):
    article = submitted(make_article(publication_start=NOW - timedelta(hours=1)), writer, language="zh-hans")
    editor = make_editor()
    log_in_verified(client, editor)
    with time_machine.travel(NOW, tick=False), on_commit():
        assert approve(client, article).status_code == 302
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED and article.is_visible(now=NOW)
    assert (article.review_state, article.reviewed_by) == (ReviewState.APPROVED, editor)
    # The decision is in the article's history, by the approver.
    latest = Version.objects.get_for_object(article).order_by("-pk").first()
    assert (latest.revision.user, latest.revision.comment) == (editor, "Approved")
    [message] = mail.outbox
    assert message.to == ["writer@example.edu.cn"]
    assert message.subject.startswith("已批准并发布")
    assert f"/zh-hans/admin/news/article/{article.pk}/change/?language=zh-hans" in message.body


def test_approving_an_article_due_later_schedules_it(client, writer, on_commit):
    later = NOW + timedelta(days=2)
    article = submitted(make_article(publication_start=later), writer)
    log_in_verified(client, make_editor())
    with time_machine.travel(NOW, tick=False):
        page = client.get(ADMIN + f"review/news/article/{article.pk}/").content.decode()
        assert "Approve: schedule for" in page
        with on_commit():
            approve(client, article)
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert not article.is_visible(now=NOW) and article.is_visible(now=later)
    assert mail.outbox[0].subject.startswith("Approved and scheduled")
    assert "visitors will see it from" in mail.outbox[0].body


def test_returning_needs_a_comment_and_mails_it_to_the_writer(client, writer, on_commit):
    event = submitted(make_event(), writer, language="en")
    log_in_verified(client, make_page_editor())
    url = f"/zh-hans/admin/review/news/event/{event.pk}/"
    response = client.post(url, {"decision": "return", "comment": " "})
    assert response.status_code == 200
    assert "请说明撰稿人需要修改什么" in response.content.decode()
    with on_commit():
        client.post(url, {"decision": "return", "comment": "The end time is wrong."})
    event.refresh_from_db()
    assert (event.status, event.review_state) == (Status.DRAFT, ReviewState.RETURNED)
    latest = Version.objects.get_for_object(event).order_by("-pk").first()
    assert latest.revision.comment == "已退回撰稿人：The end time is wrong."
    [message] = mail.outbox
    assert message.subject.startswith("Returned for changes")  # the writer's language, not the approver's
    assert "The end time is wrong." in message.body
    # The writer reads the comment on the form and may change the draft again.
    log_in_verified(client, writer)
    html = client.get(ADMIN + f"news/event/{event.pk}/change/").content.decode()
    assert "The end time is wrong." in html and 'name="_submit_for_review"' in html


def test_a_decision_on_what_no_longer_waits_changes_nothing(client, writer):
    article = make_article(status=Status.DRAFT)
    log_in_verified(client, make_editor())
    approve(client, article)
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT
    assert client.get(ADMIN + "review/news/category/1/").status_code == 404
    assert client.get(ADMIN + "review/nothing/here/1/").status_code == 404


def test_an_approver_publishing_through_the_form_approves_it(client, writer, on_commit):
    article = submitted(make_article(), writer)
    log_in_verified(client, make_editor())
    form = article_form(status="published", publication_start_0="2020-01-01")
    with on_commit():
        client.post(ADMIN + f"news/article/{article.pk}/change/?language=en", form)
    article.refresh_from_db()
    assert (article.status, article.review_state) == (Status.PUBLISHED, ReviewState.APPROVED)
    assert len(mail.outbox) == 1


def test_with_the_rule_off_a_writer_publishes(client, writer, settings):
    settings.REVIEW_REQUIRED = False
    log_in_verified(client, writer)
    html = client.get(ADMIN + "news/article/add/").content.decode()
    assert 'name="status"' in html and "_submit_for_review" not in html
    client.post(ADMIN + "news/article/add/?language=en", article_form(status="published"))
    assert Article.objects.get(translations__slug="anatomy-lab-opens").status == Status.PUBLISHED
    event = make_event()
    assert client.get(ADMIN + f"news/event/{event.pk}/change/").status_code == 200
    assert Event.objects.get(pk=event.pk).review_state == ReviewState.NOT_SUBMITTED
