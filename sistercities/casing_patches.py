"""Django's and django-simple-history's Python calls of `capfirst`, made Turkish-aware.

Django capitalises verbose names in Python, not only in templates: a model form's labels
(Field.formfield), the admin's app list (AdminSite._build_app_dict), read-only and inline
labels (admin.helpers), the "Model: object" lines of a deletion (admin.utils), unique
errors (Model.unique_error_message, BaseInlineFormSet), the history page's field names
(simple_history.template_utils). Each module imported `capfirst` by name, so each holds
its own reference: they are listed here and rebound to sistercities.casing.capfirst,
which is lazy where Django's is (keep_lazy_text).

Rebinding was chosen over a lazy wrapper around every verbose name: Django's capfirst
takes str(name)[0].upper(), which no wrapper of ours can reach without a str subclass
overriding slicing and upper(), and the verbose names of third-party models (axes,
auth) would stay as they are. tests/sistercities/test_casing.py fails if a loaded module
still holds Django's capfirst, so a Django upgrade that adds one is noticed.
"""

from importlib import import_module

from sistercities import casing
from sistercities.templatetags import casing as casing_filters

# Modules that imported django.utils.text.capfirst.
TEXT_CAPFIRST_USERS = (
    "django.utils.text",
    "django.db.models.base",
    "django.db.models.fields",
    "django.forms.models",
    "django.contrib.admin.options",
    "django.contrib.admin.sites",
    "django.contrib.admin.utils",
    "django.contrib.admin.templatetags.admin_list",
    "django.contrib.auth.forms",
    "simple_history.admin",
    "simple_history.template_utils",
)
# Modules that imported the template filter django.template.defaultfilters.capfirst.
FILTER_CAPFIRST_USERS = (
    "django.template.defaultfilters",
    "django.contrib.admin.helpers",
)


def apply() -> None:
    for name in TEXT_CAPFIRST_USERS:
        import_module(name).capfirst = casing.capfirst
    for name in FILTER_CAPFIRST_USERS:
        import_module(name).capfirst = casing_filters.capfirst
