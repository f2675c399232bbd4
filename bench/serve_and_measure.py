"""The production-like benchmark: every page type under load, at seed size and at 10,000 articles.

    .venv/bin/python bench/serve_and_measure.py            # about 8-10 minutes
    .venv/bin/python bench/serve_and_measure.py --quick    # 1 s per page and 500 articles: a smoke run

It creates a PostgreSQL database of its own (dropped and made anew each run), migrates, loads
the site content and serves it with gunicorn (2 sync workers, production settings, DEBUG off,
the cache in Redis). Each page is loaded with wrk (-t1 -c8), the server's CPU time is read from
/proc around each run, and the queries of a cold and a warm request are counted in a separate
step. Then the generator adds the large archive, VACUUM ANALYZE and a search index rebuild run,
and everything is measured again. One table compares the two sizes. See bench/README.md.
"""

import argparse
import json
import os
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import closing, suppress
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeiweb.settings.dev")

import psycopg2  # noqa: E402
import redis  # noqa: E402

from tests.support.server import gunicorn  # noqa: E402

TICKS = os.sysconf("SC_CLK_TCK")
SLOW_MS = 1000  # a page slower than this alone is not loaded with wrk (see wrk())
# What every browser and crawler sends: pages go out gzipped, static files as Brotli.
ACCEPT_ENCODING = "gzip, deflate, br"
RENDERS = 20  # renders per page for the render figures (CPU time is read in 10 ms ticks)
NEWS_EN, NEWS_ZH = "/en/news-events", "/zh-hans/xinwen-huodong"
PAGES = [
    ("static file (reference)", "{static}"),
    ("home (CMS)", "/en/"),
    ("CMS page", "/en/about/"),
    ("programme list", "/en/programmes/"),
    ("programme", "/en/programmes/clinical-medicine/"),
    ("programmes, filtered", "/en/programmes/?level=postgraduate"),
    ("milestones", "/en/milestones/"),
    ("news list", f"{NEWS_EN}/"),
    ("news list (zh)", f"{NEWS_ZH}/"),
    ("news category", f"{NEWS_EN}/category/institute/"),
    ("news archive", f"{NEWS_EN}/archive/2024/"),
    ("article", f"{NEWS_EN}/cqmu-uol-joint-institute-approved-by-the-ministry-of-education/"),
    ("events", f"{NEWS_EN}/events/"),
    ("event", f"{NEWS_EN}/events/bench-open-day/"),
    ("RSS", f"{NEWS_EN}/feed/rss/"),
    ("Atom", f"{NEWS_EN}/feed/atom/"),
    ("events .ics", f"{NEWS_EN}/events/calendar.ics"),
    ("search, common zh (医学)", "/zh-hans/sousuo/?q=%E5%8C%BB%E5%AD%A6"),
    ("search, rare zh (麻醉)", "/zh-hans/sousuo/?q=%E9%BA%BB%E9%86%89"),
    ("search, common en (medicine)", "/en/search/?q=medicine"),
    ("search, rare en (anaesthesia)", "/en/search/?q=anaesthesia"),
    ("sitemap.xml (index, if split)", "/sitemap.xml"),
    ("sitemap part", "{sitemap_part}"),
]

# The one event of the seed content (the sources name none), made in the benchmark's database.
EVENT = """
from datetime import timedelta
from django.utils import timezone
from news.models import Event
start = timezone.now() + timedelta(days=30)
event = Event(status="published", start=start, end=start + timedelta(hours=3))
names = (("en", "Open day", "bench-open-day"), ("zh-hans", "校园开放日", "bench-open-day-zh"))
for language, title, slug in names:
    event.set_current_language(language)
    event.title, event.slug, event.location = title, slug, "Chongqing Medical University"
    event.description = "<p>" + title + "</p>"
    event.save()
"""


def postgres(database="postgres"):
    connection = psycopg2.connect(dbname=database, user="postgres", host="127.0.0.1", port=5432)
    connection.autocommit = True
    return connection


def fresh_database(name):
    with closing(postgres()) as admin, admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def run_script(environment, script, *arguments):
    print(time.strftime(f"  %H:%M:%S UTC {script}", time.gmtime()), " ".join(arguments)[:80], flush=True)
    subprocess.run([sys.executable, script, *arguments], cwd=BASE_DIR, env=environment, check=True)


def manage(environment, *arguments):
    run_script(environment, "manage.py", *arguments)


def generate_archive(environment, options):
    """The large archive (bench/generate_content.py) of `options.articles`, `.events` and
    `.milestones`, then VACUUM ANALYZE so that PostgreSQL plans with its true size."""
    run_script(
        environment,
        "bench/generate_content.py",
        f"--articles={options.articles}",
        f"--events={options.events}",
        f"--milestones={options.milestones}",
    )
    with closing(postgres(options.database)) as connection, connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def server_cpu_seconds(master):
    """User + system CPU time of gunicorn's master and its workers."""
    pids = [master.pid]
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children")
    pids += [int(pid) for pid in children.read_text().split()]
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15)
    return total / TICKS


def wait_until_idle(master, seconds=180):
    """Requests still queued when wrk stops (a slow page) are served after it: wait for them, so
    that their CPU time is not counted against the next page."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        before = server_cpu_seconds(master)
        time.sleep(0.5)
        if server_cpu_seconds(master) - before < 0.03:
            return


def single_request_ms(url):
    started = time.perf_counter()
    request = urllib.request.Request(url, headers={"Accept-Encoding": ACCEPT_ENCODING})
    with suppress(urllib.error.HTTPError):  # an error page is measured like any other (flagged)
        urllib.request.urlopen(request, timeout=120).read()
    return 1000 * (time.perf_counter() - started)


def wrk(url, master, seconds):
    # Each worker renders the page first, so that a short run measures the steady state (caches
    # filled, templates compiled) rather than the first visitor; the median of the last two is
    # the time of one request alone.
    single_request_ms(url)
    before = server_cpu_seconds(master)
    alone = [single_request_ms(url) for _ in range(2)]
    single, cpu_alone = statistics.median(alone), 1000 * (server_cpu_seconds(master) - before) / 2
    if single > SLOW_MS:
        # Eight connections to a page this slow would only queue: its single requests say it all.
        return {"rps": float("nan"), "cpu_ms": cpu_alone, "single_ms": single, "errors": 0, "slow": True}
    before = server_cpu_seconds(master)
    output = subprocess.run(
        [
            "wrk",
            "-t1",
            "-c8",
            f"-d{seconds}s",
            "--timeout",
            "30s",
            "-H",
            f"Accept-Encoding: {ACCEPT_ENCODING}",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    cpu = server_cpu_seconds(master) - before
    wait_until_idle(master)
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "cpu_ms": 1000 * cpu / requests if requests else cpu_alone,
        "single_ms": single,
        "errors": (int(errors.group(1)) if errors else 0)
        + (sum(map(int, socket_errors.groups())) if socket_errors else 0),
        "slow": False,
    }


def renders(url, master, count=RENDERS):
    """A page rendered, not replayed from the cache: each request at an address not cached yet
    (a parameter no view reads). Server CPU ms per render and the median wall time of one."""
    joiner = "&" if "?" in url else "?"
    before, times = server_cpu_seconds(master), []
    for number in range(count):
        times.append(single_request_ms(f"{url}{joiner}bench-render={number}-{secrets.token_hex(4)}"))
        if times[-1] > SLOW_MS:  # a page this slow says it all in one or two renders
            break
    cpu = 1000 * (server_cpu_seconds(master) - before) / len(times)
    return cpu, statistics.median(times)


def resolve_paths(base_url):
    """The static file and the sitemap part are found on the served site itself."""
    home = urllib.request.urlopen(base_url + "/en/", timeout=30).read().decode()
    static = re.search(r'href="(/static/css/site[^"]*\.css)"', home).group(1)
    sitemap = urllib.request.urlopen(base_url + "/sitemap.xml", timeout=120).read().decode()
    parts = re.findall(r"<sitemap>\s*<loc>([^<]+)</loc>", sitemap)
    news_parts = [part for part in parts if "news" in part or "article" in part] or parts
    part = re.sub(r"^https?://[^/]+", "", news_parts[0]) if news_parts else None
    paths = []
    for label, path in PAGES:
        path = path.format(static=static, sitemap_part=part or "")
        if path:
            paths.append((label, path))
    return paths


def measure(server, environment, seconds):
    paths = resolve_paths(server.url)
    counted = subprocess.run(
        [sys.executable, "bench/count_queries.py", *[path for _, path in paths]],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    queries = json.loads(counted.strip().splitlines()[-1])
    results = {}
    for label, path in paths:
        result = wrk(server.url + path, server.process, seconds)
        result["render_cpu_ms"], result["render_ms"] = renders(server.url + path, server.process)
        wait_until_idle(server.process)
        result["queries"] = queries[path]
        results[label] = result
        print(
            f"  {label:32} {result['rps']:8.1f} req/s {result['cpu_ms']:7.2f} ms CPU/req"
            f" {result['render_cpu_ms']:7.2f} ms CPU/render {result['render_ms']:7.0f} ms/render"
            + (" (slow: no wrk)" if result["slow"] else ""),
            flush=True,
        )
    return results


def table(small, large, articles):
    static_small = small["static file (reference)"]["rps"]
    static_large = large["static file (reference)"]["rps"] if large else None
    columns = "req/s | × static | CPU ms/req | render CPU ms | render ms | queries render/cached |"
    header = f"| page | seed: {columns}"
    rule = "|---|---:|---:|---:|---:|---:|---:|"
    if large:
        header += f" {articles:,} articles: {columns} CPU ratio | render CPU ratio | render ms ratio |"
        rule += "---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    lines = [header, rule]

    def cells(result, static):
        cold, warm, status = result["queries"]
        flag = f" ({status})" if status != 200 else ""
        flag += f" ({result['errors']} errors)" if result["errors"] else ""
        rate = "—" if result["slow"] else f"{result['rps']:.0f}"
        ratio = "—" if result["slow"] else f"{result['rps'] / static:.2f}"
        return (
            f" {rate} | {ratio} | {result['cpu_ms']:.2f} | {result['render_cpu_ms']:.1f} |"
            f" {result['render_ms']:.0f} | {cold}/{warm}{flag} |"
        )

    def ratio(large_value, small_value):
        return f" {large_value / max(small_value, 0.001):.1f}× |"

    for label, result in small.items():
        row = f"| {label} |" + cells(result, static_small)
        if large and label in large:
            other = large[label]
            row += cells(other, static_large)
            row += ratio(other["cpu_ms"], result["cpu_ms"])
            row += ratio(other["render_cpu_ms"], result["render_cpu_ms"])
            row += ratio(other["render_ms"], result["render_ms"])
        lines.append(row)
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database", default="jeiweb_bench")
    parser.add_argument("--cache-url", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--seconds", type=int, default=5, help="wrk's duration per page")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=200)
    parser.add_argument("--milestones", type=int, default=2_000)
    parser.add_argument("--quick", action="store_true", help="1 s per page, 500 articles: a smoke run")
    parser.add_argument("--seed-only", action="store_true", help="measure the seed content only")
    options = parser.parse_args()
    if options.quick:
        options.seconds, options.articles, options.events, options.milestones = 1, 500, 20, 100

    workdir = Path(tempfile.mkdtemp(prefix="jeiweb-bench-"))
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "jeiweb.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": fresh_database(options.database),
        "CACHE_URL": options.cache_url,
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
    }
    flush = redis.Redis.from_url(options.cache_url).flushdb
    print("Preparing the database", options.database, flush=True)
    manage(environment, "migrate", "--no-input", "--verbosity", "0")
    manage(environment, "collectstatic", "--no-input", "--verbosity", "0")
    manage(environment, "load_site_content", "--verbosity", "0")
    manage(environment, "shell", "-c", EVENT)
    manage(environment, "rebuild_search_index")
    flush()
    large = None
    with gunicorn(environment) as server:
        print(f"Seed content, {options.seconds} s per page", flush=True)
        small = measure(server, environment, options.seconds)
        if not options.seed_only:
            sizes = f"{options.articles} articles, {options.events} events, {options.milestones} milestones"
            print("Generating", sizes, flush=True)
            generate_archive(environment, options)
            manage(environment, "rebuild_search_index")
            flush()  # bulk_create sends no signal: the caches do not know of the new records
            print(f"With {options.articles} articles", flush=True)
            large = measure(server, environment, options.seconds)
        print()
        print(table(small, large, options.articles), flush=True)
        wait_until_idle(server.process)
    flush()


if __name__ == "__main__":
    main()
