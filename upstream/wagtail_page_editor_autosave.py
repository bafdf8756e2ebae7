"""Workarounds for gaps in Wagtail 8.0's page autosave and "Save draft".

1. On the "add page" form, autosave creates the page in the background as soon
   as the editor types, and the form only starts posting to the new page's edit
   URL once that first request has answered (wagtailadmin/js/core.js,
   `w-autosave`: `form.action = response.url`). "Save draft" or "Publish"
   clicked while it is in flight posts to the add URL again: a second page, or
   "slug already in use". Every abandoned "add page" form also leaves a draft
   page in the tree. Autosave is therefore off on the add form (the editor
   creates the page with "Save draft"); it stays on when editing, where the
   form already posts to the page's own URL.
2. The add view checks the slug in its form, then creates the page: a page
   created with that slug in between (another tab, a double submission)
   makes `add_child` raise `ValidationError` (or `IntegrityError` for the tree
   path) and the editor gets a server error. Creating the page is now one
   transaction, and such an error is shown on the form, which keeps what the
   editor entered.
3. Autosave writes a revision, then "Save draft" (a plain form submission,
   without the `overwrite_revision_id` that autosave sends) writes another with
   the same content: "Compare with previous version" says there are no
   differences and the history fills with "Draft saved" twins. A "Save draft"
   whose content equals the latest revision, when that revision is the same
   editor's draft (not live, not submitted, not scheduled), now overwrites it
   as autosave does, so the history keeps one entry and the comparison shows
   the editor's change.

Upstream: no issue found in wagtail/wagtail for any of the three; the texts to
file are in upstream/ISSUES.md. Delete each part when Wagtail's add form waits
for its first autosave (or posts to the edit URL), creates the page in one
transaction, and "Save draft" reuses the autosaved revision: each has its own
canary in tests/upstream/test_wagtail_page_editor_autosave.py.
"""

import contextlib
import functools
import json

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import TaskState

UPSTREAM_CREATE_CONTEXT = CreateView.get_context_data
UPSTREAM_CREATE_FORM_VALID = CreateView.form_valid
UPSTREAM_EDIT_SAVE_ACTION = EditView.save_action

# Bookkeeping that Wagtail writes into each revision's content and that changes
# from one revision to the next without the editor changing anything.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "live_revision",
        "last_published_at",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def _without_autosave(original):
    @functools.wraps(original)
    def get_context_data(self, **kwargs):
        context = original(self, **kwargs)
        context["autosave_enabled"] = False
        context["autosave_indicator"] = None
        return context

    return get_context_data


def _not_saved(instance):
    """Forget the row a rolled-back `add_child` gave the page, so that the form renders as new."""
    for field in instance._meta.concrete_fields:
        if field.primary_key or field.name in ("path", "depth", "url_path"):
            setattr(instance, field.attname, None)
    instance._state.adding = True


def _errors_shown_on_the_form(original):
    @functools.wraps(original)
    def form_valid(self, form):
        try:
            with transaction.atomic():
                return original(self, form)
        except ValidationError as error:
            errors = (
                error.error_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.error_list}
            )
            for field, messages in errors.items():
                form.add_error(field if field in form.fields else None, messages)
        except IntegrityError:
            form.add_error(
                None,
                _(
                    "Another page was created in the same place at the same moment. Check the slug and save again."
                ),
            )
        _not_saved(self.page)
        return self.form_invalid(form)

    return form_valid


def content_without_bookkeeping(content):
    """A revision's content as stored (JSON, as `Revision.content` encodes it), minus bookkeeping."""
    stored = json.loads(json.dumps(content, cls=DjangoJSONEncoder))
    return {key: value for key, value in stored.items() if key not in BOOKKEEPING_FIELDS}


def reusable_draft(page, user):
    """The page's latest revision if it is `user`'s own plain draft, which a save may overwrite."""
    revision = page.get_latest_revision()
    if (
        revision is None
        or user is None
        or revision.user_id != user.pk
        or revision.pk == page.live_revision_id
        or revision.approved_go_live_at is not None
        or TaskState.objects.filter(revision=revision).exists()
    ):
        return None
    return revision


@contextlib.contextmanager
def _identical_draft_overwritten(page, record, user):
    draft = reusable_draft(record, user)
    if draft is None:
        yield
        return
    save_revision = page.save_revision  # the model's own method, bound to this page

    @functools.wraps(save_revision)
    def save_revision_once(*args, **kwargs):
        if kwargs.get("overwrite_revision") is None and content_without_bookkeeping(
            page.serializable_data()
        ) == content_without_bookkeeping(draft.content):
            kwargs["overwrite_revision"] = draft
        return save_revision(*args, **kwargs)

    page.save_revision = save_revision_once  # this request's page object only
    try:
        yield
    finally:
        del page.save_revision


def _identical_save_reuses_the_draft(original):
    @functools.wraps(original)
    def save_action(self):
        if self.expects_json_response:  # autosave: it names the revision it overwrites itself
            return original(self)
        with _identical_draft_overwritten(self.page, self.real_page_record, self.request.user):
            return original(self)

    return save_action


def apply():
    CreateView.get_context_data = _without_autosave(UPSTREAM_CREATE_CONTEXT)
    CreateView.form_valid = _errors_shown_on_the_form(UPSTREAM_CREATE_FORM_VALID)
    EditView.save_action = _identical_save_reuses_the_draft(UPSTREAM_EDIT_SAVE_ACTION)
