"""Filling the official EFRAG VSME Digital Template 1.3.0 with the Basic-module datapoints a statement holds.

The template is EFRAG's own workbook (shipped in ``data/vsme/``, MIT): its named ranges carry the
VSME taxonomy's concept names, which is how EFRAG's converter turns a filled template into
Inline XBRL. It is filled by changing only the cells of those datapoints in the sheets' XML, so
everything else of the workbook (its drop-down lists, check boxes, validation formulas and
translations, which openpyxl would drop on saving) stays exactly as EFRAG made it. Excel
recalculates the template's own checks when the file is opened.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from impactclaim.resources import resource_dir
from impactclaim.statement.model import Statement

TEMPLATE_NAME = "VSME-Digital-Template-1.3.0.xlsx"
# The schema's legal forms as the template's list names them; the others are "other", named in the next row.
_LEGAL_FORMS = {"bv": "private limited liability undertaking", "nv": "private limited liability undertaking",
                "eenmanszaak": "sole proprietorship", "vof": "partnership", "cv": "partnership",
                "maatschap": "partnership", "cooperatie": "cooperative"}
_OTHER_LEGAL_FORM = "other (please specify the legal form in the row below)"
_DUTCH_LEGAL_FORMS = {"stichting": "stichting (foundation)", "vereniging": "vereniging (association)",
                      "other": "other"}


@dataclass(frozen=True)
class Datapoint:
    """One named range of the template and the value the statement gives it."""

    name: str  # the named range, which is the taxonomy concept without its prefix
    value: str | int | float | bool
    cell: str = ""  # the cell within a range of several (NACE codes), else the range's own


@dataclass(frozen=True)
class Filled:
    content: bytes
    filled: list[Datapoint]
    missing: list[str]  # the Basic module's datapoints that the statement does not give
    by_hand: list[str]  # metrics that name only a VSME disclosure (B3, B8): which datapoint is for people to say


# The Basic module's single-value datapoints the statement could give, for the "missing" list.
BASIC_DATAPOINTS = (
    "NumberOfEmployees", "UndertakingsLegalForm", "CountryOfPrimaryOperationsAndLocationOfSignificantAssets",
    "NumberOfPermanentContractEmployees", "NumberOfMaleEmployees", "NumberOfFemaleEmployees",
    "NumberOfOtherGenderEmployees", "NumberOfNonReportedGenderEmployees",
    "NumberOfRecordableWorkRelatedAccidentsInTheReportingPeriod",
    "NumberOfFatalitiesAsAResultOfWorkRelatedInjuriesAndWorkRelatedIllHealth",
    "EmployeesReceivePayEqualOrAboveMinimumWageDeterminedByNationalLawOrCollectiveAgreement",
    "DescriptionOfSustainabilityRelatedCertificationsOrLabels", "Turnover", "Assets", "EmployeeCountingMethodology",
    "TypeOfNumberOfEmployees",
)


def template_path() -> Path:
    return resource_dir("data") / "vsme" / TEMPLATE_NAME


def datapoints(statement: Statement) -> list[Datapoint]:
    """What the statement gives the template: general information (B1) and the workforce (B8, B9, B10)."""
    organisation, period, workforce = statement.organisation, statement.reporting_period, statement.workforce
    found: list[Datapoint] = []
    if organisation.name:
        found.append(Datapoint("template_reporting_entity_name", organisation.name, "D3"))
    if organisation.kvk_number:
        # The EU's identifier of a Dutch company is the KvK number behind the register's code (BRIS).
        found.append(Datapoint("template_reporting_entity_identifier_scheme", "EU ID"))
        found.append(Datapoint("template_reporting_entity_identifier", f"NLNHR.{organisation.kvk_number}"))
    found.append(Datapoint("template_currency", "EUR"))
    for which, date, first_row in (("start", period.start if period else None, 6),
                                   ("end", period.end if period else None, 10)):
        if date and re.fullmatch(r"\d{4}-\d\d-\d\d", date):
            year, month, day = (int(part) for part in date.split("-"))
            for offset, value in enumerate((year, month, day)):
                found.append(Datapoint(f"reporting_period_{which}", value, f"D{first_row + offset}"))
    if organisation.legal_form:
        form = _LEGAL_FORMS.get(organisation.legal_form)
        found.append(Datapoint("UndertakingsLegalForm", form or _OTHER_LEGAL_FORM))
        if form is None:
            found.append(Datapoint("OtherUndertakingsLegalForm",
                                   _DUTCH_LEGAL_FORMS.get(organisation.legal_form, organisation.legal_form)))
    for index, code in enumerate(_nace_entries(organisation.nace_codes)):
        found.append(Datapoint("NaceSectorClassificationCodes", code, f"E{182 + index}"))
    if organisation.headcount is not None:
        found.append(Datapoint("NumberOfEmployees", organisation.headcount))
    found.append(Datapoint("CountryOfPrimaryOperationsAndLocationOfSignificantAssets", "Netherlands (Kingdom of the)"))
    from impactclaim.profile.labels import Labels

    english = Labels("en")  # the template's own language
    labels = [membership.name or (english.enum("membership", membership.scheme) if membership.scheme else "")
              for membership in organisation.memberships]
    labels += [f"{claim.label.name} ({claim.label.scheme})" for claim in statement.claims
               if claim.label is not None and claim.label.name and claim.label.scheme]
    if any(labels):
        found.append(Datapoint("DescriptionOfSustainabilityRelatedCertificationsOrLabels",
                               "; ".join(label for label in labels if label)))
    if workforce is not None:
        # Temporary contracts are the template's own sum (all employees less the permanent ones).
        contracts = {"permanent": "NumberOfPermanentContractEmployees"}
        genders = {"male": "NumberOfMaleEmployees", "female": "NumberOfFemaleEmployees",
                   "other": "NumberOfOtherGenderEmployees", "not_disclosed": "NumberOfNonReportedGenderEmployees"}
        breakdowns = ((workforce.headcount_by_contract, contracts), (workforce.headcount_by_gender, genders))
        for breakdown, names in breakdowns:
            for category, count in breakdown:
                if category in names:
                    found.append(Datapoint(names[category], count))
        if workforce.work_accidents is not None:
            found.append(Datapoint("NumberOfRecordableWorkRelatedAccidentsInTheReportingPeriod",
                                   workforce.work_accidents))
        if workforce.fatalities is not None:
            found.append(Datapoint("NumberOfFatalitiesAsAResultOfWorkRelatedInjuriesAndWorkRelatedIllHealth",
                                   workforce.fatalities))
        if workforce.paid_at_least_minimum_wage is not None:
            found.append(Datapoint(
                "EmployeesReceivePayEqualOrAboveMinimumWageDeterminedByNationalLawOrCollectiveAgreement",
                "YES" if workforce.paid_at_least_minimum_wage else "NO"))
    return found


def _nace_entries(codes: tuple[str, ...]) -> Iterator[str]:
    """The template's list entries ("NACE C - 31.09 Manufacture of other furniture") of the statement's NACE codes."""
    if not codes:
        return
    entries = _nace_list()
    for code in codes:
        wanted = code.strip().upper()
        match = next((entry for entry in entries if re.search(rf"NACE [A-U] - {re.escape(wanted)}(?:\s|$)", entry)),
                     None)
        if match is None and "." in wanted:  # a class the list has only as its group (95.29 -> 95.2)
            match = next((entry for entry in entries if re.search(rf"NACE [A-U] - {re.escape(wanted[:-1])}\s", entry)),
                         None)
        if match is not None:
            yield match


def _nace_list() -> list[str]:
    archive = zipfile.ZipFile(template_path())
    sheet = _sheet_paths(archive)["Enumeration Lists"]
    shared = _shared_strings(archive)
    xml = archive.read(sheet).decode("utf-8")
    entries = []
    for match in re.finditer(r'<c r="B(\d+)"[^>]*?t="s"[^>]*><v>(\d+)</v></c>', xml):
        entries.append(shared[int(match.group(2))])
    return entries


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    from xml.etree import ElementTree

    root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
    namespace = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    return ["".join(node.text or "" for node in item.iter(f"{namespace}t")) for item in root.iter(f"{namespace}si")]


def _sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    workbook = archive.read("xl/workbook.xml").decode("utf-8")
    relations = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    targets = dict(re.findall(r'<Relationship[^>]*Id="([^"]+)"[^>]*Target="([^"]+)"', relations))
    targets.update({rid: target for target, rid in re.findall(r'<Relationship[^>]*Target="([^"]+)"[^>]*Id="([^"]+)"',
                                                                  relations)})
    sheets = {}
    for name, rid in re.findall(r'<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"', workbook):
        target = targets[rid].lstrip("/")
        sheets[_unescape(name)] = target if target.startswith("xl/") else f"xl/{target}"
    return sheets


def _unescape(text: str) -> str:
    return text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"') \
        .replace("&apos;", "'")


def _defined_names(archive: zipfile.ZipFile) -> dict[str, tuple[str, str]]:
    """Each named range's sheet and first cell ("General Information", "E284")."""
    workbook = archive.read("xl/workbook.xml").decode("utf-8")
    found = {}
    for name, reference in re.findall(r'<definedName name="([^"]+)"[^>]*>([^<]+)</definedName>', workbook):
        match = re.fullmatch(r"'?(.+?)'?!\$([A-Z]+)\$(\d+)(?::\$[A-Z]+\$\d+)?", _unescape(reference))
        if match:
            found[name] = (match.group(1).replace("''", "'"), f"{match.group(2)}{match.group(3)}")
    return found


def _column_number(cell: str) -> int:
    letters = re.match(r"[A-Z]+", cell)
    number = 0
    for letter in letters.group(0) if letters else "":
        number = number * 26 + ord(letter) - 64
    return number


def _cell_xml(reference: str, value: Any, style: str) -> str:
    styled = f' s="{style}"' if style else ""
    if isinstance(value, bool):
        return f'<c r="{reference}"{styled} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{reference}"{styled}><v>{value}</v></c>'
    return f'<c r="{reference}"{styled} t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'


def _set_cell(xml: str, reference: str, value: Any) -> str:
    """``xml`` (a worksheet) with cell ``reference`` holding ``value``; its style kept, the rest untouched."""
    row_number = re.sub(r"[A-Z]+", "", reference)
    row = re.search(rf'<row r="{row_number}"(?:\s[^>]*)?(?:/>|>(.*?)</row>)', xml, re.DOTALL)
    if row is None:
        raise ValueError(f"the template has no row {row_number}")
    cell = re.search(rf'<c r="{reference}"(\s[^>]*?)?(?:/>|>.*?</c>)', row.group(0), re.DOTALL)
    if cell is not None:
        if "<f>" in cell.group(0) or "<f " in cell.group(0):
            raise ValueError(f"cell {reference} of the template is a formula")
        style = re.search(r'\ss="(\d+)"', cell.group(1) or "")
        new_row = row.group(0).replace(cell.group(0), _cell_xml(reference, value, style.group(1) if style else ""), 1)
    else:
        body = row.group(1) or ""
        cells = list(re.finditer(r'<c r="([A-Z]+)\d+"[^>]*?(?:/>|>.*?</c>)', body, re.DOTALL))
        column = _column_number(reference)
        position = next((found.start() for found in cells if _column_number(found.group(1)) > column), len(body))
        new_body = body[:position] + _cell_xml(reference, value, "") + body[position:]
        opening = re.match(r'<row [^>]*?(?=/?>)', row.group(0))
        assert opening is not None
        new_row = f"{opening.group(0)}>{new_body}</row>"
    return xml[:row.start()] + new_row + xml[row.end():]


def fill(statement: Statement) -> Filled:
    """The template with the statement's datapoints, and what it leaves for the enterprise to fill in."""
    source = zipfile.ZipFile(template_path())
    names = _defined_names(source)
    sheets = _sheet_paths(source)
    wanted = datapoints(statement)
    # The reporting period has no named range per part: its cells sit beside the start and end dates.
    names.setdefault("reporting_period_start", ("General Information", "D6"))
    names.setdefault("reporting_period_end", ("General Information", "D10"))
    edits: dict[str, list[tuple[str, Any]]] = {}
    for point in wanted:
        sheet, first = names[point.name]
        edits.setdefault(sheets[sheet], []).append((point.cell or first, point.value))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename in edits:
                xml = data.decode("utf-8")
                for reference, value in edits[info.filename]:
                    xml = _set_cell(xml, reference, value)
                data = xml.encode("utf-8")
            elif info.filename == "xl/workbook.xml":
                xml = data.decode("utf-8")
                # Excel recalculates the template's own checks with the filled values when it opens the file.
                if "fullCalcOnLoad" not in xml:
                    xml = re.sub(r"<calcPr\b", '<calcPr fullCalcOnLoad="1"', xml, count=1) if "<calcPr" in xml \
                        else xml.replace("</workbook>", '<calcPr fullCalcOnLoad="1"/></workbook>')
                data = xml.encode("utf-8")
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, data)
    given = {point.name for point in wanted}
    by_hand = [f"{metric.vsme_ref}: {metric.name.get(statement.language, statement.language)} = {metric.value:g}"
               f"{' ' + metric.unit if metric.unit else ''}" for metric in statement.metrics
               if metric.vsme_ref and metric.value is not None]
    return Filled(output.getvalue(), wanted, [name for name in BASIC_DATAPOINTS if name not in given], by_hand)
