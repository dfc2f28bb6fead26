"""Samspel settings: one file, every value from the environment through small typed helpers.

Development (the default) runs on an embedded SQLite database. Production
(`SAMSPEL_ENV=production`) refuses to start without a real secret key, with DEBUG on,
or without ALLOWED_HOSTS.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SAMSPEL_ENV = os.environ.get("SAMSPEL_ENV", "development").strip().lower()
PRODUCTION = SAMSPEL_ENV == "production"
DEMO_MODE = envbool("SAMSPEL_DEMO", "false") and not PRODUCTION

DEV_SECRET_KEY = "django-insecure-samspel-development-only"  # noqa: S105
SECRET_KEY = os.environ.get("SECRET_KEY", "" if PRODUCTION else DEV_SECRET_KEY)
DEBUG = envbool("DEBUG", "false" if PRODUCTION else "true")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

if PRODUCTION:
    if not SECRET_KEY or SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "SAMSPEL_ENV=production needs SECRET_KEY: a random value of at least 50 characters."
        )
    if DEBUG:
        raise ImproperlyConfigured("SAMSPEL_ENV=production refuses to run with DEBUG on.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("SAMSPEL_ENV=production needs ALLOWED_HOSTS.")

INSTALLED_APPS = [
    "samspel.accounts",
    "samspel.organisations",
    "samspel.audit",
    "samspel.catalogues",
    "samspel.families",
    "samspel.cases",
    "samspel.programmes",
    "samspel.activities",
    "samspel.calendars",
    "samspel.reminders",
    "samspel.followup",
    "samspel.plans",
    "samspel.network",
    "samspel.assessments",
    "samspel.handovers",
    "samspel.imports",
    "samspel.retention",
    "samspel.privacy",
    "samspel.api",
    "samspel.web",
    "samspel.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "samspel.audit.middleware.RequestIdMiddleware",
    # Inside the request id, around everything else: static files and refusals are logged too.
    "samspel.web.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After the static files: everything answered from here on is private (no-store).
    "samspel.web.middleware.PrivateResponseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Before our own middleware: the idle timeout leaves a message.
    "django.contrib.messages.middleware.MessageMiddleware",
    "samspel.accounts.middleware.UserLanguageMiddleware",
    # Before anything reads the parameters: too many is a 400, not a 500.
    "samspel.web.middleware.RequestParametersMiddleware",
    "samspel.accounts.middleware.IdleTimeoutMiddleware",
    "samspel.accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samspel.urls"
WSGI_APPLICATION = "samspel.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "samspel" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "samspel.web.context_processors.navigation",
            ],
        },
    },
]

# The embedded default keeps its SQLite file in var/ (git-ignored, made on first use).
VAR_DIR = BASE_DIR / "var"
if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'samspel.sqlite3'}"),
        # Production keeps a connection open for a minute instead of opening one per request
        # (4-6 ms each on PostgreSQL); the development server's thread per request would not.
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 60 if PRODUCTION else 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "samspel.organisations.sso.Backend",  # OpenID Connect, per organisation
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = envint("PASSWORD_RESET_TIMEOUT", 3 * 24 * 3600)

# Sessions end after this many minutes without a request (DOMAIN.md §7). IdleTimeoutMiddleware
# ends them, with a message and an audit event; the session store keeps them a working day
# longer so that it does not end them first, silently.
SESSION_IDLE_TIMEOUT_MINUTES = envint("SESSION_IDLE_TIMEOUT_MINUTES", 30)
SESSION_COOKIE_AGE = (SESSION_IDLE_TIMEOUT_MINUTES + 8 * 60) * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Emergency access to a case one is not on (DOMAIN.md §7) lasts this many hours, then ends.
EMERGENCY_ACCESS_HOURS = envint("EMERGENCY_ACCESS_HOURS", 4)

# Throttling of failed logins and second-factor codes (django-axes).
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Failures are cleared only after the whole login (password and second factor) succeeded,
# so that logging in again with the password cannot reset the count of wrong codes.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "samspel.accounts.views.lockout"
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = envint("PROXY_COUNT", 0) or None

OTP_TOTP_ISSUER = "Samspel"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("da", _("Danish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "samspel" / "locale"]
# Day before month in English too: dates are never month/day/year (samspel/formats/en).
FORMAT_MODULE_PATH = ["samspel.formats"]
LANGUAGE_COOKIE_NAME = "samspel_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "var" / "static")
STATICFILES_DIRS = [
    BASE_DIR / "samspel" / "static",
    ("vendor/htmx", BASE_DIR / "node_modules" / "htmx.org" / "dist"),
]
WHITENOISE_USE_FINDERS = not PRODUCTION
# Outside production, static files are looked up when asked for rather than all listed when the
# middleware starts: tests (which run with DEBUG off) start the middleware for every test client,
# and listing the files took about a fifth of a simple test's time.
WHITENOISE_AUTOREFRESH = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "samspel@localhost")
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", 20)

# Reminders (samspel/reminders). SMS goes through a pluggable gateway: the console in
# development, an HTTP provider (POST JSON with a bearer token) in production.
SMS_BACKEND = os.environ.get("SMS_BACKEND", "samspel.reminders.sms.ConsoleBackend")
SMS_HTTP_URL = os.environ.get("SMS_HTTP_URL", "")
SMS_HTTP_TOKEN = os.environ.get("SMS_HTTP_TOKEN", "")
SMS_HTTP_TIMEOUT = envint("SMS_HTTP_TIMEOUT", 10)
# A reminder stuck in "sending" this long is taken over by the sweep (its sender died); it must
# be longer than any send can take, or a slow living sender would be overtaken.
REMINDER_CLAIM_LEASE_SECONDS = envint("REMINDER_CLAIM_LEASE_SECONDS", 300)
REMINDER_RETRY_BASE_MINUTES = envint("REMINDER_RETRY_BASE_MINUTES", 1)
REMINDER_MAX_ATTEMPTS = envint("REMINDER_MAX_ATTEMPTS", 5)
if max(SMS_HTTP_TIMEOUT, EMAIL_TIMEOUT) >= REMINDER_CLAIM_LEASE_SECONDS:
    raise ImproperlyConfigured(
        "REMINDER_CLAIM_LEASE_SECONDS must be longer than SMS_HTTP_TIMEOUT and EMAIL_TIMEOUT."
    )

# Security headers. A strict Content-Security-Policy: no inline scripts anywhere.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "samspel.web.views.csrf_failure"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "true")
    # A load balancer or service manager asks these over plain HTTP, beside the proxy.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "true")
    if envbool("BEHIND_TLS_PROXY", "false"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Logs go to stderr: JSON lines in production (samspel/web/logs.py), text in development.
# REQUEST_LOG writes one line per request (logger samspel.request; path without query string).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json" if PRODUCTION else "text").strip().lower()
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text, got {LOG_FORMAT!r}")
REQUEST_LOG = envbool("REQUEST_LOG", "true" if PRODUCTION else "false")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "samspel.web.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"samspel.request": {"level": "INFO" if REQUEST_LOG else "WARNING"}},
}
