"""The Atom feed parses cleanly (feedparser), the sitemap is valid sitemaps.org XML, and every
address either lists is under the site's base URL and is served. Exits 1 on any problem."""
import sys
import urllib.request
import xml.etree.ElementTree as ElementTree

import feedparser

from pages import Failures

problem = Failures()


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def main(root):
    feed = feedparser.parse(root + "feed.xml")
    if feed.bozo:
        problem(f"feed.xml does not parse: {feed.bozo_exception}")
    if feed.version != "atom10":
        problem(f"feed.xml is {feed.version!r}, not Atom 1.0")
    if not feed.entries:
        problem("feed.xml has no entries")
    for entry in feed.entries:
        if not entry.link.startswith(root) or status(entry.link) != 200:
            problem(f"feed entry {entry.title!r} links to {entry.link}, which is not served")

    with urllib.request.urlopen(root + "sitemap.xml") as response:
        tree = ElementTree.fromstring(response.read())
    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    if tree.tag != namespace + "urlset":
        problem(f"sitemap.xml root is {tree.tag}")
    locations = [element.text for element in tree.iter(namespace + "loc")]
    if len(locations) < 10:
        problem(f"sitemap.xml lists only {len(locations)} pages")
    for location in locations:
        if not location.startswith(root) or status(location) != 200:
            problem(f"sitemap lists {location}, which is not served")

    robots = urllib.request.urlopen(root + "robots.txt").read().decode()
    if f"Sitemap: {root}sitemap.xml" not in robots:
        problem("robots.txt does not name the sitemap")
    if status(root + "no-such-page/") != 404:
        problem("a missing page does not answer 404")
    print(f"feed and sitemap: {len(feed.entries)} feed entries, {len(locations)} sitemap pages, {problem.count} problems")
    return 1 if problem.count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
