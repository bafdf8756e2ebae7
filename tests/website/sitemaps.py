"""Reading the sitemap as a crawler does: the index at /sitemap.xml, then each sitemap it lists."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def get_xml(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    assert response["Content-Type"].startswith("application/xml")
    assert not response.cookies
    return response


def sitemap_paths(client):
    """The paths of the sitemaps the index lists."""
    index = ET.fromstring(get_xml(client, "/sitemap.xml").content)
    assert index.tag == f"{{{NS['s']}}}sitemapindex"
    return [urlsplit(loc.text).path for loc in index.findall("s:sitemap/s:loc", NS)]


def sitemap_documents(client):
    """{path: response} of every sitemap the index lists."""
    return {path: get_xml(client, path) for path in sitemap_paths(client)}


def sitemap_text(client):
    """Every sitemap's text, one after the other."""
    return "\n".join(response.content.decode() for response in sitemap_documents(client).values())


def read_sitemap(client):
    """{URL: {hreflang: alternate URL}} over every sitemap."""
    urls = {}
    for response in sitemap_documents(client).values():
        root = ET.fromstring(response.content)
        assert root.tag == f"{{{NS['s']}}}urlset"
        for url in root.findall("s:url", NS):
            location = url.find("s:loc", NS).text
            assert location not in urls, f"{location} listed twice"
            urls[location] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
    return urls
