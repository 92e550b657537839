# Django ships no Kazakh formats; these follow Kazakh usage ("24 тамыз 2019 ж.").
DATE_FORMAT = "j F Y ж."
YEAR_MONTH_FORMAT = "F Y ж."
DATETIME_FORMAT = "j F Y ж., H:i"
SHORT_DATE_FORMAT = "d.m.Y"
