"""A StreamField POST without its management fields is refused with a 400, not a 500."""

import pytest
from django.core.exceptions import BadRequest
from django.http import QueryDict

from programmes.models import ProgrammePage
from tests.upstream.canaries import assert_gap_remains
from upstream.wagtail_stream_form_data import UPSTREAM_VALUE_FROM_DATADICT

INCOMPLETE = ["", "body-count=abc", "body-count=1", "body-count=1&body-0-deleted="]


def stream_widget():
    return ProgrammePage._meta.get_field("body").formfield().widget


@pytest.mark.parametrize("data", INCOMPLETE)
def test_incomplete_stream_form_data_is_a_bad_request(data):
    with pytest.raises(BadRequest, match="'body' is incomplete or malformed"):
        stream_widget().value_from_datadict(QueryDict(data), {}, "body")


@pytest.mark.parametrize("data", INCOMPLETE)
def test_canary_wagtails_block_widget_still_raises_on_incomplete_data(data):
    try:
        UPSTREAM_VALUE_FROM_DATADICT(stream_widget(), QueryDict(data), {}, "body")
    except (KeyError, ValueError):
        raises = True
    else:
        raises = False
    assert_gap_remains(
        raises,
        gap="StreamField form data without its management fields raising (a 500)",
        module="wagtail_stream_form_data",
    )
