"""The portfolio as one self-contained HTML page, a PDF made from it, or a workbook of its tables."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from typing import Any

from impactclaim.i18n import _, ngettext
from impactclaim.portfolio.compute import Count, Portfolio
from impactclaim.portfolio.regions import attribution, legend, region_map, shade


@dataclass(frozen=True)
class MapRegion:
    path: str
    fill: str
    title: str


@dataclass(frozen=True)
class MapView:
    title: str
    width: float
    height: float
    regions: list[MapRegion]
    borders: list[str]  # province outlines over a municipality map
    legend: list[tuple[str, str]]
    note: str


def _maps(portfolio: Portfolio, labels: Any, formatter: Any) -> list[MapView]:
    provinces, municipalities = region_map("province"), region_map("municipality")
    views = []
    for kind, regions, counts, title in (
            ("province", provinces, portfolio.provinces, _("Enterprises by province")),
            ("municipality", municipalities, portfolio.municipalities, _("Enterprises by municipality"))):
        maximum = max((count for count, _figure in counts.values()), default=0)
        shown = []
        for region in regions.regions:
            count, figure = counts.get(region.code, (0, None))
            tooltip = f"{region.name}: " + ngettext("{count} enterprise", "{count} enterprises", count).format(
                count=formatter.number(count))
            if figure is not None and portfolio.figure is not None:
                tooltip += f"; {formatter.quantity(figure, portfolio.figure.unit)}"
            shown.append(MapRegion(region.path, shade(count, maximum), tooltip))
        note = ""
        if kind == "municipality" and portfolio.unplaced:
            note = ngettext("{count} enterprise names no municipality the map knows.",
                            "{count} enterprises name no municipality the map knows.", portfolio.unplaced).format(
                count=formatter.number(portfolio.unplaced))
        views.append(MapView(title, regions.width, regions.height, shown,
                             [region.path for region in provinces.regions] if kind == "municipality" else [],
                             list(legend(maximum)), note))
    return views


def _label(labels: Any, prefix: str, value: str) -> str:
    return labels.enum(prefix, value) if value not in ("–", "") else "–"


def view(portfolio: Portfolio, language: str, title: str) -> dict[str, Any]:
    """Everything the template shows, formatted and translated."""
    from impactclaim.profile.formatting import Formatter
    from impactclaim.profile.labels import Labels
    from impactclaim.profile.sdg import goal

    labels = Labels(language)
    formatter = Formatter(labels)
    province_names = {region.code: region.name for region in region_map("province").regions}

    def group_name(key: str) -> str:
        if portfolio.group_by == "province":
            return province_names.get(key, "–")
        if portfolio.group_by == "impact-area":
            return _label(labels, "impact_area", key)
        if portfolio.group_by == "legal-form":
            return _label(labels, "legal_form", key)
        if portfolio.group_by == "sdg" and key.isdigit():
            return f"{key}. {goal(int(key), language).name}"
        return key

    def counts(name: str, prefix: str | None = None) -> list[tuple[str, int]]:
        items: list[Count] = portfolio.breakdowns.get(name, [])
        return [(_label(labels, prefix, item.key) if prefix else item.key, item.enterprises) for item in items]

    sdg_goals = [(f"{item.key}. {goal(int(item.key), language).name}" if item.key.isdigit() else item.key,
                  item.enterprises) for item in portfolio.breakdowns.get("sdg_goal", [])]
    verified = (portfolio.verified_claims / portfolio.claims) if portfolio.claims else None
    return {
        "title": title, "language": language, "portfolio": portfolio, "labels": labels, "f": formatter,
        "maps": _maps(portfolio, labels, formatter), "attribution": attribution(),
        "group_name": group_name, "group_by_label": {
            "province": _("Province"), "municipality": _("Municipality"), "impact-area": _("Impact area"),
            "sdg": _("SDG goal"), "legal-form": _("Legal form")}[portfolio.group_by],
        "verified_share": verified,
        "enterprise_count": len({enterprise.kvk or enterprise.statement_key for enterprise in portfolio.enterprises}),
        "breakdowns": [
            (_("Impact areas"), _("enterprises"), counts("impact_area", "impact_area")),
            (_("SDG goals"), _("enterprises"), sdg_goals),
            (_("SDG targets"), _("enterprises"), counts("sdg_target")[:12]),
            (_("ABC classification"), _("enterprises"), counts("abc", "abc")),
            (_("Legal form"), _("enterprises"), counts("legal_form", "legal_form")),
            (_("Assurance"), _("enterprises"), counts("assurance", "assurance")),
            (_("Evidence level of outcomes"), _("outcomes"), counts("evidence_level", "evidence_level")),
            (_("Substantiation of claims"), _("claims"), counts("substantiation", "claim_status")),
        ],
        "province_name": lambda code: province_names.get(code, code),
        "population": {"unique-persons": _("each person counted once"), "contacts": _("contacts (visits, sessions)"),
                       "organisations": _("organisations"), "other": _("another population"),
                       "": _("population not stated")},
        "filters": ", ".join(f"{name} = {value}" for name, value in portfolio.filters),
    }


@cache
def _environment() -> Any:
    """The sandboxed, autoescaping environment of the portfolio, compare and feedback pages, made once."""
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from impactclaim.resources import resource_dir

    return ImmutableSandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(resource_dir("portfolio"))), autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@cache
def _fonts() -> Any:
    from markupsafe import Markup

    from impactclaim.profile.html import font_face_css

    # The package's own @font-face rules (data: URIs): CSS that must not be escaped, read once per process.
    return Markup(font_face_css())


def render_page(template: str, **context: Any) -> str:
    """One of the pages in ``portfolio/`` with ``context``, the current language's words and the fonts."""
    page: str = _environment().get_template(template).render(**context, _=_, ngettext=ngettext, fonts=_fonts())
    return page


def render_html(portfolio: Portfolio, language: str, title: str) -> str:
    return render_page("portfolio.html.j2", **view(portfolio, language, title))


def render_pdf(html: str) -> bytes:
    """The page as a PDF, laid out by WeasyPrint, which fetches nothing but data: URIs."""
    from impactclaim.profile.pdf import FetchLog, _font_configuration, data_only_fetcher, import_weasyprint

    weasyprint = import_weasyprint()
    document = weasyprint.HTML(string=html, url_fetcher=data_only_fetcher(FetchLog()), base_url=None)
    pdf: bytes = document.write_pdf(font_config=_font_configuration(), uncompressed_pdf=False)
    return pdf


def render_xlsx(portfolio: Portfolio, language: str) -> bytes:
    """The portfolio's tables, one sheet each, text cells defused as in the export."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from impactclaim.dataset.writers import _fixed_zip_times, defused

    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])

    def sheet(name: str, header: list[str], rows: list[list[Any]]) -> None:
        page = workbook.create_sheet(name[:31])
        page.append(header)
        for cell in page[1]:
            cell.font = Font(bold=True)
        for row in rows:
            page.append([defused(value) if isinstance(value, str) else value for value in row])
        page.freeze_panes = "A2"

    p = portfolio
    sheet(_("Enterprises"), [_("Enterprise"), _("KvK number"), _("Period"), _("Province"), _("Municipality"),
                              _("Completeness"), _("Claims"), _("Outcomes"), _("Negative outcomes"), _("Warnings")],
          [[e.name, e.kvk, e.period, e.province, e.municipality, e.completeness, e.claims, e.outcomes, e.negative,
            e.warnings] for e in p.enterprises])
    sheet(_("Metrics"), [_("Metric"), _("Name"), _("Unit"), _("Year"), _("Total"), _("Enterprises"),
                          _("Enterprises without it")],
          [[m.identifier, m.name, m.unit, m.year, m.total, m.enterprises, "; ".join(m.missing)] for m in p.metrics])
    sheet(_("Groups"), [p.group_by, _("Enterprises"), _("Statements"), _("Claims"), _("Verified share"),
                         _("Positive outcomes"), _("Negative outcomes"), _("Completeness")],
          [[g.key, g.enterprises, g.statements, g.claims, g.verified_share, g.positive, g.negative, g.completeness]
           for g in p.groups])
    sheet(_("Breakdowns"), [_("Breakdown"), _("Value"), _("Count")],
          [[name, item.key, item.enterprises] for name, items in p.breakdowns.items() for item in items])
    sheet(_("Negative outcomes"), [_("Enterprise"), _("Outcome"), _("Stakeholder")],
          [[n.enterprise, n.outcome, n.stakeholder] for n in p.negative_outcomes])
    sheet(_("Flags"), [_("Flag"), _("Enterprise"), _("KvK number"), _("Detail")],
          [[f.kind, f.enterprise, f.kvk, f.detail] for f in p.flags])
    sheet(_("Year on year"), [_("Enterprise"), _("Metric"), _("Unit"), _("Earlier year"), _("Earlier"),
                               _("Later year"), _("Later")],
          [[c.enterprise, c.metric, c.unit, c.earlier_year, c.earlier, c.later_year, c.later] for c in p.changes])
    sheet(_("Not included"), [_("File"), _("Organisation"), _("Status"), _("Errors")],
          [[r.source_path, r.name, r.status, r.errors] for r in p.rejected])
    sheet(_("Findings"), [_("Code"), _("Statements"), _("Severity")],
          [[item.key, item.enterprises, item.detail] for item in p.findings])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _fixed_zip_times(buffer.getvalue())
