"""Workaround: a StreamField POST without its management fields is a server error (Wagtail 8).

StreamBlock and ListBlock read `<field>-count` and each child's `-deleted`,
`-order` and `-type` from the submitted form with `data[...]` and `int()`. A
POST that lacks them or mangles them (a script, a truncated request, an
extension that strips hidden inputs) raises `MultiValueDictKeyError` or
`ValueError`: an HTTP 500, in the page and snippet editors alike, e.g.
`KeyError: 'body-count'` on /admin/pages/<id>/edit/.

`apply()` makes BlockWidget, the form widget of every StreamField, raise
`BadRequest` instead: a 400, before anything is saved. A form error is not
enough: the editor re-renders the form from the same data, which raises again.

Upstream: wagtail/wagtail#11920 and #1697 report the traceback and were closed
without a fix (needs info); the text to file is in upstream/ISSUES.md. Delete
this module when Wagtail's blocks refuse incomplete form data themselves
(tests/upstream/test_wagtail_stream_form_data.py says so).
"""

import functools

from django.core.exceptions import BadRequest
from wagtail.blocks.base import BlockWidget

UPSTREAM_VALUE_FROM_DATADICT = BlockWidget.value_from_datadict


def apply():
    value_from_datadict = UPSTREAM_VALUE_FROM_DATADICT

    @functools.wraps(value_from_datadict)
    def checked_value_from_datadict(self, data, files, name):
        try:
            return value_from_datadict(self, data, files, name)
        except (KeyError, ValueError) as error:
            raise BadRequest(
                f"The form data of the field {name!r} is incomplete or malformed: reload the page and try again."
            ) from error

    BlockWidget.value_from_datadict = checked_value_from_datadict
