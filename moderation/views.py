"""Admin views: asking for a page to be unpublished, what moderators do about it, and takedowns."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.pages.unpublish import UnpublishView as WagtailUnpublishView
from wagtail.admin.views.pages.workflow import WorkflowActionView as WagtailWorkflowActionView
from wagtail.models import Page, TaskState

from people.consent import pages_relying_on
from people.models import Person

from .forms import TakedownForm, UnpublishRequestForm
from .models import Takedown, UnpublishRequest, live_translations
from .notifications import notify_moderators
from .takedown import all_translations, restore, take_down


def _title(page):
    return page.get_admin_display_title()


def request_unpublishing(request, page_id):
    """An editor or translator asks the moderators to take a live page off the site."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_pages:edit", args=[page.pk])
    pending = UnpublishRequest.objects.open().for_page(page).select_related("requested_by").first()
    form = UnpublishRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not page.live:
            form.add_error(None, _("This page is not published: there is nothing to unpublish."))
        elif pending is not None:
            form.add_error(None, _("Unpublishing this page has already been requested."))
        if form.is_valid():
            unpublish_request = UnpublishRequest.objects.create(
                page=page, reason=form.cleaned_data["reason"].strip(), requested_by=request.user
            )
            languages = [translation.locale.language_code for translation in live_translations(page)]
            if notify_moderators(unpublish_request, languages):
                messages.success(
                    request,
                    _("Your request to unpublish ‘%(title)s’ has been sent to the moderators.")
                    % {"title": _title(page)},
                )
            else:
                messages.warning(
                    request,
                    _(
                        "Your request to unpublish ‘%(title)s’ is on the moderators’ dashboard; "
                        "the mail to them could not be sent."
                    )
                    % {"title": _title(page)},
                )
            return redirect(next_url)
    return TemplateResponse(
        request,
        "moderation/request_unpublishing.html",
        {
            "page": page,
            "form": form,
            "pending": pending,
            "live_translations": live_translations(page),
            "next_url": next_url,
            "submit_url": reverse("moderation_request_unpublishing", args=[page.pk]),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def dismiss_unpublish_request(request, pk):
    """A moderator decides the page stays on the site."""
    unpublish_request = get_object_or_404(UnpublishRequest.objects.select_related("page"), pk=pk)
    if not unpublish_request.page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    if unpublish_request.resolved_at is None:
        unpublish_request.resolve(UnpublishRequest.DISMISSED, request.user)
        messages.success(
            request,
            _("The request to unpublish ‘%(title)s’ has been dismissed: the page stays on the site.")
            % {"title": _title(unpublish_request.page)},
        )
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


class UnpublishView(WagtailUnpublishView):
    """Wagtail's unpublish confirmation, offering to unpublish the page in every language.

    Wagtail cascades to translations only through the
    `construct_translated_pages_to_cascade_actions` hook, which would do it for every
    unpublish, unasked; here it is a choice, ticked when someone asked for it.
    """

    template_name = "moderation/confirm_unpublish.html"

    def other_live_translations(self):
        if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            return []
        return [
            page.specific
            for page in live_translations(self.object)
            if page.pk != self.object.pk and page.permissions_for_user(self.request.user).can_unpublish()
        ]

    def get_objects_to_unpublish(self):
        objects = [self.object] + [obj for obj in super().get_objects_to_unpublish() if obj != self.object]
        if self.request.method == "POST" and self.request.POST.get("include_translations"):
            objects += [page for page in self.other_live_translations() if page not in objects]
        return objects

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["other_translations"] = self.other_live_translations()
        context["unpublish_request"] = (
            UnpublishRequest.objects.open().for_page(self.object).select_related("requested_by").first()
        )
        return context


class WorkflowActionView(WagtailWorkflowActionView):
    """Wagtail's workflow action, saying what it did.

    From the dashboard's "Awaiting your review" Wagtail approves and publishes in
    silence: the moderator came back to the same dashboard with no sign of it.
    """

    def post(self, request, *args, **kwargs):
        status_before = self.task_state.status
        response = super().post(request, *args, **kwargs)
        task_state = TaskState.objects.get(pk=self.task_state.pk)
        if task_state.status == status_before:
            return response  # nothing was done: the modal shows the form's errors
        page = Page.objects.get(pk=self.object.pk)
        title = {"title": _title(page)}
        if task_state.status == TaskState.STATUS_REJECTED:
            messages.success(request, _("Changes have been requested on ‘%(title)s’.") % title)
        elif (
            task_state.status == TaskState.STATUS_APPROVED
            and not page.workflow_in_progress
            and page.live_revision_id == task_state.revision_id
        ):
            messages.success(request, _("‘%(title)s’ has been approved and published.") % title)
        elif task_state.status == TaskState.STATUS_APPROVED:
            messages.success(request, _("‘%(title)s’ has been approved.") % title)
        return response


def _may_take_down(user):
    return user.has_perm("moderation.take_down")


def _takedown_form_view(request, *, page=None, person=None, cancel_url):
    if not _may_take_down(request.user):
        raise PermissionDenied
    form = TakedownForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        record = take_down(
            user=request.user, reason=form.cleaned_data["reason"].strip(), page=page, person=person
        )
        messages.success(
            request,
            _(
                "‘%(title)s’ has been taken down: %(pages)d page(s) unpublished in every language, "
                "%(files)d file(s) made private."
            )
            % {
                "title": _title(page) if page is not None else str(person),
                "pages": len(record.pages),
                "files": len(record.documents) + len(record.images),
            },
        )
        return redirect(reverse("wagtailadmin_home"))
    pages = (
        all_translations(page).select_related("locale")
        if page is not None
        else (pages_relying_on([person]).select_related("locale"))
    )
    return TemplateResponse(
        request,
        "moderation/confirm_takedown.html",
        {
            "subject_title": _title(page) if page is not None else str(person),
            "pages": [item for item in pages if item.live],
            "form": form,
            "cancel_url": cancel_url,
        },
        status=400 if form.errors else 200,
    )


def take_down_page(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    return _takedown_form_view(
        request, page=page, cancel_url=reverse("wagtailadmin_pages:edit", args=[page.pk])
    )


def take_down_person(request, person_id):
    person = get_object_or_404(Person, pk=person_id)
    return _takedown_form_view(
        request, person=person, cancel_url=reverse("wagtailsnippets_people_person:edit", args=[person.pk])
    )


@require_POST
def restore_takedown(request, pk):
    if not _may_take_down(request.user):
        raise PermissionDenied
    record = get_object_or_404(Takedown, pk=pk)
    if record.restored_at is None:
        restore(record, user=request.user)
        messages.success(request, _("‘%(title)s’ has been restored.") % {"title": str(record)})
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
