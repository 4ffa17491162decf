"""Dutch provinces and municipalities (CBS 2025) as SVG paths, and which region a statement names.

The boundaries ship with the package (``data/nl-regions/``, TopoJSON from CBS / Kadaster via
PDOK, simplified by cartomap/nl); nothing is fetched. A choropleth is drawn as plain SVG paths,
so it works in the HTML page, in the PDF and offline.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from impactclaim.resources import resource_dir


def attribution() -> str:
    """The credit the boundaries' source asks for, in the current language."""
    from impactclaim.i18n import _

    return _("CBS / Kadaster via PDOK (2025), simplified by cartomap/nl")
# The schema's province slugs and the CBS codes of 2025.
PROVINCE_CODES = {
    "groningen": "PV20", "friesland": "PV21", "drenthe": "PV22", "overijssel": "PV23", "flevoland": "PV24",
    "gelderland": "PV25", "utrecht": "PV26", "noord-holland": "PV27", "zuid-holland": "PV28", "zeeland": "PV29",
    "noord-brabant": "PV30", "limburg": "PV31",
}
_LATITUDE = math.radians(52.2)  # the middle of the country: lengths east-west are scaled by its cosine


@dataclass(frozen=True)
class Region:
    code: str  # PV26, GM0344
    name: str  # Utrecht, Fryslân
    rings: tuple[tuple[tuple[float, float], ...], ...]  # in the map's coordinates, to a tenth of a unit
    centre: tuple[float, float]

    @property
    def path(self) -> str:
        """The rings as SVG path data."""
        return " ".join("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in ring) + "Z" for ring in self.rings)

    def contains(self, point: tuple[float, float]) -> bool:
        """Whether ``point`` lies inside, by the even-odd rule over every ring (so holes are outside)."""
        x, y = point
        inside = False
        for ring in self.rings:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
                if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                    inside = not inside
        return inside


@dataclass(frozen=True)
class RegionMap:
    kind: str  # "province" or "municipality"
    regions: tuple[Region, ...]
    width: float
    height: float

    def by_code(self) -> dict[str, Region]:
        return {region.code: region for region in self.regions}


def _decoded_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The arcs as lon/lat points: TopoJSON stores them quantized and delta-encoded."""
    (scale_x, scale_y), (shift_x, shift_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: Iterable[int]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])  # consecutive arcs share their end point
    return points


def _project(lon: float, lat: float) -> tuple[float, float]:
    return lon * math.cos(_LATITUDE), -lat


@cache
def region_map(kind: str) -> RegionMap:
    """The provinces or municipalities as SVG paths, 1000 units wide."""
    name = {"province": "provincie_2025", "municipality": "gemeente_2025"}[kind]
    topology = json.loads((resource_dir("data") / "nl-regions" / f"{name}.topojson").read_text(encoding="utf-8"))
    arcs = _decoded_arcs(topology)
    shapes = []
    for geometry in topology["objects"][name]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [[_project(*point) for point in _ring(arcs, ring)] for polygon in polygons for ring in polygon]
        shapes.append((geometry["properties"]["statcode"], geometry["properties"]["statnaam"], rings))
    xs = [x for _, _, rings in shapes for ring in rings for x, _ in ring]
    ys = [y for _, _, rings in shapes for ring in rings for _, y in ring]
    left, top = min(xs), min(ys)
    scale = 1000 / (max(xs) - left)
    regions = []
    for code, label, rings in shapes:
        placed = tuple(tuple((round((x - left) * scale, 1), round((y - top) * scale, 1)) for x, y in ring)
                       for ring in rings)
        outer = max(rings, key=len)
        centre = (sum((x - left) * scale for x, _ in outer) / len(outer),
                  sum((y - top) * scale for _, y in outer) / len(outer))
        regions.append(Region(code, label, placed, centre))
    return RegionMap(kind, tuple(regions), 1000.0, round((max(ys) - top) * scale, 1))


@cache
def province_of_municipality() -> dict[str, str]:
    """The CBS province code of each municipality: the province its centre lies in, else the nearest one."""
    provinces = region_map("province").regions
    found = {}
    for municipality in region_map("municipality").regions:
        home = next((province for province in provinces if province.contains(municipality.centre)), None)
        if home is None:  # a centre in the water (an island municipality)
            home = min(provinces, key=lambda province: (province.centre[0] - municipality.centre[0]) ** 2
                       + (province.centre[1] - municipality.centre[1]) ** 2)
        found[municipality.code] = home.code
    return found


def _folded(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace("'", "").replace("\u2019", ""))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).replace("-", " ").split())


@cache
def _municipality_codes() -> dict[str, str]:
    found = {_folded(region.name): region.code for region in region_map("municipality").regions}
    found.setdefault("den haag", found.get("s gravenhage", ""))  # the common name of 's-Gravenhage
    found.setdefault("den bosch", found.get("s hertogenbosch", ""))
    return found


def province_code(slug: str | None) -> str | None:
    return PROVINCE_CODES.get((slug or "").strip().casefold())


def municipality_code(code: str | None, name: str | None) -> str | None:
    """The CBS code of a municipality: the statement's own code when it is one, else found by its name."""
    if code and code.upper() in region_map("municipality").by_code():
        return code.upper()
    return _municipality_codes().get(_folded(name)) or None if name else None


_SHADES = ("#E8F1F3", "#B9D7DD", "#7FB3BF", "#3F8797", "#0F5766")


def shade(value: float, maximum: float) -> str:
    """The fill of a region: five steps of the brand colour, pale for few, dark for many; grey for none."""
    if value <= 0 or maximum <= 0:
        return "#F2F4F7"
    step = min(len(_SHADES) - 1, math.ceil(value / maximum * len(_SHADES)) - 1)
    return _SHADES[max(0, step)]


def legend(maximum: float) -> Sequence[tuple[str, str]]:
    """(colour, what it stands for) for each step of :func:`shade` that a count up to ``maximum`` can take."""
    if maximum <= 0:
        return []
    steps = len(_SHADES)
    if maximum <= steps:  # few: one step per count
        whole = int(maximum)
        return [(shade(count, maximum), str(count)) for count in range(1, whole + 1)]
    found = []
    for index, colour in enumerate(_SHADES):
        low, high = math.floor(maximum * index / steps) + 1, math.ceil(maximum * (index + 1) / steps)
        found.append((colour, f"{low}–{high}" if high > low else str(high)))
    return found
