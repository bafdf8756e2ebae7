from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from laces.components import Component
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from people.consent import ending_soon, pages_relying_on
from people.models import Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "kind", "visibility", "consent_until"]
    list_filter = ["kind", "visibility"]


register_snippet(PersonViewSet)


@hooks.register("register_log_actions")
def register_consent_log_actions(actions):
    actions.register_action(
        "pi.consent_expired", _("Unpublished: consent ended"), _("Unpublished: a person’s consent ended")
    )


class ConsentEndingPanel(Component):
    """ "Consent ending", on the dashboard of those who edit people."""

    name = "consent_ending"
    template_name = "people/dashboard_panel.html"
    order = 210

    def get_context_data(self, parent_context=None):
        rows = []
        for person in ending_soon():
            rows.append(
                {
                    "person": person,
                    "expired": person.consent_expired(),
                    "edit_url": reverse("wagtailsnippets_people_person:edit", args=[person.pk]),
                    "pages": pages_relying_on([person]).filter(live=True).count(),
                }
            )
        return {"rows": rows}

    def render_html(self, parent_context=None):
        if not ending_soon().exists():
            return ""
        return super().render_html(parent_context)


@hooks.register("construct_homepage_panels")
def add_consent_ending_panel(request, panels):
    if request.user.has_perm("people.change_person"):
        panels.append(ConsentEndingPanel())
