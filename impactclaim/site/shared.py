"""The site's shared pages: index and search data, region pages, open data, status, sitemap, feed, assets.

The search works without a server and from ``file://``: the index page loads ``catalogue.js``
(one compact row per enterprise, with its facets as numbers into value lists) by a ``<script>``
element, and the words of the full-text search are split into small files by their first two
letters (``search/fi.js``), which search.js adds as ``<script>`` elements only when a query
needs them. A browser does not allow fetch() or XHR from ``file://``, and Pagefind relies on
both, which is why the site does not use it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from impactclaim import __version__, i18n
from impactclaim.portfolio.regions import province_of_municipality
from impactclaim.site.build import Cache, Enterprise, SiteOptions, display_name, write_if_changed
from impactclaim.site.pages import LANGUAGE_NAMES, PageInfo, country_map, province_map, render, script_json
from impactclaim.site.records import STATUSES, Record

FACETS = ("province", "municipality", "area", "sdg", "form", "label", "pso", "assurance", "evidence", "status")
MANY_VALUED = frozenset({"area", "sdg", "label"})
OPEN_DATA_FORMATS = (("parquet", "parquet"), ("csv", "csv"), ("json", "json"))


def _facet_labels(language: str, values: dict[str, set[str]], municipality_names: dict[str, str],
                  province_names: dict[str, str]) -> dict[str, list[list[str]]]:
    """Each facet's values as (value, label) in ``language``, in the order the filter lists them."""
    from impactclaim.profile.labels import Labels
    from impactclaim.profile.sdg import goal
    from impactclaim.site.pages import status_text

    labels = Labels(language)

    def enum(prefix: str) -> Any:
        return lambda value: labels.enum(prefix, value)

    namers: dict[str, Any] = {
        "province": lambda code: province_names.get(code, code),
        "municipality": lambda code: municipality_names.get(code, code),
        "area": enum("impact_area"), "form": enum("legal_form"), "assurance": enum("assurance"),
        "evidence": enum("evidence_level"),
        "sdg": lambda number: f"{number}. {goal(int(number), language).name}",
        "label": lambda value: labels.enum("membership", value) if value.islower() and " " not in value else value,
        "pso": lambda value: value, "status": status_text,
    }
    found = {}
    for facet in FACETS:
        named = [[value, str(namers[facet](value))] for value in values[facet]]
        if facet == "sdg":
            named.sort(key=lambda pair: int(pair[0]))
        elif facet == "status":
            named.sort(key=lambda pair: STATUSES.index(pair[0]))
        else:
            named.sort(key=lambda pair: pair[1].casefold())
        if facet == "municipality":  # with its province, so the filter can offer only the chosen province's
            for pair in named:
                pair.append(province_of_municipality().get(pair[0], ""))
        found[facet] = named
    return found


def _facet_values(record: Record) -> dict[str, list[str]]:
    return {
        "province": [record.province_code] if record.province_code else [],
        "municipality": [record.municipality_code] if record.municipality_code else [],
        "area": list(record.impact_areas), "sdg": [str(goal) for goal in record.sdg_goals],
        "form": [record.legal_form] if record.legal_form else [], "label": list(record.labels),
        "pso": [record.pso_level] if record.pso_level else [],
        "assurance": [record.assurance] if record.assurance else [],
        "evidence": [str(record.evidence_level)] if record.evidence_level else [], "status": [record.status],
    }


def catalogue(enterprises: Sequence[Enterprise], language: str, municipality_names: dict[str, str],
              province_names: dict[str, str]) -> dict[str, Any]:
    """The first thing the search downloads: facets and one compact row per enterprise.

    A row is [folder, name, year, then per facet the number of its value (-1: none), or a list of
    numbers for a facet that can hold several]; a number indexes the facet's value list, so a label is
    written once, not once per enterprise. At 10,000 enterprises this keeps the file under 1 MB.
    """
    values: dict[str, set[str]] = {facet: set() for facet in FACETS}
    per_enterprise = []
    for enterprise in enterprises:
        facets = _facet_values(enterprise.current)
        per_enterprise.append(facets)
        for facet, found in facets.items():
            values[facet].update(found)
    labelled = _facet_labels(language, values, municipality_names, province_names)
    position = {facet: {pair[0]: index for index, pair in enumerate(pairs)} for facet, pairs in labelled.items()}
    rows = []
    for enterprise, chosen in zip(enterprises, per_enterprise, strict=True):
        record = enterprise.current
        row: list[Any] = [enterprise.slug, display_name(record), int(record.year or 0)]
        for facet in FACETS:
            numbers = [position[facet][value] for value in chosen[facet]]
            row.append(numbers if facet in MANY_VALUED else (numbers[0] if numbers else -1))
        rows.append(row)
    return {"facets": [[facet, labelled[facet]] for facet in FACETS], "rows": rows}


def search_shards(enterprises: Sequence[Enterprise]) -> dict[str, dict[str, list[int]]]:
    """The full-text index: word -> enterprise numbers, split by the word's first two letters."""
    shards: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for number, enterprise in enumerate(enterprises):
        for word in sorted(enterprise.current.words):
            shards[word[:2]][word].append(number)
    return {prefix: dict(sorted(words.items())) for prefix, words in sorted(shards.items())}


def write_shared(out: Path, enterprises: Sequence[Enterprise], records: Sequence[Record], options: SiteOptions,
                 cache: Cache, now: str, province_names: dict[str, str]) -> dict[str, bool]:
    """Every shared output, written where its bytes changed: {relative path: whether it was written}."""
    from impactclaim.portfolio.regions import region_map
    from impactclaim.resources import resource_dir

    outputs: dict[str, bool] = {}

    def put(relative: str, content: bytes | str) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        outputs[relative] = write_if_changed(out / relative, data)

    # Assets: the site's style and script, the profile's style and the fonts it names.
    assets = resource_dir("site") / "assets"
    put("assets/search.js", (assets / "search.js").read_bytes())
    put("assets/site.css", _font_faces() + (assets / "site.css").read_text(encoding="utf-8"))
    put("assets/profile.css", _profile_css())
    fonts = resource_dir("data") / "fonts"
    for font in sorted(fonts.glob("*.woff2")):
        put(f"assets/fonts/{font.name}", font.read_bytes())
    put("assets/fonts/OFL.txt", (fonts / "OFL.txt").read_bytes())

    municipality_names = {region.code: region.name for region in region_map("municipality").regions}
    shards = search_shards(enterprises)
    for prefix, words in shards.items():
        put(f"search/{prefix}.js", f"impactclaimShard({json.dumps(prefix)}, {script_json(words)});\n")
    by_province: dict[str, list[Enterprise]] = defaultdict(list)
    by_municipality: dict[str, list[Enterprise]] = defaultdict(list)
    for enterprise in enterprises:
        record = enterprise.current
        if record.province_code:
            by_province[record.province_code].append(enterprise)
        if record.municipality_code:
            by_municipality[record.municipality_code].append(enterprise)
    municipality_counts = {code: len(members) for code, members in by_municipality.items()}
    province_counts = {code: len(members) for code, members in by_province.items()}
    counts = {status: sum(1 for record in records if record.status == status) for status in STATUSES}
    _open_data(out, records, options, put, outputs)
    downloads = _data_files(out)
    for language in options.languages:
        with i18n.using(language):
            data = catalogue(enterprises, language, municipality_names, province_names)
            data["shards"] = sorted(shards)  # the word files that exist: no request for one that does not
            put(f"{language}/catalogue.js", f"window.IMPACTCLAIM_CATALOGUE = {script_json(data)};\n")
            title = options.title_in(language)
            page = PageInfo(language, f"{language}/index.html", title, title, options.languages, options.base_url)
            put(page.path, render("index.html.j2", page, counts=counts, total=len(records),
                                  enterprises=len(enterprises),
                                  map=country_map(province_counts, "province/{code}.html"),
                                  provinces=sorted(((code, name, province_counts.get(code, 0))
                                                    for code, name in province_names.items()),
                                                   key=lambda item: item[1])))
            for code, name in province_names.items():
                members = by_province.get(code, [])
                page = PageInfo(language, f"{language}/province/{code}.html", name, options.title_in(language),
                                options.languages, options.base_url)
                municipalities = sorted(((m, municipality_names[m], municipality_counts[m])
                                         for m in municipality_counts if province_of_municipality().get(m) == code),
                                        key=lambda item: item[1])
                put(page.path, render("region.html.j2", page, kind="province", name=name,
                                      map=province_map(code, municipality_counts, None, "../municipality/{code}.html"),
                                      members=members, municipalities=municipalities, province=None))
            for code, members in by_municipality.items():
                province = province_of_municipality().get(code)
                page = PageInfo(language, f"{language}/municipality/{code}.html", municipality_names[code],
                                options.title_in(language), options.languages, options.base_url)
                put(page.path, render("region.html.j2", page, kind="municipality", name=municipality_names[code],
                                      map=province_map(province, municipality_counts, code, "{code}.html")
                                      if province else None,
                                      members=members, municipalities=[],
                                      province=(province, province_names[province]) if province else None))
            page = PageInfo(language, f"{language}/status.html", i18n._("Status of every statement"),
                            options.title_in(language), options.languages, options.base_url, noindex=True)
            put(page.path, render("status.html.j2", page, rows=_status_rows(enterprises), counts=counts,
                                  changed=cache.changed))
            page = PageInfo(language, f"{language}/data.html", i18n._("Open data"), options.title_in(language),
                            options.languages, options.base_url)
            put(page.path, render("data.html.j2", page, formats=OPEN_DATA_FORMATS, tables=_table_names(),
                                  downloads=downloads, schemas=_schema_versions(), total=len(records)))
    put("index.html", _language_choice(options))
    put("robots.txt", _robots(options))
    if options.base_url:
        regions = [f"province/{code}.html" for code in sorted(province_names)]
        regions += [f"municipality/{code}.html" for code in sorted(by_municipality)]
        put("sitemap.xml", _sitemap(enterprises, options, regions))
        put("atom.xml", _atom(enterprises, options, cache.changed, now))
    return outputs


def _font_faces() -> str:
    """The fonts as files in assets/fonts, not as data: URIs in every page (both stylesheets sit in assets/)."""
    from impactclaim.profile.html import font_faces

    return font_faces(lambda filename: f"fonts/{filename}")


def _profile_css() -> str:
    from impactclaim.profile.html import builtin_stylesheet

    return _font_faces() + builtin_stylesheet()


def _status_rows(enterprises: Sequence[Enterprise]) -> list[tuple[Any, ...]]:
    rows = []
    for enterprise in enterprises:
        for entry in enterprise.entries:
            rows.append((entry, display_name(entry.record)))
    rows.sort(key=lambda row: (STATUSES.index(row[0].record.status) * -1, row[1].casefold()))
    return rows


def _table_names() -> list[str]:
    from impactclaim.dataset.tables import TABLES

    return [table.name for table in TABLES]


def _schema_versions() -> list[str]:
    from impactclaim.schema import supported_versions

    return list(supported_versions())


def _open_data(out: Path, records: Sequence[Record], options: SiteOptions, put: Any,
               outputs: dict[str, bool]) -> None:
    """The export's tables in Parquet, CSV and JSON lines, its dictionary and the schemas.

    Written again only when the set of statements changed: the key of the last dataset is kept
    in ``data/.key``.
    """
    from impactclaim.dataset.dictionary import write_dictionary
    from impactclaim.dataset.tables import TABLES
    from impactclaim.dataset.writers import table_writer
    from impactclaim.resources import resource_dir

    folder = out / "data"
    key = hashlib.sha256(json.dumps([[record.path, record.digest] for record in records]).encode()).hexdigest()
    marker = folder / ".key"
    previous = marker.read_text(encoding="utf-8") if marker.is_file() else ""
    rewritten = previous != key or not folder.is_dir()
    if rewritten:
        for name, _ in OPEN_DATA_FORMATS:
            target = folder / name
            if target.is_dir():
                shutil.rmtree(target)
            for table in TABLES:
                writer = table_writer(table, target / table.name, name, (1, 1))
                try:
                    for record in records:
                        writer.add(record.rows.get(table.name, []))
                    writer.close()
                except BaseException:
                    writer.discard()
                    raise
        write_dictionary(folder / "dictionary", options.languages[0])
        marker.write_text(key, encoding="utf-8")
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            outputs.setdefault(str(path.relative_to(out)), rewritten)
    for version in _schema_versions():
        schema = resource_dir("schemas") / version / "statement.schema.json"
        put(f"data/schema/{version}/statement.schema.json", schema.read_bytes())


def _data_files(out: Path) -> dict[str, dict[str, list[tuple[str, str]]]]:
    """Per table and format, the files to download as (label, path from the site root).

    A static host seldom lists a folder, so the data page links every file; a Parquet file is
    labelled by its reporting year.
    """
    found: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for name, _ in OPEN_DATA_FORMATS:
        for path in sorted((out / "data" / name).rglob("*")):
            if not path.is_file():
                continue
            table = path.relative_to(out / "data" / name).parts[0]
            year = path.parent.name.removeprefix("reporting_year=") if path.parent.name.startswith("reporting_year=") \
                else ""
            label = "" if year == "__HIVE_DEFAULT_PARTITION__" else (year or path.suffix.lstrip("."))  # "": no year
            found[table][name].append((label, str(path.relative_to(out))))
    return found


def _language_choice(options: SiteOptions) -> str:
    first = options.languages[0]
    title = options.title_in(first)
    links = "".join(f'<li><a href="{language}/index.html" hreflang="{language}" lang="{language}">'
                    f'{escape(LANGUAGE_NAMES[language])}</a></li>'
                    for language in options.languages)
    return ("<!DOCTYPE html>\n"
            f'<html lang="{first}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'self\'">'
            f'<meta http-equiv="refresh" content="0; url={first}/index.html">'
            f"<title>{escape(title)}</title>"
            '<link rel="stylesheet" href="assets/site.css"></head>'
            f'<body><main class="site-main"><h1>{escape(title)}</h1><ul>{links}</ul></main></body></html>\n')


def _robots(options: SiteOptions) -> str:
    lines = ["User-agent: *", "Allow: /", "Disallow: /.impactclaim/"]
    if options.base_url:
        lines.append(f"Sitemap: {options.base_url}/sitemap.xml")
    return "\n".join(lines) + "\n"


def _indexable_pages(enterprises: Iterable[Enterprise], language: str) -> Iterable[tuple[str, Record]]:
    for enterprise in enterprises:
        for entry in enterprise.entries:
            if entry.record.indexable:
                yield entry.page(language), entry.record


def _sitemap(enterprises: Sequence[Enterprise], options: SiteOptions, regions: Sequence[str]) -> str:
    """Every indexable page: the indexes, data pages, regions and valid statements; drafts and errors never."""
    base = options.base_url
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for language in options.languages:
        pages = [f"{language}/index.html", f"{language}/data.html", *(f"{language}/{page}" for page in regions)]
        pages += [page for page, _ in _indexable_pages(enterprises, language)]
        for page in pages:
            lines.append(f"  <url><loc>{escape(f'{base}/{page}')}</loc></url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _atom(enterprises: Sequence[Enterprise], options: SiteOptions, changed: dict[str, str], now: str) -> str:
    """The newest and most recently changed valid profiles, newest first (at most 100)."""
    base, language = options.base_url, options.languages[0]
    entries = []
    for enterprise in enterprises:
        for entry in enterprise.entries:
            record = entry.record
            if record.indexable:
                entries.append((changed.get(record.path, now), entry))
    entries.sort(key=lambda item: (item[0], item[1].slug), reverse=True)
    updated = entries[0][0] if entries else now
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<feed xmlns="http://www.w3.org/2005/Atom">',
             f"  <title>{escape(options.title_in(language))}</title>",
             f"  <id>{escape(base or '')}/atom.xml</id>",
             f'  <link rel="self" href={quoteattr(f"{base}/atom.xml")}/>',
             f'  <link href={quoteattr(f"{base}/{language}/index.html")}/>',
             f"  <updated>{updated}</updated>",
             f'  <generator version="{escape(__version__)}">impactclaim</generator>']
    for when, entry in entries[:100]:
        record = entry.record
        url = f"{base}/{entry.page(language)}"
        lines += ["  <entry>",
                  f"    <title>{escape(display_name(record))} {escape(record.period_label)}</title>",
                  f"    <id>{escape(url)}#{record.statement_key}</id>",
                  f"    <link href={quoteattr(url)}/>",
                  f"    <updated>{when}</updated>",
                  f"    <author><name>{escape(display_name(record))}</name></author>",
                  f"    <summary>{escape(record.mission[:500])}</summary>",
                  "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"
