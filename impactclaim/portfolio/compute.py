"""What a portfolio's statements say together, computed with DuckDB over the exported dataset.

Only like is added to like: a total is over one metric (the same IRIS+ id, else the same VSME
reference), one unit and one reporting year, and says how many enterprises it covers and which
enterprises of the portfolio it leaves out (Impact Frontiers reporting norms). Negative effects
are counted beside positive ones. Statements with errors are counted and listed, never used as data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from impactclaim.i18n import _

GROUPINGS = ("province", "municipality", "impact-area", "sdg", "legal-form")
FILTER_FIELDS = ("province", "municipality", "legal-form", "impact-area", "sdg", "abc", "year", "kvk")


class PortfolioError(ValueError):
    """A --where or --group-by the portfolio cannot apply."""


@dataclass(frozen=True)
class Count:
    key: str
    enterprises: int
    detail: str = ""


@dataclass(frozen=True)
class Group:
    key: str
    enterprises: int
    statements: int
    claims: int
    verified_share: float | None
    positive: int
    negative: int
    completeness: float | None


@dataclass(frozen=True)
class MetricTotal:
    """One metric over the portfolio: a sum where values add up, else the median and the range."""

    identifier: str  # IRIS+ OI8869 or VSME B8
    name: str  # the most common name the enterprises give it
    unit: str
    year: int | None
    total: float  # the sum when ``additive``, else the median
    enterprises: int
    missing: tuple[str, ...]  # enterprises of the portfolio that do not report it for that year
    additive: bool = True
    low: float = 0.0
    high: float = 0.0
    population: str = ""  # what a count counts: unique-persons and contacts are never added together


@dataclass(frozen=True)
class Enterprise:
    statement_key: str
    name: str
    kvk: str
    period: str
    year: int | None
    province: str
    municipality: str
    completeness: float | None
    claims: int
    outcomes: int
    negative: int
    errors: int
    warnings: int


@dataclass(frozen=True)
class Flag:
    kind: str  # duplicate, period
    enterprise: str
    kvk: str
    detail: str


@dataclass(frozen=True)
class Change:
    enterprise: str
    metric: str
    unit: str
    earlier_year: int
    earlier: float
    later_year: int
    later: float


@dataclass(frozen=True)
class NegativeOutcome:
    enterprise: str
    outcome: str
    stakeholder: str


@dataclass(frozen=True)
class Rejected:
    source_path: str
    name: str
    status: str
    errors: int


@dataclass
class Portfolio:
    statements: int = 0
    valid: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    enterprises: list[Enterprise] = field(default_factory=list)
    provinces: dict[str, tuple[int, float | None]] = field(default_factory=dict)  # code: (enterprises, figure)
    municipalities: dict[str, tuple[int, float | None]] = field(default_factory=dict)
    unplaced: int = 0  # enterprises whose municipality is not known
    figure: MetricTotal | None = None  # the figure the maps show beside the counts, when chosen
    figure_identifier: str = ""
    groups: list[Group] = field(default_factory=list)
    group_by: str = "province"
    breakdowns: dict[str, list[Count]] = field(default_factory=dict)
    claims: int = 0
    verified_claims: int = 0
    positive: int = 0
    negative: int = 0
    negative_outcomes: list[NegativeOutcome] = field(default_factory=list)
    metrics: list[MetricTotal] = field(default_factory=list)
    uncomparable_metrics: int = 0  # metric values without an IRIS+ id or VSME reference: never summed
    flags: list[Flag] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    findings: list[Count] = field(default_factory=list)
    filters: list[tuple[str, str]] = field(default_factory=list)
    common_period: str = ""


def is_dataset(path: Path) -> bool:
    """Whether ``path`` is a folder written by ``impactclaim export`` (Parquet)."""
    return path.is_dir() and (path / "statements").is_dir() and any((path / "statements").rglob("*.parquet"))


def _connect(dataset: Path) -> Any:
    import duckdb

    connection = duckdb.connect()
    from impactclaim.dataset.tables import TABLES

    for table in TABLES:
        files = sorted((dataset / table.name).rglob("*.parquet"))
        if not files:
            raise PortfolioError(f"{dataset / table.name} holds no Parquet files: is {dataset} an exported dataset?")
        connection.execute(f"CREATE VIEW {table.name} AS SELECT * FROM read_parquet(?, hive_partitioning = true, "
                           "union_by_name = true)".replace("?", "[" + ", ".join(_quoted(str(f)) for f in files) + "]"))
    return connection


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def parse_filters(items: Sequence[str]) -> list[tuple[str, str]]:
    found = []
    for item in items:
        name, equals, value = item.partition("=")
        name = name.strip().lower().replace("_", "-")
        if not equals or not value.strip():
            raise PortfolioError(f"--where takes FIELD=VALUE, not {item!r}")
        if name not in FILTER_FIELDS:
            raise PortfolioError(f"--where cannot filter on {name!r}; it can on {', '.join(FILTER_FIELDS)}")
        found.append((name, value.strip()))
    return found


def _filter_sql(filters: Sequence[tuple[str, str]]) -> tuple[str, list[Any]]:
    """A WHERE clause over the valid statements (alias s, organisations o) and its parameters.

    The same field given twice is either value (OR); different fields must all hold (AND).
    """
    by_field: dict[str, list[str]] = {}
    for name, value in filters:
        by_field.setdefault(name, []).append(value)
    clauses, parameters = [], []
    for name, values in by_field.items():
        options = []
        for value in values:
            if name == "province":
                options.append("(lower(o.province) = lower(?) OR o.province_code = upper(?))")
                parameters += [value.replace(" ", "-"), value]
            elif name == "municipality":
                options.append("(lower(o.municipality) = lower(?) OR o.municipality_cbs_code = upper(?))")
                parameters += [value, value]
            elif name == "legal-form":
                options.append("lower(o.legal_form) = lower(?)")
                parameters.append(value)
            elif name == "impact-area":
                options.append("list_contains(s.impact_areas, lower(?))")
                parameters.append(value)
            elif name == "abc":
                options.append("upper(s.abc) = upper(?)")
                parameters.append(value)
            elif name == "year":
                options.append("s.reporting_year = TRY_CAST(? AS BIGINT)")
                parameters.append(value)
            elif name == "kvk":
                options.append("o.kvk_number = ?")
                parameters.append(value)
            else:  # sdg: a goal (8) or a target (8.5)
                options.append("s.statement_key IN (SELECT statement_key FROM sdg_targets WHERE target = ? "
                               "OR CAST(goal AS VARCHAR) = ?)")
                parameters += [value, value]
        clauses.append("(" + " OR ".join(options) + ")")
    return (" AND ".join(clauses) or "TRUE"), parameters


def compute(dataset: Path, *, group_by: str = "province", filters: Sequence[tuple[str, str]] = (),
            figure: str | None = None) -> Portfolio:
    """The portfolio of the statements in ``dataset`` that pass ``filters``."""
    if group_by not in GROUPINGS:
        raise PortfolioError(f"--group-by must be one of {', '.join(GROUPINGS)}, not {group_by!r}")
    db = _connect(dataset)
    where, parameters = _filter_sql(filters)
    db.execute(f"""
        CREATE TEMP TABLE candidates AS
        SELECT s.*, o.province, o.province_code, o.municipality, o.municipality_cbs_code, o.legal_form,
               coalesce(o.name, s.organisation_name, s.source_path) AS enterprise
        FROM statements s JOIN organisations o USING (statement_key)
        WHERE s.status = 'valid' AND {where}""", parameters)
    # An enterprise that submitted the same period twice is counted once, by its latest statement
    # (published last, else the last file); the other one is flagged, never added to it.
    db.execute("""
        CREATE TEMP TABLE chosen AS SELECT * FROM candidates
        QUALIFY row_number() OVER (PARTITION BY coalesce(kvk_number, statement_key), period_start, period_end
                                   ORDER BY published DESC NULLS LAST, source_path DESC) = 1""")
    db.execute("""
        CREATE TEMP TABLE per_statement AS
        SELECT c.statement_key,
               (SELECT count(*) FROM claims k WHERE k.statement_key = c.statement_key) AS claims,
               (SELECT count(*) FROM claims k WHERE k.statement_key = c.statement_key
                AND k.substantiation = 'verified') AS verified,
               (SELECT count(*) FROM outcomes u WHERE u.statement_key = c.statement_key
                AND coalesce(u.polarity, 'positive') <> 'negative') AS positive,
               (SELECT count(*) FROM outcomes u WHERE u.statement_key = c.statement_key
                AND u.polarity = 'negative') AS negative
        FROM chosen c""")
    # The figure the maps show: one metric, in its most common unit and reporting year only (like with like).
    db.execute("""
        CREATE TEMP TABLE figure_values AS
        WITH v AS (SELECT m.statement_key, m.unit, m.value, m.name, c.reporting_year
                   FROM metrics m JOIN chosen c USING (statement_key)
                   WHERE m.value_kind = 'value' AND m.value IS NOT NULL AND (m.iris_id = ? OR m.vsme_ref = ?)),
             u AS (SELECT unit, reporting_year FROM v GROUP BY ALL
                   ORDER BY count(*) DESC, reporting_year DESC NULLS LAST, unit NULLS LAST LIMIT 1)
        SELECT v.statement_key, v.unit, v.reporting_year, first(v.name ORDER BY v.name) AS name, sum(v.value) AS value
        FROM v, u WHERE v.unit IS NOT DISTINCT FROM u.unit AND v.reporting_year IS NOT DISTINCT FROM u.reporting_year
        GROUP BY 1, 2, 3""", [figure or "", figure or ""])
    result = Portfolio(group_by=group_by, filters=list(filters), figure_identifier=figure or "")

    def rows(sql: str, *arguments: Any) -> list[tuple[Any, ...]]:
        return db.execute(sql, list(arguments)).fetchall()  # type: ignore[no-any-return]

    result.statements = rows("SELECT count(*) FROM statements")[0][0]
    result.valid = rows("SELECT count(*) FROM chosen")[0][0]
    result.rejected = [Rejected(*row) for row in rows(
        "SELECT source_path, coalesce(organisation_name, ''), status, errors FROM statements "
        "WHERE status <> 'valid' ORDER BY source_path")]
    periods = rows("SELECT period_start, period_end, count(*) FROM chosen GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 1")
    if periods:
        result.common_period = f"{periods[0][0]} – {periods[0][1]}"

    result.enterprises = [Enterprise(*row) for row in rows("""
        SELECT c.statement_key, c.enterprise, coalesce(c.kvk_number, ''),
               coalesce(c.period_start, '') || ' – ' || coalesce(c.period_end, ''), c.reporting_year,
               coalesce(c.province, ''), coalesce(c.municipality, ''),
               c.dimensions_described / nullif(c.dimensions_possible, 0),
               (SELECT count(*) FROM claims k WHERE k.statement_key = c.statement_key),
               (SELECT count(*) FROM outcomes u WHERE u.statement_key = c.statement_key),
               (SELECT count(*) FROM outcomes u WHERE u.statement_key = c.statement_key AND u.polarity = 'negative'),
               c.errors, c.warnings
        FROM chosen c ORDER BY c.enterprise, c.period_start, c.source_path""")]

    for code, count, total in rows("""
            SELECT province_code, count(DISTINCT coalesce(kvk_number, statement_key)), sum(f.value)
            FROM chosen c LEFT JOIN figure_values f USING (statement_key)
            WHERE province_code IS NOT NULL GROUP BY 1"""):
        result.provinces[code] = (count, total)
    for code, count, total in rows("""
            SELECT municipality_cbs_code, count(DISTINCT coalesce(kvk_number, statement_key)), sum(f.value)
            FROM chosen c LEFT JOIN figure_values f USING (statement_key)
            WHERE municipality_cbs_code IS NOT NULL GROUP BY 1"""):
        result.municipalities[code] = (count, total)
    result.unplaced = rows("SELECT count(*) FROM chosen WHERE municipality_cbs_code IS NULL")[0][0]

    result.claims, result.verified_claims = rows(
        "SELECT count(*), count(*) FILTER (WHERE substantiation = 'verified') FROM claims "
        "WHERE statement_key IN (SELECT statement_key FROM chosen)")[0]
    result.positive, result.negative = rows(
        "SELECT count(*) FILTER (WHERE coalesce(polarity, 'positive') <> 'negative'), "
        "count(*) FILTER (WHERE polarity = 'negative') FROM outcomes "
        "WHERE statement_key IN (SELECT statement_key FROM chosen)")[0]
    result.negative_outcomes = [NegativeOutcome(*row) for row in rows("""
        SELECT c.enterprise, coalesce(u.what, ''), coalesce(u.stakeholder, '')
        FROM outcomes u JOIN chosen c USING (statement_key) WHERE u.polarity = 'negative'
        ORDER BY c.enterprise, c.source_path, u.outcome_index""")]

    result.groups = _groups(rows, group_by)
    result.breakdowns = _breakdowns(rows)
    result.metrics, result.uncomparable_metrics = _metric_totals(rows)
    if figure:
        found = rows("""SELECT any_value(unit), any_value(reporting_year), first(name ORDER BY name), sum(value),
                               count(*) FROM figure_values""")[0]
        if found[4]:
            result.figure = MetricTotal(figure, found[2] or figure, found[0] or "", found[1], float(found[3]),
                                        found[4], ())
    result.flags = _flags(rows)
    result.changes = [Change(*row) for row in rows("""
        WITH yearly AS (
            SELECT c.enterprise, c.kvk_number, coalesce(m.iris_id, m.vsme_ref, m.metric_id) AS metric, m.name,
                   m.unit, c.reporting_year AS year, sum(m.value) AS value
            FROM metrics m JOIN chosen c USING (statement_key)
            WHERE m.value_kind = 'value' AND m.value IS NOT NULL AND c.kvk_number IS NOT NULL
            GROUP BY ALL)
        SELECT later.enterprise, later.name, coalesce(later.unit, ''), earlier.year, earlier.value, later.year,
               later.value
        FROM yearly later JOIN yearly earlier
          ON later.kvk_number = earlier.kvk_number AND later.metric = earlier.metric
         AND coalesce(later.unit, '') = coalesce(earlier.unit, '') AND earlier.year = later.year - 1
        ORDER BY 1, 2, 4""")]
    result.findings = [Count(code, count, detail) for code, count, detail in rows("""
        SELECT f.code, count(DISTINCT f.statement_key), any_value(f.severity)
        FROM findings f JOIN statements s USING (statement_key)
        WHERE s.status <> 'valid' OR f.statement_key IN (SELECT statement_key FROM chosen)
        GROUP BY 1 ORDER BY 2 DESC, 1""")]
    db.close()
    return result


_GROUP_KEYS = {
    "province": ("c.province_code", "chosen c"),
    "municipality": ("coalesce(c.municipality, '–')", "chosen c"),
    "legal-form": ("coalesce(c.legal_form, '–')", "chosen c"),
    "impact-area": ("area", "chosen c, unnest(CASE WHEN len(c.impact_areas) > 0 THEN c.impact_areas "
                            "ELSE ['–'] END) AS t(area)"),
    "sdg": ("CAST(g.goal AS VARCHAR)", "chosen c JOIN (SELECT DISTINCT statement_key, goal FROM sdg_targets) g "
                                       "USING (statement_key)"),
}


def _groups(rows: Any, group_by: str) -> list[Group]:
    key, source = _GROUP_KEYS[group_by]
    return [Group(*row) for row in rows(f"""
        WITH keyed AS (SELECT DISTINCT coalesce({key}, '–') AS key, c.statement_key,
                              coalesce(c.kvk_number, c.statement_key) AS enterprise,
                              c.dimensions_described / nullif(c.dimensions_possible, 0) AS completeness
                       FROM {source})
        SELECT k.key, count(DISTINCT k.enterprise), count(*), sum(p.claims),
               sum(p.verified) / nullif(sum(p.claims), 0), sum(p.positive), sum(p.negative), avg(k.completeness)
        FROM keyed k JOIN per_statement p USING (statement_key)
        GROUP BY 1 ORDER BY 2 DESC, 1""")]


def _breakdowns(rows: Any) -> dict[str, list[Count]]:
    chosen = "statement_key IN (SELECT statement_key FROM chosen)"
    queries = {
        "impact_area": "SELECT area, count(DISTINCT statement_key) FROM chosen, unnest(impact_areas) AS t(area) "
                       "GROUP BY 1 ORDER BY 2 DESC, 1",
        "sdg_goal": f"SELECT goal, count(DISTINCT statement_key) FROM sdg_targets WHERE {chosen} "
                    "GROUP BY 1 ORDER BY 2 DESC, 1",
        "sdg_target": f"SELECT target, count(DISTINCT statement_key) FROM sdg_targets WHERE {chosen} "
                      "GROUP BY 1 ORDER BY 2 DESC, 1",
        "abc": "SELECT coalesce(abc, '–'), count(*) FROM chosen GROUP BY 1 ORDER BY 1",
        "legal_form": "SELECT coalesce(legal_form, '–'), count(*) FROM chosen GROUP BY 1 ORDER BY 2 DESC, 1",
        "evidence_level": f"SELECT coalesce(CAST(evidence_level AS VARCHAR), '–'), count(*) FROM outcomes "
                          f"WHERE {chosen} GROUP BY 1 ORDER BY 1",
        "assurance": "SELECT coalesce(assurance_level, 'none'), count(*) FROM chosen GROUP BY 1 ORDER BY 2 DESC, 1",
        "substantiation": f"SELECT substantiation, count(*) FROM claims WHERE {chosen} GROUP BY 1 ORDER BY 2 DESC, 1",
    }
    return {name: [Count(str(key), count) for key, count in rows(sql)] for name, sql in queries.items()}


# Values of these kinds add up across enterprises (people, euros, kilograms, hours); a percentage, a
# ratio, a score or a rate ("EUR per uur") does not, and gets its median and range instead.
_ADDITIVE_KINDS = "('count', 'amount', 'mass', 'energy', 'emissions', 'area', 'time')"


def _metric_totals(rows: Any) -> tuple[list[MetricTotal], int]:
    totals = []
    for identifier, name, unit, year, population, additive, total, median, low, high, count, missing in rows(rf"""
            WITH values AS (
                SELECT m.*, c.enterprise,
                       CASE WHEN m.iris_id IS NOT NULL THEN 'IRIS+ ' || m.iris_id ELSE 'VSME ' || m.vsme_ref END
                           AS identifier,
                       coalesce(m.kind IN {_ADDITIVE_KINDS}, FALSE) AND coalesce(m.unit, '') <> '%'
                           AND NOT regexp_matches(coalesce(m.unit, ''), '(^|\s)per\s|/') AS additive
                FROM metrics m JOIN chosen c USING (statement_key)
                WHERE m.value_kind = 'value' AND m.value IS NOT NULL
                  AND (m.iris_id IS NOT NULL OR m.vsme_ref IS NOT NULL))
            SELECT v.identifier,
                   -- the name most enterprises give it (ties: the first in the alphabet), the same in every run
                   first(v.name ORDER BY v.name_count DESC, v.name),
                   coalesce(v.unit, ''), v.reporting_year, coalesce(v.population, ''),
                   bool_and(v.additive), sum(v.value), median(v.value), min(v.value), max(v.value),
                   count(DISTINCT v.statement_key),
                   (SELECT list(DISTINCT c.enterprise ORDER BY c.enterprise) FROM chosen c
                    WHERE c.reporting_year IS NOT DISTINCT FROM v.reporting_year
                      AND c.statement_key NOT IN (SELECT statement_key FROM values w
                                                  WHERE w.identifier = v.identifier
                                                    AND coalesce(w.unit, '') = coalesce(v.unit, '')
                                                    AND w.reporting_year IS NOT DISTINCT FROM v.reporting_year))
            FROM (SELECT *, count(*) OVER (PARTITION BY identifier, coalesce(unit, ''), reporting_year,
                                                        coalesce(population, ''), name) AS name_count
                  FROM values) v
            GROUP BY v.identifier, coalesce(v.unit, ''), v.reporting_year, coalesce(v.population, '')
            ORDER BY 11 DESC, 1, 3, 4, 5"""):
        totals.append(MetricTotal(identifier, name or "", unit, year, float(total if additive else median), count,
                                  tuple(missing or ()), bool(additive), float(low), float(high), population))
    uncomparable = rows("""SELECT count(*) FROM metrics WHERE value_kind = 'value' AND value IS NOT NULL
                           AND iris_id IS NULL AND vsme_ref IS NULL
                           AND statement_key IN (SELECT statement_key FROM chosen)""")[0][0]
    return totals, uncomparable


def _flags(rows: Any) -> list[Flag]:
    flags = [Flag("duplicate", enterprise, kvk, _("{counted} is counted; {other} ({period}) is not").format(
                 counted=counted, other=other, period=period) if same else _(
                 "{first} and {second} ({period}) overlap; both are counted").format(
                 first=counted, second=other, period=period))
             for enterprise, kvk, counted, other, period, same in rows("""
        SELECT a.enterprise, a.kvk_number, a.source_path, b.source_path,
               b.period_start || ' – ' || b.period_end,
               b.statement_key NOT IN (SELECT statement_key FROM chosen)
        FROM candidates a JOIN candidates b
          ON a.kvk_number = b.kvk_number AND a.statement_key <> b.statement_key
         AND a.period_start <= b.period_end AND b.period_start <= a.period_end
        WHERE a.statement_key IN (SELECT statement_key FROM chosen)
          AND (b.statement_key NOT IN (SELECT statement_key FROM chosen) OR a.statement_key < b.statement_key)
        ORDER BY 1, 3, 4""")]
    common = rows("SELECT period_start, period_end FROM chosen GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1")
    if common:
        start, end = common[0]
        flags += [Flag("period", enterprise, kvk or "", f"{period_start} – {period_end}")
                  for enterprise, kvk, period_start, period_end in rows("""
                      SELECT enterprise, kvk_number, period_start, period_end FROM chosen
                      WHERE period_start IS DISTINCT FROM ? OR period_end IS DISTINCT FROM ?
                      ORDER BY 1""", start, end)]
    return flags
