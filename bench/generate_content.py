"""Generate a large archive for the benchmark: articles, events and milestones in both
languages, written with bulk_create so that 10,000 articles take seconds, not minutes.

    .venv/bin/python bench/generate_content.py --articles 10000 --events 200 --milestones 2000
    .venv/bin/python bench/generate_content.py --delete

It runs with the project's settings (DJANGO_SETTINGS_MODULE, jeiweb.settings.dev unless set)
on the database of DATABASE_URL; tests call `generate()` and `delete()`. It lives with the
bench, not in an app, because it writes the records of several apps (news and the college).

Everything generated carries the `bench-` prefix (article and event slugs, milestone keys), so
`--delete` removes exactly it. Generated records bypass save() and its signals: the search
index and the page caches do not know about them until `rebuild_search_index` and a cache
clear (the benchmark does both).
"""

import argparse
import os
import random
import sys
from datetime import timedelta
from pathlib import Path

import django

if __name__ == "__main__":  # run as a script: the project's settings, set up before its models
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeiweb.settings.dev")
    django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from news.models import Article, Category, Event, Status  # noqa: E402
from pages.models import Milestone  # noqa: E402
from pages.models.milestones import MilestoneCategory  # noqa: E402

MARK = "bench-"
BATCH = 1000

# Words for believable text: common ones appear in most records, each "rare" one in few.
WORDS_EN = [
    "students",
    "medicine",
    "clinical",
    "teaching",
    "research",
    "university",
    "college",
    "hospital",
    "programme",
    "lecture",
    "exchange",
    "laboratory",
    "nursing",
    "pharmacy",
    "anatomy",
    "semester",
    "library",
    "graduate",
    "partnership",
    "quality",
]
WORDS_ZH = [
    "学生",
    "医学",
    "临床",
    "教学",
    "研究",
    "大学",
    "学院",
    "医院",
    "专业",
    "讲座",
    "交流",
    "实验室",
    "护理",
    "药学",
    "解剖",
    "学期",
    "图书馆",
    "毕业",
    "合作",
    "质量",
]
RARE_EN = ["anaesthesia", "cardiology", "dermatology", "embryology", "histology"]
RARE_ZH = ["麻醉", "心脏病学", "皮肤病学", "胚胎学", "组织学"]


def sentence(words, rng, length):
    return " ".join(rng.choice(words) for _ in range(length))


def sentence_zh(rng, length):
    return "".join(rng.choice(WORDS_ZH) for _ in range(length)) + "。"


def both_languages(translation, master, english, chinese):
    """A record's two translation rows, for bulk_create."""
    return [
        translation(master=master, language_code="en", **english),
        translation(master=master, language_code="zh-hans", **chinese),
    ]


def generate(articles=0, events=0, milestones=0, seed=10):
    """Add the records asked for; the same seed gives the same content."""
    rng = random.Random(seed)
    with transaction.atomic():
        generate_articles(articles, rng)
        generate_events(events, rng)
        generate_milestones(milestones, rng)
    return f"Generated {articles} articles, {events} events, {milestones} milestones."


def delete():
    """Remove every generated record (and nothing else)."""
    with transaction.atomic():
        counts = [
            Event.objects.filter(translations__slug__startswith=MARK).distinct().delete()[0],
            Article.objects.filter(translations__slug__startswith=MARK).distinct().delete()[0],
            Milestone.objects.filter(key__startswith=MARK).delete()[0],
        ]
    return f"Deleted {sum(counts)} generated rows."


def next_number(queryset, field):
    """Numbers go on from the last generated run, so that runs add up without clashing."""
    return queryset.filter(**{f"{field}__startswith": MARK}).count()


def generate_articles(count, rng):
    if not count:
        return
    first = next_number(Article.translations.field.model.objects, "slug") // 2
    now = timezone.now()
    span = timedelta(days=365 * 10).total_seconds()
    records = Article.objects.bulk_create(
        [
            Article(status=Status.PUBLISHED, publication_start=now - timedelta(seconds=rng.uniform(60, span)))
            for _ in range(count)
        ],
        batch_size=BATCH,
    )
    translation = Article.translations.field.model
    rows = []
    for number, article in enumerate(records, start=first):
        rare = number % 500 == 0  # one article in 500 holds a rare word
        english = {
            "title": f"{sentence(WORDS_EN, rng, 5).capitalize()} {number}",
            "slug": f"{MARK}article-{number}",
            "summary": sentence(WORDS_EN, rng, 25) + (f" {rng.choice(RARE_EN)}" if rare else "") + ".",
            "body": "".join(f"<p>{sentence(WORDS_EN, rng, 60)}.</p>" for _ in range(4)),
        }
        rows += both_languages(
            translation,
            article,
            english,
            {
                "title": f"{sentence_zh(rng, 6)[:-1]}{number}",
                "slug": f"{MARK}wenzhang-{number}",
                "summary": sentence_zh(rng, 25) + (rng.choice(RARE_ZH) + "。" if rare else ""),
                "body": "".join(f"<p>{sentence_zh(rng, 60)}</p>" for _ in range(4)),
            },
        )
    translation.objects.bulk_create(rows, batch_size=BATCH)
    categories = list(Category.objects.values_list("pk", flat=True))
    if categories:
        through = Article.categories.through
        through.objects.bulk_create(
            [through(article_id=article.pk, category_id=rng.choice(categories)) for article in records],
            batch_size=BATCH,
        )


def generate_events(count, rng):
    if not count:
        return
    first = next_number(Event.translations.field.model.objects, "slug") // 2
    now = timezone.now()
    starts = [now + timedelta(days=rng.uniform(-3650, 365)) for _ in range(count)]
    records = Event.objects.bulk_create(
        [Event(status=Status.PUBLISHED, start=start, end=start + timedelta(hours=2)) for start in starts],
        batch_size=BATCH,
    )
    translation = Event.translations.field.model
    rows = []
    for number, event in enumerate(records, start=first):
        english = {
            "title": f"{sentence(WORDS_EN, rng, 4).capitalize()} {number}",
            "slug": f"{MARK}event-{number}",
            "description": f"<p>{sentence(WORDS_EN, rng, 40)}.</p>",
            "location": "Chongqing Medical University",
        }
        chinese = {"title": f"{sentence_zh(rng, 5)[:-1]}{number}", "slug": f"{MARK}huodong-{number}"}
        chinese |= {"description": f"<p>{sentence_zh(rng, 40)}</p>", "location": "重庆医科大学"}
        rows += both_languages(translation, event, english, chinese)
    translation.objects.bulk_create(rows, batch_size=BATCH)


def generate_milestones(count, rng):
    if not count:
        return
    first = next_number(Milestone.objects, "key")
    kinds = list(MilestoneCategory.values)
    records = Milestone.objects.bulk_create(
        [
            Milestone(
                key=f"{MARK}milestone-{number}",
                category=rng.choice(kinds),
                date=timezone.localdate() - timedelta(days=rng.randint(0, 365 * 30)),
            )
            for number in range(first, first + count)
        ],
        batch_size=BATCH,
    )
    translation = Milestone.translations.field.model
    rows = []
    for milestone in records:
        english = {"title": sentence(WORDS_EN, rng, 8).capitalize()}
        rows += both_languages(translation, milestone, english, {"title": sentence_zh(rng, 8)})
    translation.objects.bulk_create(rows, batch_size=BATCH)


def main():
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--articles", type=int, default=0)
    parser.add_argument("--events", type=int, default=0)
    parser.add_argument("--milestones", type=int, default=0)
    parser.add_argument("--seed", type=int, default=10, help="Random seed: the same content each run.")
    parser.add_argument("--delete", action="store_true", help="Remove everything generated before.")
    options = parser.parse_args()
    if options.delete:
        print(delete())
    else:
        print(generate(options.articles, options.events, options.milestones, options.seed))


if __name__ == "__main__":
    main()
