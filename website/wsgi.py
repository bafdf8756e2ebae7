import os

from django.core.wsgi import get_wsgi_application

# A server started without DJANGO_SETTINGS_MODULE gets production, which refuses
# to start without its security settings: failing closed, instead of serving the
# dev settings' debug pages signed with the repository's dev SECRET_KEY.
# (manage.py, a developer tool, keeps dev as its default.)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")
application = get_wsgi_application()
