"""A small position map: cities as dots on a latitude/longitude grid, in inline SVG.

No tile server and no coastline data: the grid, the dots and the lines between sister
cities say where the city lies and how far its partners are, which is what a reader needs.
The projection is equirectangular, with longitude scaled by the cosine of the mid latitude
so that distances look right at the latitudes drawn.
"""

import math

WIDTH, HEIGHT, MARGIN = 320, 200, 24
GRID_STEP = 10  # degrees between grid lines
MIN_SPAN = 12  # degrees shown around a lone city


def _bounds(points):
    lats = [lat for lat, _ in points]
    lons = [lon for _, lon in points]
    mid_lat, mid_lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    scale = max(math.cos(math.radians(mid_lat)), 0.2)
    half_lat = max(max(lats) - min(lats), MIN_SPAN) / 2 * 1.2
    half_lon = max(max(lons) - min(lons), MIN_SPAN / scale) / 2 * 1.2
    # Keep the drawing's aspect ratio: widen whichever span is too narrow.
    inner_ratio = (WIDTH - 2 * MARGIN) / (HEIGHT - 2 * MARGIN)
    if half_lon * scale / half_lat < inner_ratio:
        half_lon = half_lat * inner_ratio / scale
    else:
        half_lat = half_lon * scale / inner_ratio
    return mid_lat - half_lat, mid_lat + half_lat, mid_lon - half_lon, mid_lon + half_lon


def position_map_context(city, others=()):
    cities = [c for c in [city, *others] if c.latitude is not None and c.longitude is not None]
    if not cities or cities[0] is not city:
        return {"has_map": False}
    points = [(float(c.latitude), float(c.longitude)) for c in cities]
    south, north, west, east = _bounds(points)

    def x(lon):
        return round(MARGIN + (lon - west) / (east - west) * (WIDTH - 2 * MARGIN), 1)

    def y(lat):
        return round(MARGIN + (north - lat) / (north - south) * (HEIGHT - 2 * MARGIN), 1)

    def grid(low, high):
        first = math.ceil(low / GRID_STEP) * GRID_STEP
        return range(first, math.floor(high) + 1, GRID_STEP)

    dots = [
        {"city": c, "x": x(lon), "y": y(lat), "main": c is city}
        for c, (lat, lon) in zip(cities, points, strict=True)
    ]
    return {
        "has_map": True,
        "width": WIDTH,
        "height": HEIGHT,
        "dots": dots,
        "main": dots[0],
        "meridians": [
            {"x": x(lon), "label": f"{abs(lon)}°{'E' if lon >= 0 else 'W'}"}
            for lon in grid(west, east)
        ],
        "parallels": [
            {"y": y(lat), "label": f"{abs(lat)}°{'N' if lat >= 0 else 'S'}"}
            for lat in grid(south, north)
        ],
    }
