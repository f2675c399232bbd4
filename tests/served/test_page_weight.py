"""Every page type weighs at most 60 KB compressed: its HTML and the CSS and JS it loads from us,
each compressed with gzip at level 6, as a server would send them. Measured over real HTTP."""

import gzip
import re
import urllib.error
import urllib.request

import pytest

from tests.support.audit import AUDIT_EVENT, audited_paths

BUDGET = 60 * 1024


@pytest.fixture(scope="module", autouse=True)
def audit_event(served):
    served.manage("shell", "-c", AUDIT_EVENT)


def body(url):
    try:
        return urllib.request.urlopen(url, timeout=30).read()
    except urllib.error.HTTPError as error:  # the 404 page is weighed like any other
        return error.read()


def own_assets(html):
    """The stylesheets and scripts the page loads from us (every one is ours: no CDN)."""
    stylesheets = re.findall(r'<link rel="stylesheet" href="(/[^"]+)"', html)
    scripts = re.findall(r'<script src="(/[^"]+)"', html)
    return stylesheets + scripts


def compressed_weight(site_url, path):
    html = body(site_url + path)
    weights = {path: len(gzip.compress(html, compresslevel=6))}
    for asset in own_assets(html.decode()):
        weights[asset] = len(gzip.compress(body(site_url + asset), compresslevel=6))
    return weights


@pytest.mark.parametrize(("kind", "path"), audited_paths())
def test_a_page_with_its_css_and_js_weighs_at_most_60_kb_compressed(site_url, kind, path):
    weights = compressed_weight(site_url, path)
    print(f"\n{kind} {path}: {sum(weights.values())} bytes {weights}")
    assert any(asset.endswith(".css") for asset in weights)
    assert sum(weights.values()) <= BUDGET
