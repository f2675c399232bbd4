"""Queries per request for each path given on the command line, as JSON
{path: [render, cached, status]}.

Run by bench/serve_and_measure.py with the benchmark server's environment (same settings,
database and cache), on a running site (menus, the content version and the lists' shared facts
in the cache): "render" is the page at an address not cached yet (a parameter no view reads),
what a page costs when it is not in the page cache; "cached" is the page asked for a second
time (what most readers get).
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return len(captured), response.status_code


def main(paths):
    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    cache.clear()
    for path in paths:
        joiner = "&" if "?" in path else "?"
        client.get(path)  # the site's one-off work, and the page into the cache
        render, status = queries(client, f"{path}{joiner}bench-render=queries")
        cached, _ = queries(client, path)
        counts[path] = [render, cached, status]
    print(json.dumps(counts))


if __name__ == "__main__":
    main(sys.argv[1:])
