"""README screenshots: the home page, a programme page and the library, desktop and mobile.

    make screenshots            # against `make run`'s server on http://127.0.0.1:$(PORT)
    .venv/bin/python scripts/screenshots.py --base-url http://127.0.0.1:8000 --out docs/screenshots
    .venv/bin/python scripts/screenshots.py --language ar   # ar-home-desktop.png…: the mirrored pages

Drives Debian's Chromium (no browser download) through Playwright over the demo content
(`make demo`). The programme page and the library are found from the home page's main menu,
so the script follows whatever slugs the demo has. Each shot is the first screen of the page
(what a visitor sees before scrolling), saved as a palette PNG to keep the repository small.
"""

import argparse
import os
import sys
from io import BytesIO
from pathlib import Path
from urllib.parse import urljoin

from PIL import Image
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "mobile": {"width": 390, "height": 844}}


def find_pages(page, base_url, language):
    """{name: url} of the home page, the first programme and the library, read from the menu."""
    home = urljoin(base_url, f"/{language}/")
    page.goto(home)
    menu = page.locator(".main-nav ul a").evaluate_all("links => links.map(link => link.href)")
    library = programme = None
    for url in menu:
        page.goto(url)
        if page.locator("body.resource-index-page").count():
            library = url
        elif programme is None:  # the programmes' section: its cards lead to its children
            cards = page.locator("main .card a").evaluate_all("links => links.map(link => link.href)")
            programme = next((card for card in cards if card.startswith(url) and card != url), None)
    return {"home": home, "programme": programme, "library": library}


def shoot(page, url, path):
    page.goto(url)
    png = page.screenshot(full_page=False)
    image = Image.open(BytesIO(png)).convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    image.save(path, optimize=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="docs/screenshots", type=Path)
    parser.add_argument("--language", default="en")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        pages = find_pages(page, args.base_url, args.language)
        missing = [name for name, url in pages.items() if not url]
        if missing:
            sys.exit(f"Not found from the home page's menu: {', '.join(missing)} (is the demo loaded?)")
        for device, viewport in VIEWPORTS.items():
            context = browser.new_context(viewport=viewport, device_scale_factor=1)
            tab = context.new_page()
            for name, url in pages.items():
                prefix = "" if args.language == "en" else f"{args.language}-"
                path = args.out / f"{prefix}{name}-{device}.png"
                shoot(tab, url, path)
                print(f"{path} ({path.stat().st_size // 1024} KB) ← {url}")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
