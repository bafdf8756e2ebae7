from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Website")

    def ready(self):
        from website import content_version, frontend_cache, private_images, sitemap, visibility
        from website.signals import create_content_locales, send_workflow_mail_from_tasks

        post_migrate.connect(create_content_locales, sender=self)
        send_workflow_mail_from_tasks()
        visibility.forget_on_writes()
        private_images.follow_collection_privacy()
        sitemap.refresh_on_publish()
        content_version.stamp_on_writes()
        frontend_cache.connect()
