# Django's Turkish formats write the day with a leading zero ("05 Ağustos 2019"); Turkish
# style writes "5 Ağustos 2019". Everything not set here comes from Django's tr formats.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y H:i"
MONTH_DAY_FORMAT = "j F"
