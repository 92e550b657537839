# Django ships no Kazakh formats; these follow Kazakh usage ("24 тамыз 2019 ж.").
# Kazakh writes month names in lower case, in a date as in running text. "E" takes the
# month from the "alt. month" gettext context, which locale/kk gives in lower case
# (Django's own kk catalogue capitalises them, as it does for "F").
DATE_FORMAT = "j E Y ж."
YEAR_MONTH_FORMAT = "E Y ж."
MONTH_DAY_FORMAT = "j E"
DATETIME_FORMAT = "j E Y ж., H:i"
SHORT_DATE_FORMAT = "d.m.Y"
# Kazakh writes 43,8552 and 1 000 000, as Russian does.
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
# Read and shown in the admin as 24.08.2019; ISO 8601 is always read as well.
DATE_INPUT_FORMATS = ["%d.%m.%Y"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M:%S.%f", "%d.%m.%Y %H:%M"]
