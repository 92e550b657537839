"""Importing lists of sister-city pairs.

`reading` checks a file and turns its rows into pairs of (city, country); `countries` maps
English country names to ISO 3166 codes; `matching` finds the cities already in the
database by any of their names; `service` plans the import, reports it and writes it.
"""
