"""The stylesheets mirror on right-to-left pages by themselves: no physical left/right in them.

An Arabic page (<html dir="rtl">) mirrors its menu, breadcrumbs, cards, filters and quotes only
if every side is written as a logical one (margin-inline-start, border-inline-end,
inset-inline-start, text-align: start…); one `margin-left` would stay on the left.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

STYLESHEETS = sorted((Path(settings.BASE_DIR) / "website" / "static" / "css").glob("*.css"))
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
# A property or value that names a physical side.
PHYSICAL = re.compile(
    r"(?<![\w-])(?:(?:margin|padding|border)-(?:left|right)[\w-]*"
    r"|(?:left|right)\s*:"
    r"|(?:text-align|float|clear)\s*:\s*(?:left|right)"
    r"|border-radius\s*:\s*[^;}\s]+\s+[^;}\s]+)"
)


def physical_sides(css):
    return PHYSICAL.findall(COMMENT.sub("", css))


def test_there_are_stylesheets_to_check():
    assert {path.name for path in STYLESHEETS} >= {"site.css", "print.css"}


@pytest.mark.parametrize("stylesheet", STYLESHEETS, ids=lambda path: path.name)
def test_stylesheets_write_sides_as_logical_properties(stylesheet):
    assert physical_sides(stylesheet.read_text()) == []


def test_a_physical_side_is_caught():
    css = ".a { margin-left: 1rem } .b { left: 0 } .c { text-align: right } .d { border-radius: 0 1px 1px 0 }"
    assert len(physical_sides(css)) == 4
    assert physical_sides(".a { margin-inline-start: 1rem; inset-inline-start: 0; text-align: start }") == []
