"""Read the sitemap as a crawler does: the index at /sitemap.xml, then every part it lists."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def part_paths(client):
    """The local paths (with ?p=N) of the parts listed by the index."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['s']}}}sitemapindex"
    paths = []
    for location in root.findall("s:sitemap/s:loc", NS):
        url = urlsplit(location.text)
        paths.append(url.path + (f"?{url.query}" if url.query else ""))
    return paths


def sitemap_part(client, path):
    """The <url> elements of one part."""
    response = client.get(path)
    assert response.status_code == 200, path
    return ET.fromstring(response.content).findall("s:url", NS)


def sitemap_urls(client):
    """Every <url> element of every part."""
    return [url for path in part_paths(client) for url in sitemap_part(client, path)]


def alternates_by_location(client):
    """{location: {hreflang: alternate}} of every <url> of the sitemap."""
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        for url in sitemap_urls(client)
    }
