"""gunicorn's settings for `make serve`: what varies comes from the environment (website/settings/env.py).

gunicorn, not an ASGI server: every view of this site is synchronous (Django's
ORM, Wagtail's page serving), so an ASGI server would run each one in a thread
pool behind an event loop, for nothing. gunicorn's `gthread` workers are
processes (one crash or one slow PDF extraction takes no other request down)
with a few threads each, and gunicorn is the server Wagtail's and Django's
deployment guides describe.
"""

from website.settings import env

wsgi_app = "website.wsgi:application"
bind = env.BIND
workers = env.WEB_CONCURRENCY
threads = env.WEB_THREADS
worker_class = "gthread"
# A request still running after this many seconds is cut and its worker replaced: a
# stuck request must not hold a worker while the site is under load.
timeout = 30
graceful_timeout = 20
# Keep-alive with the cache in front, which reuses its connections.
keepalive = 5
# Each worker is replaced after this many requests (jittered, so not all at once):
# memory a library leaks cannot pile up.
max_requests = 5000
max_requests_jitter = 500
# The access log, without the visitor's address (%(h)s) nor user agent: the site keeps
# no record of who read what. Errors go to stderr as JSON from Django's own logging.
accesslog = "-"
access_log_format = '"%(r)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
# The workers load the site before they fork: less memory, and a settings error
# stops gunicorn at start instead of looping on dying workers.
preload_app = True
# gunicorn's runtime control socket (one path per user, in the home folder): unused, and
# two servers on one machine would fight over it.
control_socket_disable = True
