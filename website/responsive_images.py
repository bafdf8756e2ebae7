"""Renditions for `srcset`, each width listed once.

`width-N` never enlarges an image, so an original narrower than a requested
width yields several renditions of the original's width; Wagtail's
`srcset_image` (`ResponsiveImage.get_width_srcset`) lists each of them, and a
`srcset` with a width descriptor twice is invalid
(https://html.spec.whatwg.org/multipage/images.html#srcset-attributes).
"""

WIDTHS = (480, 960, 1440)
SPECS = tuple(f"width-{width}|format-webp" for width in WIDTHS)


def distinct_widths(renditions):
    """The first rendition of each width, narrowest first (any iterable of renditions)."""
    by_width = {}
    for rendition in renditions:
        by_width.setdefault(rendition.width, rendition)
    return [by_width[width] for width in sorted(by_width)]
