"""Log lines without IP addresses, bearer tokens or keys; an access log of our own; JSON on request.

Every line goes through `RedactFilter` on the one console handler (settings.LOGGING), whoever wrote it:
Django ("Not Found: /plannen/gedeeld/<token>/"), uvicorn (WebSocket lines carry the client address),
django-axes, our own access log. A path parameter that the URL pattern takes as plain text (`<str:…>`,
`<…>`) is a secret by rule: share links, reset and invitation tokens, card and round links, manage keys,
join codes. Ids, uuids and slugs stay readable. Query strings keep their names, not their values.
"""

import contextvars
import ipaddress
import json
import logging
import re
import secrets
import time
from datetime import UTC, datetime
from urllib.parse import unquote, urlsplit

from django.urls import resolve

MASK = "***"
request_id = contextvars.ContextVar("request_id", default="-")
access_log = logging.getLogger("houvast.access")

_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>")
_SECRET_CONVERTERS = {None, "str", "path"}
_RANDOM_LOOKING = re.compile(r"(?=.*\d|.*[A-Z].*[a-z]|.*[a-z].*[A-Z])[A-Za-z0-9_~=.%-]{16,}")
_URL = re.compile(r"\b(?:https?|wss?)://[^\s/\"'<>]+(/[^\s\"'<>]*)?")
_PATH = re.compile(r"(?<![\w/.~-])/[^\s\"'<>]*")
_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
_IPV6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f.]{0,15}(?:%\w+)?(?![\w:])")


def _secret_names(route):
    names = {m["name"] for m in _PARAMETER.finditer(route) if m["converter"] in _SECRET_CONVERTERS}
    return names | {m["name"] for m in _REGEX_GROUP.finditer(route)}


def _websocket_match(path):
    from houvast.routing import websocket_urlpatterns

    for pattern in websocket_urlpatterns:
        match = pattern.pattern.match(path.lstrip("/"))
        if match:
            return match[2]
    return None


def _mask_segments(path, values):
    return "/".join(MASK if unquote(segment) in values else segment for segment in path.split("/"))


def mask_path(path):
    """The path with every bearer token replaced by ***; query values too."""
    path, question, query = path.partition("?")
    masked = None
    for candidate in (path, path.rstrip("/") + "/"):
        try:
            match = resolve(candidate)
        except Exception:  # not a page of ours (or not yet loadable): fall back below
            continue
        names = _secret_names(match.route)
        masked = _mask_segments(path, {str(v) for k, v in match.kwargs.items() if k in names})
        break
    if masked is None:
        try:
            kwargs = _websocket_match(path)
        except Exception:
            kwargs = None
        if kwargs is not None:
            masked = _mask_segments(path, {str(v) for v in kwargs.values()})
    if masked is None:
        masked = "/".join(MASK if _RANDOM_LOOKING.fullmatch(s) else s for s in path.split("/"))
    if question:
        names = [part.partition("=")[0] for part in query.split("&") if part]
        masked += "?" + "&".join(f"{name}={MASK}" for name in names)
    return masked


def _mask_address(match):
    text = match.group(0)
    try:
        ipaddress.ip_address(text.split("%")[0])
    except ValueError:
        return text
    return MASK


def _secret_values():
    """Keys and passwords from the settings, in case an error message repeats one."""
    from django.conf import settings

    values = [settings.SECRET_KEY, getattr(settings, "EMAIL_HOST_PASSWORD", "")]
    values += [db.get("PASSWORD") or "" for db in settings.DATABASES.values()]
    values.append(urlsplit(getattr(settings, "REDIS_URL", "") or "").password or "")
    return [value for value in values if value and len(value) >= 4]


def redact(text):
    for value in _secret_values():
        text = text.replace(value, MASK)
    text = _URL.sub(lambda m: m.group(0).replace(m.group(1) or "", mask_path(m.group(1) or "")), text)
    text = _PATH.sub(lambda m: mask_path(m.group(0)), text)
    text = _IPV4.sub(_mask_address, text)
    return _IPV6.sub(_mask_address, text)


class RedactFilter(logging.Filter):
    """On the handler: rewrites each record's message and traceback without addresses, tokens or keys."""

    def filter(self, record):
        record.request_id = request_id.get()
        try:
            record.msg, record.args = redact(record.getMessage()), ()
            if record.exc_info and not record.exc_text:
                record.exc_text = logging.Formatter().formatException(record.exc_info)
            if record.exc_text:
                record.exc_text = redact(record.exc_text)
            if record.stack_info:
                record.stack_info = redact(record.stack_info)
        except Exception:  # a log line that cannot be redacted is not written at all
            return False
        return True


class JsonFormatter(logging.Formatter):
    """LOG_FORMAT=json: one JSON object per line, with the request id that ties a request's lines together."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id.get()),
        }
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


class RequestLogMiddleware:
    """ASGI wrapper around the whole application: gives each request an id (also sent back as
    X-Request-ID) and, with ACCESS_LOG on, writes one access line per request: method, path (masked),
    status, duration. Never the client's address or user agent."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        from django.conf import settings

        rid = secrets.token_hex(8)
        reset_token = request_id.set(rid)
        started = time.monotonic()
        status = None

        async def send_with_id(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message = {
                    **message,
                    "headers": [*message.get("headers", []), (b"x-request-id", rid.encode())],
                }
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            if scope["type"] == "http" and settings.ACCESS_LOG:
                path = scope.get("path", "") + ("?" if scope.get("query_string") else "")
                path += scope.get("query_string", b"").decode("latin-1")
                access_log.info(
                    "%s %s %s %dms", scope["method"], path, status or "-", (time.monotonic() - started) * 1000
                )
            request_id.reset(reset_token)
