"""An event as an iCalendar file (RFC 5545), for visitors to add it to their calendar.

Times are written in UTC (`…Z`), which every calendar reads without a VTIMEZONE
block; text is escaped (backslash, semicolon, comma, line breaks) and lines are
folded at 75 octets, without splitting a UTF-8 character.
"""

import datetime

PRODUCT_ID = "-//Protection International//Website events//EN"
LINE_LIMIT = 75  # octets, before the CRLF


def escape_text(value):
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def utc_stamp(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line):
    """Splits a content line into chunks of at most 75 octets, each continuation starting with a space."""
    encoded = line.encode()
    chunks = []
    limit = LINE_LIMIT
    while len(encoded) > limit:
        cut = limit
        while cut > 0 and (encoded[cut] & 0xC0) == 0x80:  # not inside a UTF-8 sequence
            cut -= 1
        chunks.append(encoded[:cut])
        encoded = encoded[cut:]
        limit = LINE_LIMIT - 1  # the leading space counts
    chunks.append(encoded)
    return b"\r\n ".join(chunks).decode()


def event_calendar(*, uid, stamp, starts_at, ends_at, summary, description, location, url, language):
    """The text of a one-event VCALENDAR."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{utc_stamp(stamp)}",
        f"DTSTART:{utc_stamp(starts_at)}",
        f"DTEND:{utc_stamp(ends_at)}",
        f"SUMMARY;LANGUAGE={language}:{escape_text(summary)}",
    ]
    if description:
        lines.append(f"DESCRIPTION;LANGUAGE={language}:{escape_text(description)}")
    if location:
        lines.append(f"LOCATION;LANGUAGE={language}:{escape_text(location)}")
    lines += [f"URL:{url}", "END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)
