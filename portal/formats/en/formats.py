# British order, as the portal's English readers in Türkiye and Kazakhstan expect.
DATE_FORMAT = "j F Y"
YEAR_MONTH_FORMAT = "F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
