"""Houvast settings: one file, driven by environment variables with safe defaults."""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlparse

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def envbool(name, default):
    """Read "True" or "False" only, so a typo never silently switches a security setting."""
    value = os.environ.get(name, default)
    if value not in ("True", "False"):
        raise ImproperlyConfigured(f"{name} must be 'True' or 'False', not {value!r}")
    return value == "True"


def envint(name, default):
    value = os.environ.get(name, default)
    try:
        return int(value)
    except ValueError as e:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from e


DEBUG = envbool("DEBUG", "False")
# Benchmarks (bench/) compare every figure with a bare view (`/_bench/bare/`) served by the same process.
BENCH_VIEWS = envbool("BENCH_VIEWS", "False")

DEV_SECRET_KEY = "dev-only-insecure-secret-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
if not DEBUG and SECRET_KEY in ("", DEV_SECRET_KEY):
    raise ImproperlyConfigured(
        "SECRET_KEY is missing. Production (DEBUG=False) needs a long random SECRET_KEY, "
        "for example: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = "Houvast"
_site_host = urlparse(SITE_URL).hostname or "127.0.0.1"
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", f"{_site_host},127.0.0.1,localhost").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [SITE_URL]


def _trusted_proxies(value):
    """TRUSTED_PROXIES: the load balancers' addresses or networks, comma-separated. Only a request that
    comes straight from one of them has its X-Forwarded-For read, from the right: the client is the
    right-most address that is not a trusted proxy, so an address a client writes in the header itself
    is never believed. Empty: the header is ignored and the connecting address is the client."""
    entries = [entry.strip() for entry in value.split(",") if entry.strip()]
    for entry in entries:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError as e:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES holds addresses or networks such as 10.0.0.5 or 10.0.0.0/24, not {entry!r}"
                + (" ('*' would believe any X-Forwarded-For a visitor sends)" if entry == "*" else "")
            ) from e
    return entries


TRUSTED_PROXIES = _trusted_proxies(os.environ.get("TRUSTED_PROXIES", ""))

INSTALLED_APPS = [
    # The operators' admin (/beheer/, houvast/operators/): only its own site, no autodiscovery.
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "channels",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "houvast.lib",
    "houvast.content",
    "houvast.accounts",
    "houvast.surveys",
    "houvast.workshops",
    "houvast.cards",
    "houvast.plans",
    "houvast.operators",
]

MIDDLEWARE = [
    "houvast.lib.headers.PermissionsPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "houvast.lib.compression.SafeGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "houvast.accounts.sessions.SlidingSessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "houvast.accounts.middleware.UserLanguageMiddleware",
    "houvast.accounts.middleware.RequireTwoFactorMiddleware",
    "houvast.cards.handover.HandOverMiddleware",
    "houvast.accounts.middleware.PrivatePagesNotStoredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "houvast.accounts.middleware.SessionLifetimeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "houvast.urls"
ASGI_APPLICATION = "houvast.asgi.application"
WSGI_APPLICATION = None

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "houvast.lib.context_processors.site",
            ],
        },
    }
]

# Database: SQLite in var/ by default, PostgreSQL (or any dj-database-url URL) from DATABASE_URL.
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'houvast.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's SQLite backend with a small pool of open connections (houvast/lib/sqlite_pool/base.py).
    DATABASES["default"]["ENGINE"] = "houvast.lib.sqlite_pool"
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # Tests use a file (not :memory:) so the browser tests' uvicorn process sees the same data.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")}
else:
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("TEST_DATABASE_NAME", "test_houvast")}


def _database_pool(engine, min_size, max_size, timeout):
    """PostgreSQL: each process keeps open connections in a pool (Django's psycopg pool) and a request
    borrows one for as long as it runs, instead of opening a new one. DATABASE_POOL_MAX_SIZE=0 switches the
    pool off (for example behind PgBouncer): every request then opens and closes its own connection."""
    if engine != "django.db.backends.postgresql" or max_size == 0:
        return None
    if not 0 <= min_size <= max_size or timeout <= 0:
        raise ImproperlyConfigured(
            "DATABASE_POOL_MIN_SIZE must lie between 0 and DATABASE_POOL_MAX_SIZE, and "
            f"DATABASE_POOL_TIMEOUT must be more than 0 seconds (now {min_size}, {max_size}, {timeout})"
        )
    return {"min_size": min_size, "max_size": max_size, "timeout": timeout}


# Connections per process: an app process under uvicorn runs every synchronous request in a thread of its
# own, holding one connection until the response is written, and all of Channels' database work on one
# more thread; a task worker uses one. A request that finds the pool empty waits DATABASE_POOL_TIMEOUT
# seconds, then fails. Keep the sum of DATABASE_POOL_MAX_SIZE over all processes below PostgreSQL's
# max_connections (100 by default). README "Running at scale".
DATABASE_POOL = _database_pool(
    DATABASES["default"]["ENGINE"],
    min_size=envint("DATABASE_POOL_MIN_SIZE", "2"),
    max_size=envint("DATABASE_POOL_MAX_SIZE", "10"),
    timeout=envint("DATABASE_POOL_TIMEOUT", "10"),
)
if DATABASE_POOL:
    # The pool keeps connections, so CONN_MAX_AGE stays 0 (Django refuses anything else); a connection
    # that died with a database restart is replaced when it is borrowed, not handed to a request.
    DATABASES["default"]["OPTIONS"] = {**DATABASES["default"].get("OPTIONS", {}), "pool": DATABASE_POOL}
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Real time and cache: in-process by default, Redis when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            # Redis pub/sub: every app process subscribes to the groups its sockets are in; figures for
            # 500 participants on two processes in docs/workshops.md ("Figures").
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {"hosts": [REDIS_URL], "prefix": "houvast"},
        }
    }
    CACHES = {
        "default": {
            "BACKEND": "houvast.lib.cache.PrefixedRedisCache",
            "LOCATION": REDIS_URL,
            # Parallel test workers (pytest-xdist) each get their own prefix (houvast/lib/test_env.py).
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "houvast"),
        }
    }
else:
    # A burst of changes to a hall of 500 must not overflow a socket's queue (channels' default is 100).
    CHANNEL_LAYERS = {
        "default": {"BACKEND": "houvast.lib.channel_layer.LocalChannelLayer", "CONFIG": {"capacity": 1000}}
    }
    # Rendered stages and post-its of a live session are cached: room for a hall's board (default 300).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

# Background tasks: the database queue, worked by `manage.py db_worker`.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[TASKS_BACKEND]
    }
}
# /healthz fails when the worker's heartbeat (houvast/lib/heartbeat.py) is older than this, unless no worker
# is expected (the immediate backend runs tasks in the request, as in the tests).
WORKER_EXPECTED = envbool("WORKER_EXPECTED", str(TASKS_BACKEND == "database"))
WORKER_HEARTBEAT_MAX_AGE_MINUTES = envint("WORKER_HEARTBEAT_MAX_AGE_MINUTES", "5")

# PDFs: laid out by WeasyPrint in a pool of separate processes (0: in the request's own thread) and kept
# on disk by a keyed hash of what they show, for PDF_CACHE_MAX_HOURS at most (docs/pdfs.md).
PDF_WORKERS = envint("PDF_WORKERS", "1")
PDF_WORKER_MAX_TASKS = envint("PDF_WORKER_MAX_TASKS", "200")  # a child is replaced after this many PDFs
PDF_WORKER_NICENESS = envint("PDF_WORKER_NICENESS", "10")  # the web processes go first on a busy CPU
PDF_CACHE_DIR = Path(os.environ.get("PDF_CACHE_DIR", VAR_DIR / "pdf-cache"))
PDF_CACHE_MAX_MB = envint("PDF_CACHE_MAX_MB", "256")
PDF_CACHE_MAX_HOURS = envint("PDF_CACHE_MAX_HOURS", "24")

# Retention: how many days data is kept after it stopped being needed (`manage.py purge_expired`,
# run daily). See docs/security.md.
ACCESS_LOG_RETENTION_DAYS = envint("ACCESS_LOG_RETENTION_DAYS", "1826")  # after the plan is deleted
SURVEY_ANSWERS_RETENTION_DAYS = envint("SURVEY_ANSWERS_RETENTION_DAYS", "365")  # after the round ended
WORKSHOP_SESSIONS_RETENTION_DAYS = envint("WORKSHOP_SESSIONS_RETENTION_DAYS", "180")  # after it ended
SHARE_LINKS_RETENTION_DAYS = envint("SHARE_LINKS_RETENTION_DAYS", "90")  # after expiry or revocation
INVITATIONS_RETENTION_DAYS = envint("INVITATIONS_RETENTION_DAYS", "30")  # after expiry or acceptance
LOGIN_ATTEMPTS_RETENTION_DAYS = envint("LOGIN_ATTEMPTS_RETENTION_DAYS", "30")
FINISHED_TASKS_RETENTION_DAYS = envint("FINISHED_TASKS_RETENTION_DAYS", "7")  # after it succeeded
FAILED_TASKS_RETENTION_DAYS = envint("FAILED_TASKS_RETENTION_DAYS", "30")  # after it failed

# Accounts and security.
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Tests (houvast/lib/test_env.py): a fast hasher, so that creating a user costs microseconds instead of
# Argon2's deliberate ~50 ms. Honoured only with DEBUG=True; Argon2 still checks older hashes.
if DEBUG and envbool("TEST_FAST_PASSWORD_HASHER", "False"):
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lockout rules (houvast/accounts/lockout.py): per address and account, per address over all accounts,
# per account over all addresses; a browser the owner logged in with before is exempt from these three.
AXES_HANDLER = "houvast.accounts.lockout.LockoutHandler"
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", "5")
AXES_ADDRESS_FAILURE_LIMIT = envint("AXES_ADDRESS_FAILURE_LIMIT", "20")
AXES_ACCOUNT_FAILURE_LIMIT = envint("AXES_ACCOUNT_FAILURE_LIMIT", "50")
AXES_COOLOFF_TIME = timedelta(minutes=15)
# The order matters: LockoutHandler reads the counts as (pair, address, account).
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"], "ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "houvast.accounts.lockout.lockout_username"
AXES_CLIENT_IP_CALLABLE = "houvast.lib.ratelimit.client_address"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
AXES_CLIENT_STR_CALLABLE = "houvast.accounts.lockout.client_description"
OTP_TOTP_ISSUER = "Houvast"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 2
EMAIL_CONFIRM_MAX_AGE = 60 * 60 * 24 * 3
INVITATION_MAX_AGE_DAYS = 14

# Sessions slide (4 hours after the last request) and also end SESSION_MAX_HOURS after logging in,
# however busy they are (houvast/accounts/sessions.py).
# With Redis (shared by every process), sessions are read from the cache and written to both
# (houvast/accounts/sessions_cached.py); without it, from the database only.
SESSION_ENGINE = "houvast.accounts.sessions_cached" if REDIS_URL else "houvast.accounts.sessions"
SESSION_COOKIE_AGE = 60 * 60 * 4
SESSION_MAX_HOURS = envint("SESSION_MAX_HOURS", "12")
SESSION_SAVE_EVERY_REQUEST = False  # SlidingSessionMiddleware saves a session in use once a minute
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_FAILURE_VIEW = "houvast.views.csrf_failure"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
if not DEBUG:
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "True")
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    if envbool("BEHIND_PROXY", "False"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Browser features no page of ours uses are switched off (houvast/lib/headers.py).
PERMISSIONS_POLICY_FEATURES = [
    "accelerometer",
    "autoplay",
    "bluetooth",
    "browsing-topics",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "gamepad",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "local-fonts",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "web-share",
    "xr-spatial-tracking",
]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Internationalisation: Dutch by default, English complete.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

# Static files. Production (DEBUG=False): `collectstatic` writes hashed names plus gzip and Brotli copies
# to STATIC_ROOT; WhiteNoise serves them with a far-future `immutable` cache. DEBUG=True: plain names
# straight from the finders, nothing to collect (tests and the browser tests' live server run this way).
STATIC_URL = "/static/"
# The container image collects them at build time outside VAR_DIR, which is its data volume.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# HTML compression, only for the pages listed here and only where BREACH cannot read a secret out of them:
# anonymous GET without a query string (houvast/lib/compression.py, docs/static-and-compression.md).
GZIP_VIEW_NAMES = {"home", "content:catalogue", "content:werkvorm", "content:knowledge", "surveys:respond"}

# Content files (werkvormen, statements, cards, guidance), validated at start.
CONTENT_DIR = Path(os.environ.get("CONTENT_DIR", BASE_DIR / "content"))


def _email_settings(url):
    """EMAIL_URL: smtp://user:pass@host:port, smtp+tls://…, smtp+ssl://…; empty means the outbox."""
    if not url:
        return {"EMAIL_BACKEND": "houvast.lib.outbox.OutboxBackend"}
    parsed = urlparse(url)
    if parsed.scheme not in ("smtp", "smtp+tls", "smtp+ssl"):
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with smtp://, smtp+tls:// or smtp+ssl://, not {url!r}"
        )
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parsed.hostname or "localhost",
        "EMAIL_PORT": parsed.port or 25,
        "EMAIL_HOST_USER": unquote(parsed.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parsed.password or ""),
        "EMAIL_USE_TLS": parsed.scheme == "smtp+tls",
        "EMAIL_USE_SSL": parsed.scheme == "smtp+ssl",
    }


EMAIL_URL = os.environ.get("EMAIL_URL", "")
globals().update(_email_settings(EMAIL_URL))
EMAIL_TIMEOUT = 10
EMAIL_OUTBOX_DIR = Path(os.environ.get("EMAIL_OUTBOX_DIR", VAR_DIR / "outbox"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Houvast <noreply@houvast.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Logs: never an IP address, a token from a URL or a key (houvast/lib/logs.py redacts every line);
# uvicorn's own access log is off, ours writes method, masked path, status and duration.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be 'text' or 'json', not {LOG_FORMAT!r}")
ACCESS_LOG = envbool("ACCESS_LOG", "True")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "houvast.lib.logs.RedactFilter"}},
    "formatters": {
        "text": {"format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "houvast.lib.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact"], "formatter": LOG_FORMAT}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # uvicorn's loggers get our handler (its WebSocket lines name the client), their levels stay as
        # uvicorn's --log-level set them; its access log is off.
        "uvicorn": {"handlers": ["console"], "propagate": False},
        "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
        # Django's own default handlers (console in DEBUG, error mails) are replaced by ours.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": [], "propagate": True},
        "django.channels.server": {"level": "WARNING"},
        # WeasyPrint reports every rendering step at INFO; only its warnings matter.
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
