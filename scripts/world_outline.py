"""Write the land outline of the partner map, directory/data/land-110m.json.

The outline is Natural Earth's 1:110m land (public domain, "Made with Natural Earth"), read from
the TopoJSON of the npm package world-atlas and turned into one SVG path, already projected with
the map's own equirectangular projection and rounded to a tenth of a unit. The app reads only
the JSON this writes; to regenerate it, from the repository root:

    npm install
    .venv/bin/python -m scripts.world_outline
"""

import json
from pathlib import Path

from directory.charts import LAND_OUTLINE, MAP_HEIGHT, MAP_WIDTH, project

SOURCE = Path("node_modules/world-atlas/land-110m.json")


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Every arc as (longitude, latitude) points: the positions are quantized and delta-encoded."""
    (scale_x, scale_y), (shift_x, shift_y) = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple]:
    """A ring's points, its arcs stitched end to end; a negative index ~i means arc i reversed.

    The ring is left open: its last point, the same as its first, is dropped."""
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points[:-1]


def unwrap(points: list[tuple]) -> list[tuple]:
    """The ring with no jump of 360 degrees: world-atlas joins the rings cut at the antimeridian,
    so a ring may step from 179 to -179. A ring around a pole (Antarctica) is closed by it."""
    unwrapped = [points[0]]
    for longitude, latitude in points[1:]:
        previous = unwrapped[-1][0]
        unwrapped.append((longitude + 360 * round((previous - longitude) / 360), latitude))
    turns = round((unwrapped[-1][0] - unwrapped[0][0]) / 360)
    if turns:
        pole = -90 if sum(latitude for _, latitude in points) < 0 else 90
        unwrapped += [(unwrapped[-1][0], pole), (unwrapped[0][0] + 360 * turns, pole)]
    return unwrapped


def clip(points: list[tuple], edge: float, side: int) -> list[tuple]:
    """The part of a ring where side * (longitude - edge) >= 0 (Sutherland-Hodgman)."""
    kept = []
    for start, end in zip(points[-1:] + points[:-1], points, strict=True):
        start_in, end_in = side * (start[0] - edge) >= 0, side * (end[0] - edge) >= 0
        if start_in != end_in:
            share = (edge - start[0]) / (end[0] - start[0])
            kept.append((edge, start[1] + share * (end[1] - start[1])))
        if end_in:
            kept.append(end)
    return kept


def on_the_map(points: list[tuple]) -> list[list[tuple]]:
    """The ring's pieces between longitudes -180 and 180, a piece past one shifted by 360."""
    points = unwrap(points)
    longitudes = [longitude for longitude, _ in points]
    pieces = []
    for shift in (-360, 0, 360):
        if min(longitudes) + shift < 180 and max(longitudes) + shift > -180:
            shifted = [(longitude + shift, latitude) for longitude, latitude in points]
            pieces.append(clip(clip(shifted, -180, 1), 180, -1))
    return pieces


def number(value: float) -> str:
    return f"{value:g}"


def ring_path(points: list[tuple]) -> str:
    """The ring as an SVG subpath, with the points that round to the same place left out."""
    projected = []
    for longitude, latitude in points:
        point = project(latitude, longitude)
        if not projected or point != projected[-1]:
            projected.append(point)
    if projected[-1] == projected[0]:
        projected.pop()
    if len(projected) < 3:
        return ""
    pairs = " ".join(f"{number(p.x)},{number(p.y)}" for p in projected)
    return f"M{pairs}Z"


def main() -> None:
    topology = json.loads(SOURCE.read_text())
    arcs = decode_arcs(topology)
    polygons = []
    for geometry in topology["objects"]["land"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons.append(geometry["arcs"])
        elif geometry["type"] == "MultiPolygon":
            polygons.extend(geometry["arcs"])
    path = "".join(
        ring_path(piece)
        for polygon in polygons
        for ring in polygon
        for piece in on_the_map(ring_points(ring, arcs))
    )
    outline = {
        "attribution": "Made with Natural Earth (1:110m land, public domain), via world-atlas.",
        "width": MAP_WIDTH,
        "height": MAP_HEIGHT,
        "d": path,
    }
    LAND_OUTLINE.write_text(json.dumps(outline) + "\n")
    print(f"{LAND_OUTLINE}: {LAND_OUTLINE.stat().st_size} bytes")


if __name__ == "__main__":
    main()
