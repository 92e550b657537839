# Django's Turkish formats write the day with a leading zero ("05 Ağustos 2019"); Turkish
# style writes "5 Ağustos 2019". Everything not set here comes from Django's tr formats.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
MONTH_DAY_FORMAT = "j F"
# Turkish writes 24.08.2019 (Django's tr formats read and show 24/08/2019). The first
# input format is the one the admin shows a date in; ISO 8601 is always read as well.
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d/%m/%Y"]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M:%S.%f",
    "%d.%m.%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
]
