"""Settings, driven by the environment.

A newcomer needs nothing set: SQLite in ``data/``, Celery tasks run in-process, a local secret
key written by the run command. Production sets ``DJANGO_SECRET_KEY``, ``DATABASE_URL`` and
``REDIS_URL``; a missing secret with debug off fails at start-up rather than at the first login.
"""

import os
import sys
from pathlib import Path
from urllib.parse import urlparse

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str = "0") -> bool:
    return os.getenv(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: str) -> int:
    return int(os.getenv(name, default))


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


DEBUG = envbool("DJANGO_DEBUG")
HTTPS = envbool("DJANGO_HTTPS")
# The test run needs no production secret (pytest loads these settings before any conftest).
TESTING = envbool("DJANGO_TESTING") or "pytest" in sys.modules
DATA_DIR = Path(os.getenv("DJANGO_DATA_DIR", BASE_DIR / "data"))

SECRET_KEY = os.getenv("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    key_file = Path(os.getenv("DJANGO_SECRET_KEY_FILE", BASE_DIR / ".secret_key"))
    if key_file.exists():
        SECRET_KEY = key_file.read_text().strip()
    elif DEBUG or TESTING:
        SECRET_KEY = "insecure-development-key-only-for-debug-and-tests-0123456789"
    else:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off "
            "(the run command writes a local one into .secret_key)."
        )

ALLOWED_HOSTS = envlist("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = envlist("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    # The core's one app: its config (congress/site/apps.py) loads each concept's models and
    # discovers what every app declares.
    "congress.site.apps.CongressConfig",
    "meetings",
    "oversight",
    "deputies",
    "proposals",
    "petitions",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "congress.site.middleware.BadParametersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "congress.accounts.middleware.SlidingSessionMiddleware",
    "congress.accounts.middleware.PrivatePagesMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "congress.accounts.middleware.TwoFactorMiddleware",
    "congress.accounts.middleware.ReadOnlyLeaderMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lock-out into the page below.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, the roles' permissions kept a minute per process.
    "congress.accounts.backends.RoleBackend",
    # A deputy may also log in by the mobile number on their record (declared by the apps).
    "congress.accounts.backends.AliasBackend",
]
# Login throttling: five failures for one account from one address lock it for 15 minutes.
AXES_FAILURE_LIMIT = envint("CONGRESS_LOGIN_FAILURES", "5")
AXES_COOLOFF_TIME = envint("CONGRESS_LOCKOUT_MINUTES", "15") / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# One address failing on many accounts (password spraying) is held back as well (throttle.py);
# set high enough for an office whose staff share one address behind NAT.
CONGRESS_LOGIN_FAILURES_PER_ADDRESS = envint("CONGRESS_LOGIN_FAILURES_PER_ADDRESS", "30")
# Reverse proxies in front of the application (nginx: 1): the client's address is read from
# X-Forwarded-For past them; 0 reads the connection's own address.
CONGRESS_PROXY_COUNT = envint("CONGRESS_PROXY_COUNT", "0")
AXES_CLIENT_IP_CALLABLE = "congress.accounts.throttle.client_address"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

ROOT_URLCONF = "congress.urls"
WSGI_APPLICATION = "congress.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "congress.site.context_processors.office",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL", f"sqlite:///{DATA_DIR / 'congress.sqlite3'}"),
        conn_max_age=envint("DJANGO_CONN_MAX_AGE", "60"),
    )
}
# A connection kept between requests is checked before reuse: after PostgreSQL restarts, the first
# request of each web worker opens a new one instead of failing on the dead one.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
# CI migrates its database first; each test process's database is then a copy of it, and the
# migrations have nothing left to do there (PostgreSQL only).
if os.getenv("DJANGO_TEST_TEMPLATE"):
    DATABASES["default"]["TEST"] = {"TEMPLATE": os.environ["DJANGO_TEST_TEMPLATE"]}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if TESTING:
    # Hundreds of test users: a fast hasher (never in production, where PBKDF2 stays).
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "congress.accounts.passwords.MinimumLength",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
SESSION_COOKIE_AGE = envint("DJANGO_SESSION_SECONDS", str(8 * 3600))
# Expiry counts from the last request, not from login: SlidingSessionMiddleware renews the
# session when it is more than SESSION_RENEW_SECONDS old, not on every request (a write and a
# commit per page would be most of a page's database time).
SESSION_RENEW_SECONDS = envint("DJANGO_SESSION_RENEW_SECONDS", "300")

LANGUAGE_CODE = "zh-hans"
FORMAT_MODULE_PATH = ["congress.formats"]
# The backup's JSON keeps times to the microsecond (Django's own cuts them to milliseconds).
SERIALIZATION_MODULES = {"fulljson": "congress.work.serialization"}
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.getenv("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_ROOT = Path(os.getenv("DJANGO_MEDIA_ROOT", DATA_DIR / "media"))
# Uploaded documents are served through views that check who may see them, never from a
# public media URL.
MEDIA_URL = "/media-not-public/"
UPLOAD_MAX_BYTES = envint("CONGRESS_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024))
LEDGER_MAX_BYTES = envint("CONGRESS_LEDGER_MAX_BYTES", str(10 * 1024 * 1024))
# Checked in the zip's directory before anything is parsed: a 4 MB file can hold gigabytes of
# XML (a zip bomb). A province's year (about 100 000 rows) is well under these.
LEDGER_MAX_UNCOMPRESSED = envint("CONGRESS_LEDGER_MAX_UNCOMPRESSED", str(150 * 1024 * 1024))
LEDGER_MAX_RATIO = envint("CONGRESS_LEDGER_MAX_RATIO", "200")
LEDGER_MAX_ROWS = envint("CONGRESS_LEDGER_MAX_ROWS", "200000")
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Uploaded names are shortened safely (congress.records.uploads.ShortNameStorage): a 250-character file
# name must neither fail the save nor leave the file behind.
FILE_UPLOAD_HANDLERS = [
    "congress.records.uploads.ShortNameMemoryUploadHandler",
    "congress.records.uploads.ShortNameTemporaryUploadHandler",
]
STORAGES = {
    "default": {"BACKEND": "congress.records.uploads.ShortNameStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

REDIS_URL = os.getenv("REDIS_URL", "")
if REDIS_URL and TESTING and os.getenv("PYTEST_XDIST_WORKER"):
    # Parallel test processes each use a Redis database of their own (gw0 → 1, gw1 → 2, …), so
    # that one process's Celery worker never takes another's jobs; the workers a test starts
    # inherit it.
    _db = int(os.environ["PYTEST_XDIST_WORKER"].removeprefix("gw")) + 1
    REDIS_URL = urlparse(REDIS_URL)._replace(path=f"/{_db}").geturl()
    os.environ["REDIS_URL"] = REDIS_URL
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A cache that does not answer within a second is treated as absent (safecache).
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing gives up within seconds with the broker away (the job waits in the outbox).
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
# The result backend too: a hung Redis never holds a web worker for long.
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 2
CELERY_REDIS_SOCKET_TIMEOUT = 5
# A claimed job's lease (seconds): renewed by a heartbeat; when it runs out, the job is retaken.
CONGRESS_JOB_LEASE = envint("CONGRESS_JOB_LEASE", "90")

# Reminders: every morning the day's reminders, every Monday the leadership's weekly digest.
# CONGRESS_REMINDER_EVERY (seconds) replaces both with a short interval, for tests and trials.
_every = envint("CONGRESS_REMINDER_EVERY", "0")
CELERY_BEAT_SCHEDULE = {
    "reminders": {
        "task": "congress.work.tasks.send_reminders",
        "schedule": _every or crontab(hour=envint("CONGRESS_REMINDER_HOUR", "8"), minute=0),
    },
    "sweep-jobs": {
        "task": "congress.work.tasks.sweep_jobs",
        "schedule": envint("CONGRESS_SWEEP_EVERY", "60"),
    },
    "weekly-digest": {
        "task": "proposals.tasks.weekly_digest",
        "schedule": _every
        or crontab(day_of_week=1, hour=envint("CONGRESS_REMINDER_HOUR", "8"), minute=30),
    },
}
CELERY_BEAT_SCHEDULE_FILENAME = str(DATA_DIR / "celerybeat-schedule")

# Local practice varies between offices; these are the defaults of the law and common practice.
CONGRESS = {
    # 审议意见: the body reports back within this many months (监督法 leaves it to local rules).
    "OPINION_REPORT_MONTHS": envint("CONGRESS_OPINION_REPORT_MONTHS", "3"),
    # 代表建议: reply within three months of assignment, six for difficult items (代表法).
    "REPLY_MONTHS": envint("CONGRESS_REPLY_MONTHS", "3"),
    "REPLY_MONTHS_DIFFICULT": envint("CONGRESS_REPLY_MONTHS_DIFFICULT", "6"),
    # 不满意 sends an item back for a second handling with this deadline.
    "SECOND_REPLY_MONTHS": envint("CONGRESS_SECOND_REPLY_MONTHS", "1"),
    # A reply the deputy has not rated: the deputy is reminded after this many days, and staff
    # see it among their to-dos after STAFF_RATE_DAYS.
    "RATE_REMIND_DAYS": envint("CONGRESS_RATE_REMIND_DAYS", "15"),
    "STAFF_RATE_DAYS": envint("CONGRESS_STAFF_RATE_DAYS", "30"),
    # 先沟通后答复: a unit records its contact with the deputy before it may reply.
    "CONTACT_BEFORE_REPLY": envbool("CONGRESS_CONTACT_BEFORE_REPLY", "0"),
    # A unit may return (退办) a wrongly assigned item within this many working days.
    "RETURN_WORKING_DAYS": envint("CONGRESS_RETURN_WORKING_DAYS", "5"),
    # Reminders go out this many days before a reply or report falls due.
    "REMIND_DAYS_AHEAD": envint("CONGRESS_REMIND_DAYS_AHEAD", "3"),
    # The office's own rules for a meeting: its notice goes out, and its materials are in, this
    # many working days before it; the 审议意见 go to the bodies within this many after it.
    "MEETING_NOTICE_DAYS": envint("CONGRESS_MEETING_NOTICE_DAYS", "5"),
    "MEETING_MATERIALS_DAYS": envint("CONGRESS_MEETING_MATERIALS_DAYS", "3"),
    "OPINION_WORKING_DAYS": envint("CONGRESS_OPINION_WORKING_DAYS", "5"),
    # A form's draft kept in the browser is dropped unread after this many days.
    "DRAFT_DAYS": envint("CONGRESS_DRAFT_DAYS", "7"),
}

# Reminders by e-mail when a mail server is configured; otherwise they are written to the log.
EMAIL_HOST = os.getenv("DJANGO_EMAIL_HOST", "")
EMAIL_PORT = envint("DJANGO_EMAIL_PORT", "25")
EMAIL_HOST_USER = os.getenv("DJANGO_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.getenv("DJANGO_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = envbool("DJANGO_EMAIL_TLS", "0")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.getenv("DJANGO_EMAIL_FROM", "noreply@localhost")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
# The site's address in e-mailed links, e.g. https://rd.example.gov.cn
CONGRESS_SITE_URL = os.getenv("CONGRESS_SITE_URL", "")
# Further reminder channels (an SMS gateway): dotted paths of callables (user, notification).
CONGRESS_NOTIFY_CHANNELS = [c for c in os.getenv("CONGRESS_NOTIFY_CHANNELS", "").split(",") if c]

from csp.constants import NONE, SELF  # noqa: E402

# No inline script anywhere: pages load their few scripts from /static/.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("DJANGO_HSTS_SECONDS", str(365 * 24 * 3600))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_403_traceback": {"()": "congress.site.logs.No403Traceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["no_403_traceback"]}},
    "root": {"handlers": ["console"], "level": os.getenv("DJANGO_LOG_LEVEL", "WARNING")},
    # Django's own loggers print through the root handler only: every line once.
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
    },
}
