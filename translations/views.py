from django import forms
from django.apps import apps
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.views import edit_translation, submit_translations

from website.publishing import PLACEHOLDER

from . import completeness, notifications
from .permissions import user_can_change_in_locale, user_scope
from .report_actions import ReportAccess
from .roles import reviewed_snippet_models
from .status import STATUS_LABELS, language_summaries, source_locale, translation_statuses


class StatusFilterForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("Any status")), *STATUS_LABELS.items()],
    )

    def __init__(self, *args, locales, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", gettext_lazy("All languages"))] + [
            (locale.language_code, locale.get_display_name()) for locale in locales
        ]


class TranslationStatusReportView(WagtailAdminTemplateMixin, TemplateView):
    """Every translation and where it stands, filtered by language and status."""

    template_name = "translations/status_report.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "site"
    paginate_by = 50

    def get_breadcrumbs_items(self):
        # Without its own item the header read "Home", the only breadcrumb.
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get_form(self, locales):
        data = self.request.GET.copy()
        if "language" not in data:
            # A translator starts with their own language.
            scope = user_scope(self.request.user)
            own = [locale for locale in locales if scope.locale_ids and locale.pk in scope.locale_ids]
            if len(own) == 1:
                data["language"] = own[0].language_code
        return StatusFilterForm(data, locales=locales)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        locales = list(Locale.objects.exclude(pk=source_locale().pk).order_by("language_code"))
        form = self.get_form(locales)
        rows = []
        if form.is_valid():
            rows = translation_statuses(
                language_code=form.cleaned_data["language"] or None,
                status=form.cleaned_data["status"] or None,
            )
        page = Paginator(rows, self.paginate_by).get_page(self.request.GET.get("p"))
        ReportAccess(self.request.user).annotate(page.object_list)
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            form=form,
            page_obj=page,
            rows=page.object_list,
            total=len(rows),
            languages=language_summaries(rows),
            status_labels=STATUS_LABELS,
            query=query.urlencode(),
        )
        return context


def _submit_for_review(request, instance):
    """Save a translation's segments as a draft and start its review workflow.

    wagtail-localize's segment editor only offers "Publish"; a translator, who
    may not publish, needs this to hand a finished translation to a moderator.
    For a live page or snippet the draft is a new revision only
    (upstream/localize_draft_translations.py): visitors keep the published text until approval.
    """
    translation = Translation.objects.filter(
        source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
    ).first()
    if translation is None:
        raise Http404
    if not edit_translation.user_can_edit_instance(request.user, instance):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or translation.get_target_instance_edit_url()
    workflow = instance.get_workflow()
    if workflow is None:
        messages.error(
            request, _("No review workflow covers this translation: ask a moderator to publish it.")
        )
        return redirect(next_url)
    progress = completeness.progress_of_translation(translation)
    if not progress.complete:
        messages.error(
            request,
            " ".join(
                [
                    progress.missing_message(),
                    _(
                        "Translate them before submitting the translation; to keep a name or a symbol "
                        "as it is, enter it unchanged as its translation."
                    ),
                ]
            ),
        )
        return redirect(next_url)
    if placeholder := _placeholder_in(translation):
        messages.error(
            request,
            _("Replace the placeholder “%(placeholder)s” before submitting the translation.")
            % {"placeholder": placeholder},
        )
        return redirect(next_url)
    try:
        translation.save_target(user=request.user, publish=False)
    except ValidationError:
        messages.error(request, _("The translation could not be saved: check the highlighted segments."))
        return redirect(next_url)
    instance = type(instance).objects.get(pk=instance.pk)
    state = instance.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        # The moderator asked for changes: the same review goes on, as Wagtail's edit view does.
        state.resume(request.user)
        messages.success(request, _("'%(title)s' was submitted for review.") % {"title": str(instance)})
    elif instance.workflow_in_progress:
        messages.success(request, _("The translation was updated; it is already waiting for review."))
    else:
        workflow.start(instance, request.user)
        messages.success(request, _("'%(title)s' was submitted for review.") % {"title": str(instance)})
    return redirect(next_url)


def _placeholder_in(translation):
    """The first placeholder ("[à compléter]") among the translated segments, if any."""
    texts = StringTranslation.objects.filter(
        locale_id=translation.target_locale_id, translation_of__segments__source_id=translation.source_id
    ).values_list("data", flat=True)
    return next((found.group(0) for text in texts if (found := PLACEHOLDER.search(text))), None)


@require_POST
def submit_page_for_review(request, page_id):
    return _submit_for_review(request, get_object_or_404(Page, pk=page_id).specific)


@require_POST
def submit_snippet_for_review(request, app_label, model_name, pk):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    if model not in reviewed_snippet_models():
        raise Http404
    return _submit_for_review(request, get_object_or_404(model, pk=unquote(pk)))


class StayInOwnLanguageMixin:
    """After a submission into one language, wagtail-localize opens the new
    translation's editor. Editors work in the source language only, so they
    would land on "permission denied": send them back where they came from."""

    def get_default_success_url(self, translated=None):
        if translated is not None and not user_can_change_in_locale(self.request.user, translated):
            translated = None
        return super().get_default_success_url(translated)


class NotifyTranslatorsMixin:
    """Translators of each chosen language hear that something waits for them (notifications.py)."""

    def form_valid(self, form):
        # The form's queryset leaves out languages already translated: read it before they are.
        locales = list(form.cleaned_data["locales"])
        response = super().form_valid(form)
        notifications.notify_translators(
            notifications.translations_sent(self.object, locales), sender=self.request.user
        )
        return response


class SubmitPageTranslationView(
    NotifyTranslatorsMixin, StayInOwnLanguageMixin, submit_translations.SubmitPageTranslationView
):
    pass


class SubmitSnippetTranslationView(
    NotifyTranslatorsMixin, StayInOwnLanguageMixin, submit_translations.SubmitSnippetTranslationView
):
    pass
