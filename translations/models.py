from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


class LanguageScope(models.Model):
    """Confines a group's members to content in one language.

    Page permissions are confined by Wagtail itself (they are granted on that
    language's home page); this record extends the same limit to snippets and
    to wagtail-localize's translation views, which only check permissions per
    model, and says whether the members may delete anything at all.
    """

    group = models.OneToOneField(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="language_scope"
    )
    locale = models.ForeignKey(Locale, verbose_name=_("language"), on_delete=models.CASCADE, related_name="+")
    can_delete = models.BooleanField(_("may delete"), default=True)

    class Meta:
        verbose_name = _("language scope")
        verbose_name_plural = _("language scopes")

    def __str__(self):
        return f"{self.group} → {self.locale}"
