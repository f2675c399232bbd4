"""Lighthouse (mobile) over the public page types in both languages, served by gunicorn.

Run by hand, not in CI (about 15 s a page):

    cd bench && npm install && cd .. && .venv/bin/python bench/lighthouse.py

Prints each page's four scores and the ratio of each to its target: accessibility, best
practices and SEO 100, performance at least 95. Exits 1 if a page misses a target.
"""

import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jeiweb.settings.dev")

import django  # noqa: E402

django.setup()

from tests.support.server import served_site  # noqa: E402

LIGHTHOUSE = BASE_DIR / "bench" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
# The home page, a programme page, the news list and an article, in both languages.
PAGES = [
    "/en/",
    "/zh-hans/",
    "/en/programmes/clinical-medicine/",
    "/zh-hans/zhuanye/linchuang-yixue/",
    "/en/news-events/",
    "/zh-hans/xinwen-huodong/",
    "/en/news-events/cqmu-uol-joint-institute-approved-by-the-ministry-of-education/",
    "/zh-hans/xinwen-huodong/lianhe-xueyuan-huo-jiaoyubu-pizhun-sheli/",
]


def scores(url, folder):
    report = folder / "report.json"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(TARGETS)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
    )
    categories = json.loads(report.read_text())["categories"]
    return {name: round(categories[name]["score"] * 100) for name in TARGETS}


def main(paths):
    missed = False
    with tempfile.TemporaryDirectory() as folder, served_site(Path(folder)) as site:
        site_url = site.url
        # A running site is warm: each gunicorn worker has imported everything and filled its
        # caches. Measure that, not the first request after start-up.
        for path in paths * 2:
            urllib.request.urlopen(site_url + path, timeout=60).read()
        print(f"{'page':32} " + " ".join(f"{name:>16}" for name in TARGETS))
        for path in paths:
            result = scores(site_url + path, Path(folder))
            cells = []
            for name, target in TARGETS.items():
                cells.append(f"{result[name]:>4} ({result[name] / target:4.2f}x)")
                missed |= result[name] < target
            print(f"{path:32} " + " ".join(f"{cell:>16}" for cell in cells))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or PAGES))
