"""One JSON object per log record, on one line, for the server's log collector.

Fields: `time` (UTC, ISO 8601), `level`, `logger`, `message`; for a record about
a request (Django's `django.request` and `django.security` loggers attach it)
`method`, `path` and `status`; for an exception `exc_info`, its traceback. No
headers, cookies or query strings: they may hold tokens or personal data. No
client address either, unless `LOG_VISITOR_IP` asks for it: then `ip`, truncated
(website/addresses.py).
"""

import json
import logging
from datetime import UTC, datetime

from website.addresses import loggable_address


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["method"] = request.method
            entry["path"] = request.path
            if (address := loggable_address(request)) is not None:
                entry["ip"] = address
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exc_info"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack_info"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
