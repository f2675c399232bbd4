"""The admin pages an editor uses, timed and counted with the large archive (issue 17).

    .venv/bin/python bench/measure_admin.py                      # about 5 minutes
    .venv/bin/python bench/measure_admin.py --reuse              # the database prepared before
    .venv/bin/python bench/measure_admin.py --save before.json   # keep the figures...
    .venv/bin/python bench/measure_admin.py --reuse --compare before.json   # ...and compare

It prepares a PostgreSQL database of its own (dropped and made anew unless --reuse): migrate,
collectstatic, the site content, then 10,000 articles, 200 events and 2,000 milestones
(bench/generate_content.py) and VACUUM ANALYZE. Then, in the production settings (DEBUG off,
the cache in local memory), a signed-in superuser (tests/support/second_factor.py) asks Django's test
client for every page of every model admin of the site's own apps (the list, a search, a
record's form and history, the add form, the autocomplete answers) and the site's own pages
(the index, the translation status): the median wall time and CPU time (of the Django
process: PostgreSQL's is not in it) of a few requests after one warm-up, and the queries of
one. Target: every page under 300 ms with a number of queries that does not grow
with the archive (compare with `--quick`, 500 articles). See bench/README.md.
"""

import argparse
import json
import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

TARGET_MS = 300
APPS = ("news", "pages")  # the site's own model admins; the packages' (cms, filer) are theirs
SEARCH = "medicine"  # a common word of the generated records (bench/generate_content.py)


def prepare(environment, options):
    from bench.serve_and_measure import fresh_database, generate_archive, manage

    if not options.reuse:
        environment["DATABASE_URL"] = fresh_database(options.database)
    manage(environment, "migrate", "--no-input", "--verbosity", "0")
    if not (options.reuse and (Path(environment["STATIC_ROOT"]) / "staticfiles.json").exists()):
        manage(environment, "collectstatic", "--no-input", "--verbosity", "0")
    if options.reuse:
        return
    manage(environment, "load_site_content", "--verbosity", "0")
    generate_archive(environment, options)


def admin_pages(user):
    """(label, path) of every page measured, built from the admin's own registry."""
    from django.contrib import admin
    from django.test import RequestFactory
    from django.urls import reverse

    request = RequestFactory().get("/")
    request.user = user

    pages = [("admin index", reverse("admin:index"))]
    translations = reverse("admin:translation-status")
    pages += [
        ("translation status", translations),
        ("translation status, page 2", f"{translations}?news.article=2"),
    ]
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        if opts.app_label not in APPS:
            continue
        name, prefix = opts.verbose_name_plural, f"admin:{opts.app_label}_{opts.model_name}"
        changelist = reverse(f"{prefix}_changelist")
        pages.append((f"{name}: list", changelist))
        if model_admin.search_fields:
            pages.append((f"{name}: search", f"{changelist}?q={SEARCH}"))
        sample = model._default_manager.order_by("pk").last()
        if sample is not None:
            pages.append((f"{name}: change", reverse(f"{prefix}_change", args=[sample.pk])))
            pages.append((f"{name}: history", reverse(f"{prefix}_history", args=[sample.pk])))
        if model_admin.has_add_permission(request):
            pages.append((f"{name}: add", reverse(f"{prefix}_add")))
        for field in model_admin.autocomplete_fields:
            query = (
                f"app_label={opts.app_label}&model_name={opts.model_name}&field_name={field}&term={SEARCH}"
            )
            pages.append((f"{name}: {field} autocomplete", f"{reverse('admin:autocomplete')}?{query}"))
    return pages


def measure(repeat):
    """{label: [path, status, median ms, queries]} for every admin page, as JSON on stdout."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment
    from django.utils import translation

    from tests.support.second_factor import log_in_superuser

    setup_test_environment()  # the test client's template rendering hooks, as in the tests
    client = Client(HTTP_HOST="127.0.0.1")
    user = log_in_superuser(client, username=f"bench-{secrets.token_hex(4)}")
    results = {}
    with translation.override("en"):
        pages = admin_pages(user)
    for label, path in pages:
        client.get(path)  # the one-off work: templates compiled, caches filled
        times, cpu_times = [], []
        for _ in range(repeat):
            started, cpu = time.perf_counter(), time.process_time()
            response = client.get(path)
            times.append(1000 * (time.perf_counter() - started))
            cpu_times.append(1000 * (time.process_time() - cpu))
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        median, cpu_median = statistics.median(times), statistics.median(cpu_times)
        results[label] = [path, response.status_code, median, len(captured), cpu_median]
        print(
            f"  {label:48} {median:7.0f} ms {cpu_median:7.0f} ms CPU {len(captured):5} queries",
            file=sys.stderr,
        )
    print(json.dumps(results))


def table(results, before=None):
    header = "| page | status | ms | CPU ms | queries | × target |"
    rule = "|---|---:|---:|---:|---:|---:|"
    if before:
        header += " before: ms | before: queries | ms after/before |"
        rule += "---:|---:|---:|"
    lines = [header, rule]
    for label, (_path, status, ms, queries, cpu) in results.items():
        flag = "" if status == 200 else " ⚠"
        line = f"| {label} | {status}{flag} | {ms:.0f} | {cpu:.0f} | {queries} | {ms / TARGET_MS:.2f} |"
        if before:
            old = before.get(label)
            if old:
                line += f" {old[2]:.0f} | {old[3]} | {ms / max(old[2], 0.1):.2f} |"
            else:
                line += " – | – | – |"
        lines.append(line)
    over = [label for label, (_p, status, ms, *_rest) in results.items() if ms > TARGET_MS or status != 200]
    lines.append("")
    lines.append(f"Over {TARGET_MS} ms or not 200: {', '.join(over) or 'none'}.")
    return "\n".join(lines)


def main():
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("--database", default="jeiweb_admin_bench")
    parser.add_argument("--reuse", action="store_true", help="measure the database prepared before")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--milestones", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=5, help="timed requests per page")
    parser.add_argument("--quick", action="store_true", help="500 articles, 100 milestones: a smoke run")
    parser.add_argument("--save", help="write the figures to this JSON file")
    parser.add_argument("--compare", help="a JSON file of --save: print the ratios to it")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)  # the inner step
    options = parser.parse_args()
    if options.measure:
        return measure(options.repeat)
    if options.quick:
        options.articles, options.events, options.milestones = 500, 20, 100

    import subprocess

    workdir = Path(tempfile.gettempdir()) / f"jeiweb-{options.database}"  # kept for --reuse
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jeiweb.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{options.database}",
        "CACHE_URL": "locmemcache://admin-bench",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
    }
    print("Preparing the database", options.database, flush=True)
    prepare(environment, options)
    print(f"Measuring, {options.repeat} requests per page", flush=True)
    output = subprocess.run(
        [sys.executable, __file__, "--measure", f"--repeat={options.repeat}"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=False,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    ).stdout
    results = json.loads(output.strip().splitlines()[-1])
    if options.save:
        Path(options.save).write_text(json.dumps(results, indent=1, ensure_ascii=False))
    before = json.loads(Path(options.compare).read_text()) if options.compare else None
    print()
    print(table(results, before), flush=True)


if __name__ == "__main__":
    main()
