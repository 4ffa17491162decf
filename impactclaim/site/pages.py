"""The site's pages: one per enterprise (around the profile), the index, the regions, open data and status.

Every page is rendered by a sandboxed, autoescaping Jinja2 environment; statement text only ever
arrives as data. JSON inside a page (JSON-LD) is written with ``<``, ``>`` and ``&`` escaped, so
no text can end its ``<script>`` element.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from markupsafe import Markup

from impactclaim import __version__
from impactclaim.i18n import _, ngettext
from impactclaim.site.records import Record

# No request leaves a page: scripts, styles, fonts and images only from the site itself (or data: URIs).
CONTENT_SECURITY_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; font-src 'self' data:; base-uri 'none'; form-action 'none'")
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}
_JSON_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_json(value: Any) -> Markup:
    """``value`` as JSON that is safe inside a ``<script>`` element: no ``</script>`` or ``<!--`` can form."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(re.sub("[<>&\u2028\u2029]", lambda match: _JSON_UNSAFE[match.group()], text))


@dataclass(frozen=True)
class PageInfo:
    """Where a page sits in the site: its language, the way back to the root, its other-language twins."""

    language: str
    path: str  # relative to the site root, e.g. "nl/e/12345678/index.html"
    title: str
    site_title: str
    languages: tuple[str, ...]
    base_url: str | None = None
    noindex: bool = False
    description: str = ""

    @property
    def root(self) -> str:
        """The relative way from this page to the site root ("" or "../../")."""
        return "../" * self.path.count("/")

    @property
    def home(self) -> str:
        return f"{self.root}{self.language}/index.html"

    def in_language(self, language: str) -> str:
        """The same page in ``language``, relative to this page."""
        return self.root + language + self.path[len(self.language):]

    @property
    def alternates(self) -> list[tuple[str, str, str]]:
        """(language, its name, relative link) for every language of the site."""
        return [(language, LANGUAGE_NAMES[language], self.in_language(language)) for language in self.languages]

    @property
    def canonical(self) -> str | None:
        return f"{self.base_url}/{self.path}" if self.base_url else None

    def absolute(self, language: str) -> str | None:
        return f"{self.base_url}/{language}{self.path[len(self.language):]}" if self.base_url else None


@cache
def environment() -> Any:
    """The sandboxed environment of the site's pages; the profile's templates are reachable as builtin/."""
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from impactclaim.profile.html import BUILTIN_PREFIX, class_name, css_string
    from impactclaim.resources import resource_dir

    builtin = jinja2.FileSystemLoader(str(resource_dir("templates")))
    env = ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(resource_dir("site") / "templates")),
                                    jinja2.PrefixLoader({BUILTIN_PREFIX: builtin}), builtin]),
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["css_string"] = css_string
    env.filters["class_name"] = class_name
    env.filters["script_json"] = script_json
    return env


def render(template: str, page: PageInfo, **context: Any) -> str:
    """One page of the site in ``page.language`` (the caller has chosen the language of messages)."""
    html: str = environment().get_template(template).render(
        page=page, csp=CONTENT_SECURITY_POLICY, tool_version=__version__, _=_, ngettext=ngettext,
        status_text=status_text, **context)
    return html


def status_text(status: str) -> str:
    return {"valid": _("Valid"), "draft": _("Draft (not published)"), "invalid": _("Has errors"),
            "unreadable": _("Cannot be read")}[status]


# --- maps ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MapShape:
    path: str
    fill: str
    title: str
    href: str = ""
    current: bool = False


@dataclass(frozen=True)
class RegionMapView:
    title: str
    view_box: str
    shapes: list[MapShape] = field(default_factory=list)
    outline: str = ""


def _view_box(rings: Sequence[Sequence[tuple[float, float]]], margin: float = 8.0) -> str:
    points = [point for ring in rings for point in ring]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    left, top = min(xs) - margin, min(ys) - margin
    return f"{left:.1f} {top:.1f} {max(xs) - left + margin:.1f} {max(ys) - top + margin:.1f}"


def province_map(province: str, counts: dict[str, int], current: str | None, link: str) -> RegionMapView:
    """The municipalities of ``province``, shaded by their number of enterprises, cropped to the province.

    ``current`` is the municipality to mark; ``link`` is a format string for a municipality's page.
    """
    from impactclaim.portfolio.regions import province_of_municipality, region_map, shade

    within = [region for region in region_map("municipality").regions
              if province_of_municipality().get(region.code) == province]
    home = region_map("province").by_code()[province]
    maximum = max((counts.get(region.code, 0) for region in within), default=0)
    shapes = []
    for region in within:
        count = counts.get(region.code, 0)
        title = f"{region.name}: " + ngettext("{count} enterprise", "{count} enterprises", count).format(count=count)
        shapes.append(MapShape(region.path, shade(count, maximum), title,
                               link.format(code=region.code) if count else "", region.code == current))
    shapes.sort(key=lambda shape: shape.current)  # the marked municipality last, so no neighbour covers its edge
    title = _("Enterprises by municipality")
    return RegionMapView(title, _view_box(home.rings), shapes, home.path)


def country_map(counts: dict[str, int], link: str) -> RegionMapView:
    """The provinces, shaded by their number of enterprises, each linking to its page."""
    from impactclaim.portfolio.regions import region_map, shade

    provinces = region_map("province")
    maximum = max(counts.values(), default=0)
    shapes = []
    for region in provinces.regions:
        count = counts.get(region.code, 0)
        title = f"{region.name}: " + ngettext("{count} enterprise", "{count} enterprises", count).format(count=count)
        shapes.append(MapShape(region.path, shade(count, maximum), title, link.format(code=region.code)))
    return RegionMapView(_("Enterprises by province"), f"0 0 {provinces.width} {provinces.height}", shapes)


# --- structured data ----------------------------------------------------------------------------

def organisation_json_ld(record: Record, province_name: str | None, page_url: str | None) -> dict[str, Any]:
    """schema.org Organization of one enterprise, with its KvK number as identifier."""
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Organization", "name": record.name}
    if record.kvk:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "KvK", "value": record.kvk}
    if record.mission:
        data["description"] = record.mission
    if record.website:
        data["sameAs"] = record.website
    if page_url:
        data["url"] = page_url
    address = {"@type": "PostalAddress", "addressCountry": "NL"}
    if record.municipality:
        address["addressLocality"] = record.municipality
    if province_name:
        address["addressRegion"] = province_name
    data["address"] = address
    return data
