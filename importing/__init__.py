"""Importing lists of sister-city pairs.

`tables` turns a CSV file (its encoding from `decoding`) or a spreadsheet into rows of
text; `columns` names the columns and values in the lists' languages and reads the
operator's mappings; `reading` checks the rows and turns them into pairs of (city,
country), with `countries` (names in any CLDR language to ISO 3166 codes) and `geography`
(coordinates far from their country); `matching` finds the cities already in the database
by any of their names, an alias or their coordinates; `service` plans the import, finds
conflicts and updates, and writes it; `report` words it for the command and the admin.
"""
