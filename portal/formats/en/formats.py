# British order, as the portal's English readers in Türkiye and Kazakhstan expect.
DATE_FORMAT = "j F Y"
YEAR_MONTH_FORMAT = "F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
# Read and shown in the admin in British order, 24/08/2019 (never the American 08/24).
DATE_INPUT_FORMATS = ["%d/%m/%Y"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M:%S.%f", "%d/%m/%Y %H:%M"]
