"""Settings of the sister-city portal, read from the environment (see README, "Configuration")."""

import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal.env import env_bool, env_csp_sources, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)


def _secret_key() -> str:
    """The configured secret, or a local one generated once into a git-ignored file."""
    configured = env_str("DJANGO_SECRET_KEY")
    if configured:
        return configured
    if env_bool("DJANGO_REQUIRE_SECRET_KEY", False):
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
    key_file = BASE_DIR / ".secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "modeltranslation",  # before django.contrib.admin, as modeltranslation requires
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_countries",
    "simple_history",
    "pagecache",
    "sistercities",
    "visits",
    "public",
    "directory",
    "journalism",
    "importing",
    "archive",
    "showcase",
    "reports",
    "portal.apps.AxesConfig",  # django-axes, named for staff
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.security.SecurityHeadersMiddleware",
    "portal.security.RejectNulBytesMiddleware",
    "portal.static_files.StaticFilesMiddleware",  # WhiteNoise
    # Before sessions, locale and authentication: a cached page is answered without them,
    # and a page to store comes back with their headers (pagecache/middleware.py).
    "pagecache.middleware.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

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
            ],
            # capfirst, upper and lower with Turkish casing (İ/i, I/ı), in every template.
            "builtins": ["sistercities.templatetags.casing"],
        },
    },
    {
        # The timeline and the visit report (portal/templating.py); a name not found among
        # Django's templates is looked for here.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "portal.templating.environment",
            "context_processors": ["django.template.context_processors.i18n"],
        },
    },
]

# No DATABASE_URL: a SQLite file in the project folder. postgres://… selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DJANGO_DB_PREPARED_STATEMENTS", True
):
    # Parameters bound by the server, and a query run twice on a connection prepared:
    # PostgreSQL then plans each of a page's queries once per connection, not per request.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=2
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# SQLite has no covering indexes: it builds visit_relationship_by_date without the INCLUDE
# columns meant for PostgreSQL (visits/models.py), which is all that models.W040 says.
SILENCED_SYSTEM_CHECKS = (
    ["models.W040"] if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3" else []
)

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis backend, keeping its client (portal/redis_cache.py).
            "BACKEND": "portal.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Public pages are kept in the cache until the content changes (pagecache/).
PORTAL_PAGE_CACHE = env_bool("PORTAL_PAGE_CACHE", True)
# The URL namespaces of the public pages, and the service pages that show content.
PAGE_CACHE_NAMESPACES = {"sistercities", "visits", "journalism", "reports"}
PAGE_CACHE_SERVICE_PAGES = {"sitemap", "robots-txt"}
# After a change, one reader's request renders a page again (in the background) while the
# others get the previous copy, for at most this many seconds (pagecache/freshness.py);
# withdrawn content is never served stale. 0: every reader of an out-of-date page renders it.
PAGE_CACHE_STALE_SECONDS = env_int("PORTAL_PAGE_CACHE_STALE_SECONDS", 30)
# Under a stream of edits a page is rendered again at most this often (withdrawals and the
# pages rendered on write aside); between, its readers get the last render.
PAGE_CACHE_RENEWAL_SECONDS = env_int("PORTAL_PAGE_CACHE_RENEWAL_SECONDS", 5)
PAGE_CACHE_RENDER_IN_BACKGROUND = True
# Each process keeps up to this many bytes of the pages it answered, while it hears every
# change over Redis (pagecache/local_copies.py); 0: every hit asks the shared cache.
PAGE_CACHE_LOCAL_BYTES = env_int("PORTAL_PAGE_CACHE_LOCAL_BYTES", 32 * 1024 * 1024)
# The Redis queue the app servers hand renders to when a renderer runs (manage.py
# render_pages); without one alive, each process renders in a thread of its own.
PAGE_RENDER_QUEUE_URL = env_str("PORTAL_RENDER_QUEUE_URL", REDIS_URL or "")
# The address readers use (https://…): after a visit changes, its pages are rendered again
# for it in the background, before a reader asks. Empty: no render on write.
PORTAL_PUBLIC_URL = env_str("PORTAL_PUBLIC_URL", "")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Turkish first; interface strings in English are the gettext source.
LANGUAGE_CODE = "tr"
LANGUAGES = [
    ("tr", _("Turkish")),
    ("en", _("English")),
    ("kk", _("Kazakh")),
    ("ru", _("Russian")),
]
# Interface catalogues first; then the Kazakh country names that django-countries lacks,
# kept in a folder makemessages never writes to (it is not named "locale").
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "sistercities" / "countries_locale"]
# Our own date formats: English as "24 August 2019", Kazakh (which Django lacks) as
# "24 тамыз 2019 ж.".
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Europe/Istanbul"
USE_I18N = True
USE_TZ = True

# The languages a visit's title and report must be written in before it goes public (the
# others show a fallback with a notice): the first language unless configured.
PUBLICATION_LANGUAGES = env_list("PORTAL_PUBLICATION_LANGUAGES", [LANGUAGES[0][0]])
if unknown := set(PUBLICATION_LANGUAGES) - {code for code, _name in LANGUAGES}:
    raise ImproperlyConfigured(
        f"PORTAL_PUBLICATION_LANGUAGES: {', '.join(sorted(unknown))} is not one of LANGUAGES"
    )

# Two countries ISO 3166-1 gives no code, named with its user-assigned ones (AA, QM–QZ,
# XA–XZ, ZZ), which django-countries leaves nameless. Kosovo is XK, as the EU, the IMF and
# CLDR write it (its flag ships with django-countries). The Turkish Republic of Northern
# Cyprus (KKTC), which a Turkish municipality cannot list under Cyprus, is XN ("Northern"):
# used neither by django-countries, CLDR (XA, XB, XK, QO, ZZ), GeoNames (XK) nor the
# portal; its flag is ours (static/img/flags/xn.svg). Exports keep these codes as stored,
# the JSON-LD names the country instead (journalism/linked_data.py).
COUNTRIES_OVERRIDE = {
    "XK": _("Kosovo"),
    "XN": {"name": _("Turkish Republic of Northern Cyprus"), "flag_url": "img/flags/xn.svg"},
}

# Content translation. A text missing in the visitor's language falls back along a chain
# chosen for our readers: Kazakh readers mostly read Russian, everyone reads Turkish next.
MODELTRANSLATION_DEFAULT_LANGUAGE = "tr"
MODELTRANSLATION_LANGUAGES = ("tr", "en", "kk", "ru")
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("tr", "en"),
    "kk": ("ru", "tr", "en"),
    "ru": ("tr", "en"),
    "en": ("tr",),
}
# modeltranslation's tabbed admin would load jQuery UI from a CDN: use the vendored copy.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT") or BASE_DIR / "media")
# Limits of a photo upload (visits/images.py): file size, and pixels read from the header.
PHOTO_MAX_UPLOAD_BYTES = env_int("PORTAL_PHOTO_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
PHOTO_MAX_PIXELS = env_int("PORTAL_PHOTO_MAX_PIXELS", 40_000_000)
# The largest scanned protocol accepted (sistercities/documents.py); a scan as an image
# keeps to PHOTO_MAX_PIXELS.
PROTOCOL_DOCUMENT_MAX_UPLOAD_BYTES = env_int(
    "PORTAL_PROTOCOL_DOCUMENT_MAX_UPLOAD_BYTES", 20 * 1024 * 1024
)


def _media_storage() -> dict:
    """Uploaded files: a local folder, or S3-compatible object storage (django-storages).

    In the bucket only photos/renditions/ (and cities/ if wanted) are public; photo
    originals, press copies and protocols/ stay private (the portal serves a protocol's
    document to whoever may see it): grant public read by prefix in the bucket policy, so
    URLs need no signature and cached pages never hold expiring links.
    """
    kind = env_str("DJANGO_MEDIA_STORAGE", "local")
    if kind == "local":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if kind == "s3":
        return {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": env_str("S3_BUCKET"),
                "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
                "region_name": env_str("S3_REGION") or None,
                "access_key": env_str("S3_ACCESS_KEY_ID") or None,
                "secret_key": env_str("S3_SECRET_ACCESS_KEY") or None,
                "custom_domain": env_str("S3_CUSTOM_DOMAIN") or None,
                "querystring_auth": False,
                "default_acl": None,
                "file_overwrite": False,
            },
        }
    raise ImproperlyConfigured(f"DJANGO_MEDIA_STORAGE must be 'local' or 's3'; got {kind!r}")


STORAGES = {
    "default": _media_storage(),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# The municipality that runs this portal; its relationships are the portal's subject.
HOME_CITY_SLUG = env_str("PORTAL_HOME_CITY", "osmangazi")
ADMIN_PATH = env_str("DJANGO_ADMIN_PATH", "admin/")

# Reports (reports/): a relationship without contact for this many years is "dormant" on
# the staff's health page; the yearly report's PDF embeds these fonts (Debian's
# fonts-dejavu-core), which cover Turkish, Kazakh and Russian letters.
PORTAL_DORMANT_AFTER_YEARS = env_int("PORTAL_DORMANT_AFTER_YEARS", 3)
REPORT_FONT_DIR = Path(env_str("PORTAL_REPORT_FONT_DIR", "/usr/share/fonts/truetype/dejavu"))

SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_COOKIE_AGE", 8 * 60 * 60)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_HTTPS_PROXY") else None
)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer's health check speaks plain HTTP
# Who besides signed-in staff reads /healthz's detail (portal/health.py): the bearer of this
# token. Empty: nobody.
PORTAL_HEALTH_TOKEN = env_str("PORTAL_HEALTH_TOKEN", "")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", False)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
X_FRAME_OPTIONS = "DENY"
# Who may show the embeddable timeline in a frame (its Content-Security-Policy
# frame-ancestors); no other page may be framed at all.
EMBED_FRAME_ANCESTORS = env_csp_sources("PORTAL_EMBED_FRAME_ANCESTORS", ["*"])

# Staff sessions end when the browser closes, or after SESSION_COOKIE_AGE without a request.
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("DJANGO_SESSION_EXPIRE_AT_BROWSER_CLOSE", True)
SESSION_SAVE_EVERY_REQUEST = True

# Brute force on the staff login (django-axes): AXES_FAILURE_LIMIT wrong passwords for one
# account from one address lock that pair out for AXES_COOLOFF_TIME, and
# AXES_ADDRESS_FAILURE_LIMIT from one address, whatever the accounts, lock the address
# (portal/lockouts.py). Tests log in with Client.force_login(), since axes refuses
# Client.login() without a request.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("DJANGO_AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_AXES_COOLOFF_MINUTES", 30))
AXES_ADDRESS_FAILURE_LIMIT = env_int("DJANGO_AXES_ADDRESS_FAILURE_LIMIT", 20)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "portal.lockouts.AxesHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "portal.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "portal.security.client_ip"
# Proxies in front of the app that append to X-Forwarded-For (portal.security.client_ip).
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}
