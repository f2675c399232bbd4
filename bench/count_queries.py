"""Queries per request for each path given on the command line, as JSON {path: [cold, warm]}.

Run by bench/serve_and_measure.py with the benchmark server's environment (same settings,
database and cache): "cold" is a request right after the cache was cleared (what a first
visitor or a just-edited page costs), "warm" is the next one (what most visitors get).
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
    for path in paths:
        cache.clear()
        cold, status = queries(client, path)
        warm, _ = queries(client, path)
        counts[path] = [cold, warm, status]
    cache.clear()
    print(json.dumps(counts))


if __name__ == "__main__":
    main(sys.argv[1:])
