"""The editors' side of search: the popular-queries report, for those who set promotions.

Workaround: Wagtail's "Search terms" report (wagtail.contrib.search_promotions)
is shown to, and served for, superusers only (AdminOnlyMenuItem and a
superuser check in SearchTermsReportView.dispatch), although the editors who
promote results are the ones who need to see what visitors search for. This
module serves the same report to anyone who may add, change or delete search
promotions, and replaces Wagtail's menu item with it. Delete it when Wagtail
lets the report follow the promotion permissions.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SynonymGroup

PROMOTION_PERMISSIONS = (
    "wagtailsearchpromotions.add_searchpromotion",
    "wagtailsearchpromotions.change_searchpromotion",
    "wagtailsearchpromotions.delete_searchpromotion",
)


def can_promote(user):
    return any(user.has_perm(permission) for permission in PROMOTION_PERMISSIONS)


class PopularSearchesReportView(SearchTermsReportView):
    """Wagtail's search terms report (all languages together: its Query model has none)."""

    page_title = _("Popular searches")
    index_url_name = "search_popular_searches"
    index_results_url_name = "search_popular_searches_results"

    def dispatch(self, request, *args, **kwargs):
        if not can_promote(request.user):
            return permission_denied(request)
        # Skip SearchTermsReportView.dispatch, which lets superusers only in.
        return super(SearchTermsReportView, self).dispatch(request, *args, **kwargs)


class PromotionEditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_promote(request.user)


@hooks.register("register_admin_urls")
def register_popular_searches_urls():
    return [
        path(
            "reports/popular-searches/", PopularSearchesReportView.as_view(), name="search_popular_searches"
        ),
        path(
            "reports/popular-searches/results/",
            PopularSearchesReportView.as_view(results_only=True),
            name="search_popular_searches_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_popular_searches_menu_item():
    return PromotionEditorsMenuItem(
        _("Popular searches"),
        reverse("search_popular_searches"),
        name="popular-searches",
        icon_name="search",
        order=1300,
    )


@hooks.register("construct_reports_menu")
def hide_superuser_only_search_terms(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]


class SynonymGroupViewSet(SnippetViewSet):
    """Search synonyms, per language, in the admin's Snippets (comms staff keep them)."""

    model = SynonymGroup
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["__str__", "locale"]
    list_filter = ["locale"]
    search_fields = ["terms"]


register_snippet(SynonymGroupViewSet)
