"""Django's own interface strings that the public site shows, restated for our catalogues.

Nothing imports this module: it exists so that ``makemessages`` finds these msgids in our
source and keeps them in ``locale/``. Django's Kazakh catalogue lacks some of them (a
missing kk string would fall back to Turkish, the default language) and writes month names
with a capital letter; our catalogues come first in ``LOCALE_PATHS``, so the msgstr given in
``locale/<lang>`` wins over Django's. The Turkish and Russian entries repeat Django's own.
"""

from django.utils.translation import gettext_noop, pgettext_lazy

# Month names for the "E" date format character (our Kazakh DATE_FORMAT is "j E Y ж."):
# Kazakh writes them in lower case, "24 тамыз 2019 ж.".
ALT_MONTHS = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]

# Shown by the truncatechars/truncatewords filters and Truncator (charts, feeds).
TRUNCATION = pgettext_lazy("String to return when truncating text", "%(truncated_text)s…")

# Paginator and MultipleObjectMixin: the messages of a 404 for a bad ?page=, and the gap
# in an elided page range.
PAGINATION = [
    gettext_noop("That page number is not an integer"),
    gettext_noop("That page number is less than 1"),
    gettext_noop("That page contains no results"),
    gettext_noop("Page is not “last”, nor can it be converted to an int."),
    gettext_noop("Invalid page (%(page_number)s): %(message)s"),
    gettext_noop("…"),
]

# Errors of the public filter forms (partner directory, search).
FORM_ERRORS = [
    gettext_noop("This field is required."),
    gettext_noop("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_noop("Enter a valid value."),
]
