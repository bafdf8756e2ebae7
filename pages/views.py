"""Where contact forms are sent (see pages/contact_guard.py for why not to the page itself)."""

import logging

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from pages import contact_guard
from pages.models import ContactPage
from website.visibility import is_page_public

logger = logging.getLogger(__name__)


@csrf_exempt  # contact_guard checks the origin and a signed timestamp instead, with no cookie
@never_cache
@require_POST
def send(request, page_id):
    page = get_object_or_404(ContactPage.objects.live().select_related("locale"), pk=page_id)
    if not is_page_public(page):
        raise Http404
    with translation.override(page.locale.language_code):
        try:
            contact_guard.check(request, page)
        except contact_guard.Refusal as refusal:
            logger.info("Contact form on page %s refused: %s", page.pk, refusal.reason)
            context = page.get_context(request)
            context["refusal"] = refusal
            return TemplateResponse(request, "pages/contact_refused.html", context, status=refusal.status)
        response = page.submit(request)
        response.render()  # in the page's language
        return response
