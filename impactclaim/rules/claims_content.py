"""What a claim says against what its basis shows: whole or part, law or merit, change, subgroup, year, comparison."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from functools import cache, reduce
from typing import ClassVar

from impactclaim.findings import Severity
from impactclaim.i18n import N_, _
from impactclaim.precompiled import regex
from impactclaim.rules.base import Issue, Rule, label_of, located_texts
from impactclaim.rules.claims_wording import future_words
from impactclaim.rules.legal import LEGAL_REQUIREMENTS, LegalRequirement
from impactclaim.rules.text import (
    YEAR_PATTERN as _YEAR_PATTERN,
)
from impactclaim.rules.text import (
    Phrases,
    claim_index,
    counts,
    fractions,
    has_year_before,
    joined,
    longest_first,
    may_match,
    metric_detail_index,
    metric_name_index,
    names_the_part_by_name,
    percentages,
    phrases,
    sentences,
    shares_in_words,
    show_number,
    years,
)
from impactclaim.statement.model import Claim, Metric, Statement, Text

_show = show_number


def _all_joined(names: list[str]) -> str:
    """Names (already in the reader's language, or ids) joined by "and": "a", "a and b", "a and b and c"."""
    # Translators: the end of a list in a sentence, e.g. "target_year, plan and verifier"; {items} is what
    # comes before the last name ("target_year, plan", or "electricity and heating").
    return reduce(lambda items, last: _("{items} and {last}").format(items=items, last=last), names)


# --- IC119 --------------------------------------------------------------------------------------

# Wording that a claim covers the whole: of the enterprise, the product or the footprint.
_WHOLE = phrases(
    r"100 ?%", r"honderd procent", r"volledig", r"helemaal", r"geheel", r"compleet", r"totaal",
    r"fossielvrij\w*", r"fossiel-?vrij\w*", r"afvalvrij\w*", r"zero[- ]waste", r"emissievrij\w*(?! zones?)",
    r"plasticvrij\w*",
    # "klimaatneutraal" and its inflection "klimaatneutrale"; "CO2-neutrale drukkerij"
    r"klimaatneutra(?:al|le)\w*", r"(?:co2|co₂)-?neutra(?:al|le)\w*", r"energieneutra(?:al|le)\w*",
    r"circulair(?:e)? (?:bedrijf|onderneming|organisatie)", r"(?:geen|nul) (?:afval|uitstoot|verspilling)",
    r"(?:gif|pesticide|pesticiden|bestrijdingsmiddelen|kunstmest)vrij\w*", r"(?:pesticide|chemical|toxin)s?[- ]free",
    r"(?:we|wij) gooien (?:geen|niets) (?:\w+ )?weg", r"al (?:ons|onze) (?:\w+ )?(?:voedsel|eten|afval|hout|textiel)",
    r"nothing (?:goes to waste|is wasted|is thrown away)", r"(?:we|we're) (?:throw|waste) nothing",
    # "Utrecht's zero-emission zone" names a zone where only such vehicles may drive, not a claim
    r"fully", r"entirely", r"completely", r"wholly", r"fossil[- ]free", r"zero[- ]emissions?(?![- ]?zones?)",
    r"emission[- ]free(?![- ]?zones?)",
    r"plastic[- ]free", r"waste[- ]free", r"no waste", r"all of our", r"our (?:whole|entire)",
    r"everything (?:we|you) (?:sell|make|do|offer|produce|buy)", r"alles wat (?:wij|we|u|je) (?:verkopen|maken|doen"
    r"|aanbieden|produceren|koopt)", r"al(?:le)? onze (?:producten|apparaten|artikelen|kleding|meubels)",
    r"all (?:of )?our (?:products|devices|items|clothes|furniture)",
    r"(?:het|ons) (?:hele|gehele) (?:bedrijf|product|assortiment)", r"(?:onze|de) (?:hele|gehele) (?:organisatie"
    r"|productie|bedrijfsvoering)",
    r"zero[- ]landfill", r"nothing (?:\w+ ){0,6}ends? up (?:in|on) (?:a |the )?(?:landfill|dump|incinerator)",
    r"niets (?:\w+ ){0,6}(?:op de (?:stort|vuilnisbelt)|in de (?:verbrandingsoven|verbranding))",
    # "onze hele deelvloot", "mijn hele werkplaats" (not "de hele dag"); "alles is biologisch"; "afvalloos";
    # "er wordt niets verbrand", "niks bij het restafval", "al het textiel"; "a climate-neutral company"
    r"(?:onze|ons|mijn) (?:hele|gehele|complete|volledige) (?!dag|jaar|week|maand|periode|seizoen|leven)\w+",
    r"alles (?:is |wordt |hier )?(?:\w+ )?(?:biologisch|circulair|hergebruikt|gerecycled|elektrisch|fairtrade"
    r"|eerlijk)", r"afvalloos\w*", r"(?:niets|niks) (?:\w+ ){0,3}(?:verbrand|gestort|weggegooid)",
    r"(?:niets|niks) (?:meer )?(?:bij|in) het restafval",
    r"nothing (?:\w+ ){0,3}(?:burned|burnt|incinerated|landfilled)",
    r"al het (?:\w+ )?(?:textiel|hout|afval|materiaal|voedsel|eten|plastic|puin|water)\w*",
    r"(?:climate|carbon|co2|co₂)[- ]neutral\w*", r"net[- ]zero",
    r"(?:our|the) (?:whole|entire|complete) (?!day|year|week|month|period|season|time|life)\w+",
)
# Every unit of what the enterprise makes or sells: "every bean we roast", "elke druppel". Read in
# social claims too ("every bean we roast is fairly traded"), where "volledig" is about a person.
_EVERY_UNIT = phrases(
    r"(?:every|each) (?:single )?\w+ (?:that )?(?:we|you) \w+",
    r"(?:elke|iedere) (?:\w+ )?(?:die|dat) (?:wij|we|u|je) \w+", r"(?:elke|iedere) druppel", r"every (?:single )?drop",
    r"alles wat (?:wij|we) \w+", r"everything (?:that )?we \w+",
    # a unit of what is sold or lent: "every bag of Eemland Koffie", "every euro lent through us", "elke zak";
    # "van elke euro die afnemers betaalden, ging 54 cent naar de boer" gives a share of each unit instead
    r"(?<!\bof\s)(?:every|each) (?:single )?(?:bag|cup|bean|euro|kilo|product|item|garment|loan|bottle|box|pack)s? "
    r"(?:of|lent|sold|bought|invested|from)",
    r"(?<!\bvan\s)(?:elke|iedere|ieder) (?:zak|kop|boon|euro|kilo|product|artikel|kledingstuk|lening|fles|doos|pak) "
    r"(?:\w+ )?(?:van|die|dat|uitgeleend|verkocht|ingekocht|geïnvesteerd)",
    # all of each euro: "van elke euro ging 100 cent naar de boer", "every cent goes to the farmer"
    r"100 cent", r"(?:elke|iedere) cent", r"every (?:single )?cent",
)
# A reduction of the whole footprint: "75% lower footprint", "75% minder CO2-uitstoot".
_FOOTPRINT = phrases(
    r"(?:co2|co₂|koolstof|klimaat|milieu|ecologische)?-?voetafdruk", r"(?:co2|co₂|carbon|climate|environmental"
    r"|ecological)?[- ]?footprint", r"(?:co2|co₂)-?uitstoot", r"uitstoot", r"emissies", r"emissions",
    r"broeikasgassen", r"greenhouse gas(?:es)?",
)
# Aspects of an enterprise's footprint or operations that a metric may cover alone; the name is
# shown in the finding ("its basis metrics cover only electricity"), translated where it is used.
ASPECTS: tuple[tuple[str, str], ...] = (
    (N_("electricity"), r"elektriciteit\w*|stroom\w*|electricity|electric power"),
    (N_("heating"), r"verwarming|(?:aard)?gas(?:verbruik)?|heating|natural gas"),
    (N_("scope 1"), r"scope ?1"),
    (N_("scope 2"), r"scope ?2"),
    (N_("packaging"), r"verpakking\w*|packaging"),
    (N_("transport"), r"transport\w*|vervoer|bezorging\w*|levering\w*|logistie\w*|deliver\w*|logistics|shipping"
                      r"|wagenpark|fleet|vans?|busjes?"),
    (N_("the office"), r"kantoor|kantoren|office|offices"),
    (N_("one site"), r"(?:één|een|1) (?:vestiging|locatie|winkel|werkplaats|fabriek)|(?:one|a single) (?:site|shop"
                     r"|store|location|factory|workshop)|hoofdvestiging|head office"),
    (N_("lighting"), r"verlichting|lighting"),
    (N_("the canteen"), r"kantine|canteen"),
)


@cache
def _aspect_patterns() -> tuple[tuple[str, Phrases], ...]:
    return tuple((name, phrases(pattern)) for name, pattern in ASPECTS)


def _aspects(text: str) -> set[str]:
    return {name for name, pattern in _aspect_patterns() if pattern.search(text)}


class WholeVersusAspect(Rule):
    """A claim about the whole enterprise, product or footprint rests on a basis that covers only a part.

    Looks at environmental claims (``domain: environmental`` or no domain) whose text speaks
    about a whole: "100%", "volledig", "fossielvrij", "afvalvrij", "afvalloos", "zero-waste",
    "zero-landfill", "emissievrij", "plastic-free", "climate-neutral", "fully", "our entire", "onze
    hele deelvloot", "alles is biologisch", "al het textiel", every unit of what the enterprise
    makes ("elke druppel", "every phone we sell", "alles wat wij wassen"), or a reduction of the
    whole footprint ("75% lower footprint", "75% minder CO2-uitstoot"); and at claims of other
    domains that speak about every unit ("every bean we roast is fairly traded", "every euro lent
    through us", "every bag of"). It fires when the claim's own basis shows a part (the aspects
    below only in environmental claims):

    - a basis metric is a subgroup (``part_of``) that is clearly less than its total: "basis
      metric 'own-generation' is 2.1 of 3.9 GWh (54%) while the claim says 100%";
    - a basis percentage metric below 95 while the claim says 100% or an absolute word
      ("fossielvrij");
    - every basis metric names one aspect of the operations (electricity, heating, scope 1 or 2,
      packaging, transport, the office, one site, lighting) that the claim text does not
      name, while the claim is not scoped to that part (``scope`` organisation or absent).

    It also fires on an environmental claim whose percentage is the share of a basis metric in a
    part that is itself clearly less than its own total, when the claim does not name that part:
    "90% van ons bouwmateriaal is hergebruikt" resting on 288 of 320 t of wood, which is 320 of
    3,200 t of all material.

    A whole that is the total of a share in its sentence ("8,5% van al het textiel dat wij
    sorteerden", "Van alles wat we verkochten (1.240 ton) was 82% hergebruikt") is not what the
    claim covers, "zero-emission zone" names a zone, and a claim that gives the part's own
    numbers ("17 of our 52 vehicles are fully electric") claims the part, as does a claim scoped
    to a product, service, site or activity that calls the part by its own name ("ReSpun 100 yarn
    is made of 100% recycled fibres") and says nothing of the whole.

    The finding shows the numbers or the aspect it used; it is a warning because a claim may
    name its limit in words the rule does not read.

    Why: Directive (EU) 2024/825 adds to the blacklist of the Unfair Commercial Practices
    Directive (Annex I, point 4b) making an environmental claim about the entire product or the
    trader's entire business when it concerns only a certain aspect of the product or a
    specific activity of the trader's business. The ACM Leidraad Duurzaamheidsclaims (2023),
    rule 1, asks for claims that are complete about what they cover.

    Failing example::

        metrics:
          - id: energy-use
            name: Energy used by the bakery
            unit: MWh
            value: 390
          - id: solar
            name: Energy from our own solar panels
            unit: MWh
            value: 210
            part_of: energy-use
        claims:
          - id: fossil-free
            text: Our bakery is fully fossil-free.
            domain: environmental
            basis:
              metrics: [solar, energy-use]

    Passing example::

        metrics:
          - id: energy-use
            name: Energy used by the bakery
            unit: MWh
            value: 390
          - id: solar
            name: Energy from our own solar panels
            unit: MWh
            value: 210
            part_of: energy-use
        claims:
          - id: solar-share
            text: Our own solar panels supplied 210 of the 390 MWh the bakery used.
            domain: environmental
            basis:
              metrics: [solar, energy-use]
    """

    code: ClassVar[str] = "IC119"
    slug: ClassVar[str] = "whole-versus-aspect"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = (
        "A claim about the whole enterprise, product or footprint rests on a basis that covers only a part.")

    def check(self, statement: Statement) -> Iterator[Issue]:
        index = claim_index(statement)
        if "%" in index.lowered:
            yield from self._shares_of_a_part(statement)
        if not index.may_match(_WHOLE) and not index.may_match(_FOOTPRINT) and not index.may_match(_EVERY_UNIT):
            return
        for claim in statement.claims:
            # "all our coffee is fairly traded" is a social claim about the whole, and its basis may show the
            # part as well; what a claim's words leave out (aspects, footprints) is read in environmental claims.
            environmental = claim.domain in (None, "environmental")
            wholes = (_WHOLE, _EVERY_UNIT) if environmental else (_EVERY_UNIT,)
            if not any(may_match(pattern, claim.text) for pattern in wholes) and not (
                    environmental and may_match(_FOOTPRINT, claim.text)):
                continue
            period_end, published = statement.period[1] if statement.period else None, statement.published
            for where, text in located_texts(claim.text):
                whole = next((match for pattern in wholes for match in pattern.finditer(text)
                              if not future_words(_clause_at(text, match.start()), period_end, published)
                              and not _share_of_the_whole(text, match.start())), None)
                reduction = None if whole or not environmental else self._footprint_reduction(text)
                if not whole and not reduction:
                    continue
                said = whole.group() if whole else reduction
                evidence = self._part(statement, claim, text, absolute=whole is not None, aspects=environmental)
                if evidence:
                    # Translators: {evidence} is one of the clauses "basis metric ... is ..." or "its basis
                    # metrics cover only ...".
                    yield Issue(where, _("claim '{claim}' says \"{said}\", but {evidence}").format(
                                    claim=claim.id, said=said, evidence=evidence),
                                _("say which part the claim covers (\"our electricity\", \"at our Oudegracht "
                                  "site\"), or substantiate it for the whole"))
                    break

    @staticmethod
    def _shares_of_a_part(statement: Statement) -> Iterator[Issue]:
        """Claims whose percentage is a share within a part that the claim does not name.

        "90% van het bouwmateriaal is hergebruikt" resting on 288 of 320 t of wood, itself 320 of
        3,200 t of all material: the share is of the wood, and the claim says it of the whole.
        """
        for claim in statement.claims:
            if claim.domain not in (None, "environmental") or not claim.text.has_digits:
                continue
            # (metric, its part, the whole, and their values), where the part is clearly less than the whole
            nested: list[tuple[Metric, Metric, Metric, float, float, float]] = []
            for metric in statement.basis_metrics(claim):
                part = statement.total_of(metric)
                whole = statement.total_of(part) if part is not None else None
                if whole is None or part is None or not metric.same_unit(part) or not part.same_unit(whole):
                    continue
                if metric.value is not None and part.value and whole.value and 100 * part.value / whole.value < 95:
                    nested.append((metric, part, whole, metric.value, part.value, whole.value))
            for where, text in located_texts(claim.text) if nested else ():
                stated = [value for value, _ in percentages(text)]
                found = next((entry for entry in nested
                              if any(abs(100 * entry[3] / entry[4] - value) <= 1 for value in stated)
                              and not _names_the_part(text, entry[1])), None)
                if found:
                    metric, part, whole, value, part_value, whole_value = found
                    evidence = _("basis metric '{metric}' is {value} of {total} {unit} of '{of}' ({share}%)").format(
                        metric=metric.id, value=_show(value), total=_show(part_value), unit=metric.unit,
                        of=part.id, share=f"{100 * value / part_value:.0f}")
                    # Translators: after "basis metric 'x' is 288 of 320 t of 'wood' (90%)"; the part of the whole.
                    evidence += _(", which is {value} of {total} {unit} of '{of}' ({share}%)").format(
                        value=_show(part_value), total=_show(whole_value), unit=part.unit, of=whole.id,
                        share=f"{100 * part_value / whole_value:.0f}")
                    yield Issue(where, _("claim '{claim}' gives a share of a part as a share of the whole: "
                                         "{evidence}").format(claim=claim.id, evidence=evidence),
                                _("say which part the claim covers (\"our electricity\", \"at our Oudegracht "
                                  "site\"), or substantiate it for the whole"))
                    break

    @staticmethod
    def _footprint_reduction(text: str) -> str | None:
        for sentence in sentences(text):
            footprint = _FOOTPRINT.search(sentence)
            if footprint and percentages(sentence):
                return footprint.group()
        return None

    @staticmethod
    def _part(statement: Statement, claim: Claim, text: str, absolute: bool, aspects: bool) -> str | None:
        metrics = statement.basis_metrics(claim)
        # "17 of our 52 vehicles": the part's own numbers, written as one count out of its total
        stated = {(fraction.part, fraction.whole) for fraction in fractions(text or "") if not fraction.split}
        for metric in metrics:
            total = statement.total_of(metric)
            if total is None or not metric.same_unit(total) or metric.value is None or not total.value:
                continue
            # "17 of our 52 vehicles are fully electric": the claim gives the part's own numbers
            if (metric.value, total.value) in stated:
                continue
            # "ReSpun 100 yarn is made of 100% recycled fibres": a claim about one product line, by its name
            if claim.scope not in (None, "organisation") and names_the_part_by_name(text, metric, total):
                continue
            share = 100 * metric.value / total.value
            if share < 95:
                return _("basis metric '{metric}' is {value} of {total} {unit} of '{of}' ({share}%)").format(
                    metric=metric.id, value=_show(metric.value), total=_show(total.value), unit=metric.unit,
                    of=total.id, share=f"{share:.0f}")
        if absolute:
            for metric in metrics:
                if metric.is_percentage and metric.value is not None and metric.value < 95:
                    return _("basis metric '{metric}' is {value}%").format(metric=metric.id,
                                                                           value=_show(metric.value))
        if not aspects or claim.scope not in (None, "organisation") or not metrics:
            return None
        named = [_aspects(joined(metric.name)) for metric in metrics]
        if all(named):
            common = set.intersection(*named) if len(named) > 1 else named[0]
            covered = sorted(common or set().union(*named))
            if not _aspects(text) & set(covered):
                return _("its basis metrics cover only {aspects} ({metrics})").format(
                    aspects=_all_joined([_(name) for name in covered]),
                    metrics=", ".join(repr(metric.id) for metric in metrics))
        return None


# The whole as the total of a share: "8,5% van al het textiel", "Van alles wat we verkochten (1.240 ton)
# was 82% hergebruikt", "38% of all the food they handed out".
_OF_BEFORE = regex(r"\b(?:van|of)\s+$", re.IGNORECASE)
_SHARE_OF = regex(r"(\d+(?:[.,]\d+)?)\s*(?:%|procent|percent)\s+(?:van|of)\s+$", re.IGNORECASE)
# the whole's own total in brackets: "alles wat we verkochten (1.240 ton)"
_TOTAL_AFTER = regex(r"[^()]{0,60}\(\s*\d")


def _share_of_the_whole(text: str, position: int) -> bool:
    """Whether the whole at ``position`` is what a share in its sentence is of, not what the claim covers."""
    share = _SHARE_OF.search(text, max(0, position - 24), position)
    if share is not None:
        return float(share.group(1).replace(",", ".")) < 100
    return _OF_BEFORE.search(text, max(0, position - 8), position) is not None and \
        _TOTAL_AFTER.match(text, position) is not None


def _names_the_part(text: str, part: Metric) -> bool:
    """Whether ``text`` names what ``part`` counts: one of the longer words of its name or id ("hout", "wood")."""
    words = {word for _, name in part.name.located() for word in _NAME_WORD.findall(name.lower())}
    words |= set(_NAME_WORD.findall((part.id or "").lower().replace("-", " ")))
    lowered = text.lower()
    return any(word[:5] in lowered for word in words if word not in _WORDS_OF_ANY_PART)


_NAME_WORD = regex(r"[^\W\d_]{4,}")
_WORDS_OF_ANY_PART = frozenset({
    "alle", "totaal", "total", "totale", "onze", "ours", "with", "from", "that", "this", "voor", "door",
    "projecten", "projects", "jaar", "year", "bedrijf", "company", "metric", "aantal", "number", "share", "aandeel"})


def _clause_at(text: str, position: int) -> str:
    """The clause of ``text`` around ``position``: between the commas, semicolons or sentence ends."""
    start = max(text.rfind(mark, 0, position) for mark in (",", ";", ". ", ": ")) + 1
    ends = [end for end in (text.find(mark, position) for mark in (",", ";", ". ", ": ")) if end >= 0]
    return text[start:min(ends, default=len(text))]


# --- IC121 --------------------------------------------------------------------------------------

# Wording that goes beyond the legal minimum, or says plainly that it is the law.
_BEYOND = phrases(
    # "hoger dan 2,5 meter" is a height and "veiligheid boven alles" a motto, not more than the law asks
    r"boven(?! alles| [\d,.]+ ?(?:m|meter|meters|cm)(?!\w))", r"bovenop",
    r"hoger dan(?! [\d,.]+ ?(?:m|meter|meters|cm)(?!\w))",
    # "nooit langer dan 7 uur", "meer dan vijfeneenhalf uur" name a limit or a threshold of the law
    r"(?<!nooit\s)(?<!niet\s)(?<!never\s)meer dan(?! (?:vijfeneenhalf|vijf en een half|5[.,]5) uur)",
    r"ruim(?:er)?",
    # "extra vakantiedagen", "30 dagen extra" go beyond the law; "als extra service", "extra
    # zekerheid" present the law as a bonus
    r"extra (?:\w+ ){0,2}(?:dagen|vakantiedagen|verlof\w*|jaar|jaren|maanden|weken|uren|euro|procent|days|leave"
    r"|years?|months|weeks|hours)", r"(?:\d+|een|twee|drie|vier|vijf|tien) (?:\w+ )?extra",
    r"verlengd\w*", r"(?<!nooit\s)(?<!niet\s)langer dan",
    # topping up what the law pays: "vullen wij het geboorteverlof aan tot 100%", "we top it up"
    r"aanvull\w*", r"vullen (?:\w+ ){0,4}aan", r"vult (?:\w+ ){0,4}aan", r"top(?:s|ped)? (?:\w+ )?up",
    r"supplement\w*", r"(?:pay|pays|paid|paying) (?:\w+ ){0,3}in full", r"fully paid", r"volledig (?:door)?betaald",
    r"dubbele?", r"double[ds]?",
    r"(?:instead of|in plaats van|rather than) (?:the |de |het )?(?:statutory|legal|wettelijke?)",
    # a better label than the law asks: "van energielabel C naar A++", "to label A"
    r"(?:naar|to) (?:an? )?(?:energie|energy )?(?:label )?[a-g]\+{1,4}",
    r"(?:naar|to) (?:an? )?(?:energie|energy )?label [a-b]",
    r"(?:wettelijk )?verplicht\w*", r"zoals (?:de wet|wettelijk) \w+", r"volgens de wet", r"wettelijke plicht",
    r"net als (?:elk|ieder)\w*",
    # "no lead or cadmium above the EU limits" is within the law, not above it, and "no chromium VI
    # above 3 mg/kg" is the legal limit itself
    r"above(?! all| [\d,.]+ ?(?:m|metres?|meters?|ft|feet|mg|µg|ppm|ppb)(?!\w)| the (?:eu |legal |statutory )?limits?)",
    r"higher than(?! [\d,.]+ ?(?:m|metres?|meters?|ft|feet)(?!\w))",
    r"(?<!never\s)(?<!no\s)(?<!not\s)more than(?! (?:five and a half|5[.,]5) hours)", r"beyond", r"exceed\w*",
    r"extended", r"(?<!never\s)(?<!no\s)(?<!not\s)longer than", r"required by law", r"legally required",
    r"as the law requires", r"legal (?:obligation|duty)",
    # saying what the law asks, or setting the legal minimum beside what is paid, is no claim that the
    # minimum is a merit: "The GDPR requires ... We go further", "110% van het wettelijk minimumloon",
    # "tegen een wettelijk minimum van 14,06 euro", "for whom the statutory youth minimum wage would be"
    # (but "at least the statutory minimum wage" presents the law as a merit)
    r"requires?", r"vereist", r"schrijft (?:\w+ )?voor", r"voorgeschreven", r"go(?:es)? further", r"gaan verder",
    r"verder dan", r"(?:1\d\d|[2-9]\d\d) ?(?:%|procent|percent) (?:van|of)",
    r"(?:tegen|tegenover|versus|against|compared (?:with|to)) (?:een|het|de|a|the) (?:wettelijk\w*|statutory|legal)",
    r"would (?:\w+ )?be", r"zou (?:\w+ ){0,3}(?:zijn|bedragen)",
    r"(?:vraagt|eist|verlangt) van (?:iedere?|elke?|alle)", r"zoals (?:de |het )?(?:wet|\w+wet|wkkgz|avg)\b",
    r"like every", r"(?:30|60|90|100|dertig|zestig) dagen", r"(?:30|60|90|100|thirty|sixty)[- ]days?",
    r"(?:3|4|5|10|drie|vier|vijf|tien) jaar", r"(?:3|4|5|10|three|four|five|ten)[- ]years?", r"living wage",
    r"leefbaar loon",
    # a sentence about the law itself: "Het wettelijk minimumloon liep op van 13,68 naar 14,40 euro"
    r"^(?:het|de|the) (?:wettelijke?|statutory|legal) \w+",
)

# Who a legal duty binds: "iedere werkgever moet", not "iedere klant moet zich welkom voelen".
_DUTY_BEARERS_NL = (r"werkgevers?|organisaties?|winkels?|bedrijf|bedrijven|ondernemers?|aanbieders?|verwerkers?"
                    r"|aannemers?|uitvoerders?|horecazaak|horecazaken|zorgaanbieders?|producenten|producent|importeurs?")
_DUTY_BEARERS_EN = (r"employers?|organi[sz]ations?|compan(?:y|ies)|shops?|business(?:es)?|providers?|processors?"
                    r"|contractors?|producers?|importers?|traders?")
# A claim that says, anywhere, that the law asks it of everyone presents it as a duty, not as a merit:
# "De Wet gemeentelijke schuldhulpverlening schrijft een eerste gesprek binnen drie werkdagen voor",
# "dat is een plicht, net als het minimumloon", "zoals van iedere uitvoerder wordt gevraagd".
_SAYS_IT_IS_THE_LAW = phrases(
    r"schrijft (?:[\w,-]+ ){0,16}voor", r"schrijven (?:[\w,-]+ ){0,16}voor", r"voorgeschreven",
    # a duty of everyone or of the law, not "onze morele plicht"
    r"is (?:\w+ )?een plicht", r"(?:wettelijke|juridische) plicht\w*", r"plicht (?:voor|van) (?:elke?|iedere?|alle)\w*",
    # what everyone must do, or what the law forbids or asks: "Iedere werkgever moet ...", "Zoals iedere
    # organisatie moeten wij ons aan de AVG houden", "Volgens de SUP-regels moeten winkels ...", "verbiedt
    # de wet", "het landelijke verbod op", "die de Alcoholwet alleen van leidinggevenden vraagt"
    rf"(?:ieder|iedere|elke|elk|alle) (?:{_DUTY_BEARERS_NL}) (?:moet|moeten|is verplicht|zijn verplicht)",
    rf"zoals (?:ieder|iedere|elke|elk) (?:{_DUTY_BEARERS_NL}),? (?:moet|moeten)",
    rf"moeten (?:[\w,]+ ){{0,3}}zoals (?:ieder|iedere|elke|elk) (?:{_DUTY_BEARERS_NL})",
    r"volgens de (?:[\w-]+ ){0,3}(?:regels|wet|\w+wet|wetgeving|\w+-regels)",
    r"(?:verbiedt|verbieden|verbood) (?:de |het )?(?:wet|\w+wet|regels|\w+-regels|wetgever)",
    r"(?:landelijke|wettelijke|europese) verbod op",
    r"(?:de |het )?(?:\w+wet|wet|wetgeving) (?:\w+ ){0,4}(?:vraagt|eist|verlangt|voorschrijft)"
    r"(?! (?:\w+ )?(?:niet|geen))",
    rf"(?:every|each|all) (?:{_DUTY_BEARERS_EN}) (?:must|has to|have to|is required|are required)",
    r"the law (?:forbids|bans|prohibits|asks)", r"(?:national|legal|statutory|eu) ban",
    r"(?:wettelijke|hun|de) verplichting\w*", r"wettelijk verplicht\w*", r"is verplicht", r"zijn verplicht",
    r"van (?:iedere?|elke?|alle) \w+ (?:wordt |worden )?(?:gevraagd|verwacht|geëist|verlangd)",
    r"(?:required|demanded|expected) of (?:every|each|all)", r"(?:legal|statutory) (?:duty|duties|obligations?)",
    r"(?:legal|statutory) (?:duty|duties|obligations?|requirements?)", r"(?:is|are) mandatory", r"required by law",
    r"legally required", r"the law requires",
    r"(?:the law|law) (?:obliges|requires)",
    # "zoals de Arbowet en de Arbocatalogus van elke werkgever vragen", "Dutch law no longer allows ..."
    r"van (?:iedere?|elke?|alle) \w+ (?:vraagt|vragen|eist|eisen|verlangt|verlangen)",
    r"(?:law|rules|regulations?) (?:\w+ )?(?:no longer )?(?:allows?|permits?|forbids|bans|prohibits)",
    r"no longer (?:allowed|permitted) by law")


@cache
def _legal_patterns() -> tuple[LegalPatterns, ...]:
    return tuple((requirement, phrases(*requirement.wording),
                  tuple(phrases(context) for context in requirement.context)) for requirement in LEGAL_REQUIREMENTS)


LegalPatterns = tuple[LegalRequirement, Phrases, tuple[Phrases, ...]]


@cache
def _legal_by_word() -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]], re.Pattern[str], tuple[int, ...]]:
    """Which requirements each telling word and each word beginning may start, and those no word rules out."""
    by_word: dict[str, set[int]] = {}
    by_beginning: dict[str, set[int]] = {}
    always = []
    for index, (_requirement, pattern, _context) in enumerate(_legal_patterns()):
        gate = pattern.gate
        if gate.always or gate.digits:
            always.append(index)
        for word in gate.words:
            by_word.setdefault(word, set()).add(index)
        for beginning in gate.beginnings:
            by_beginning.setdefault(beginning, set()).add(index)
    # one search for all beginnings ("asbestvrij", "haccp"), longest first so that none hides another
    beginnings = regex("|".join(re.escape(beginning) for beginning in longest_first(by_beginning))
                            or r"(?!)")
    return ({word: frozenset(found) for word, found in by_word.items()},
            {beginning: frozenset(found) for beginning, found in by_beginning.items()}, beginnings, tuple(always))


def _legal_candidates(text: Text) -> list[LegalPatterns]:
    """The requirements whose telling words ``text`` has, in the list's order."""
    by_word, by_beginning, beginnings, always = _legal_by_word()
    found: set[int] = set(always)
    for word in text.words & by_word.keys():
        found |= by_word[word]
    for match in beginnings.finditer(text.lowered):
        found |= by_beginning[match.group()]
    patterns = _legal_patterns()
    return [patterns[index] for index in sorted(found)]


@cache
def _any_legal() -> Phrases:
    return phrases(*(wording for requirement in LEGAL_REQUIREMENTS for wording in requirement.wording))


class LegalRequirementAsFeature(Rule):
    """A claim presents what the law requires of everyone as a distinctive feature.

    Reads each claim's text, sentence by sentence, for a legal obligation named as a merit: the
    statutory minimum wage and holiday allowance, equal pay, a smoke-free workplace, the Working
    Conditions Act, the 14-day right of withdrawal, the two-year legal guarantee, the ban on
    single-use plastic cutlery and straws, the deposit on bottles and cans, CE marking, REACH,
    RoHS, GDPR (AVG), CFC-free, BPA-free food contact materials, phosphate-free detergents,
    asbestos-free materials, taking back e-waste (old for new), free protective equipment, fall
    protection, no chemical weed control on pavements, the VIHB list, reporting waste to the
    LMA, legally harvested timber, HACCP, allergen information, no surcharges for card payments,
    the taxi driver's card, no alcohol under 18, filing the annual accounts, smoke alarms, the
    reporting code for domestic violence, placement agreements for vocational students, bells and
    reflectors on bicycles, the origin of electricity on the bill, the working hours of 13- and
    14-year-olds, frying fat to a registered collector, free library membership under 18, a health
    and safety plan on building sites, F-gas certificates, tachographs and code 95, no fees for
    debt mediation, lead and cadmium limits for tableware, chromium VI in leather, due diligence
    on timber, taking back batteries, breaks in long shifts, no free plastic bags, recognised
    energy-saving measures, energy label C for offices and a label for every home sold or let,
    access to an occupational physician, birth and parental leave, four weeks' holiday, the
    transition payment, emergency response officers (BHV) and cookie consent, among others. The
    list, with the law behind each entry, is ``impactclaim.rules.legal.LEGAL_REQUIREMENTS``.

    A sentence that goes beyond the obligation ("ruim boven het minimumloon", "30 dagen
    bedenktijd", "above the minimum wage", "living wage") or says that it is the law ("zoals
    wettelijk verplicht", "as required by law") is not reported, nor one about the law itself
    ("Het wettelijk minimumloon liep op van 13,68 naar 14,40 euro"), nor any sentence of a claim
    that says somewhere that the law asks it of everyone ("de Wet gemeentelijke
    schuldhulpverlening schrijft ... voor", "dat is een plicht", "zoals van iedere uitvoerder
    wordt gevraagd", "Iedere werkgever moet ...", "Zoals iedere organisatie moeten wij ons aan de
    AVG houden", "verbiedt de wet", "a legal duty"). A limit that the law itself sets
    is no going beyond it: "nooit langer dan 7 uur", "more than five and a half hours", "no
    chromium VI above 3 mg/kg".

    Why: Directive (EU) 2024/825 adds to the blacklist of the Unfair Commercial Practices
    Directive (Annex I, point 10a) presenting requirements imposed by law on all products
    within the relevant product category on the Union market as a distinctive feature of the
    trader's offer. The ACM Leidraad Duurzaamheidsclaims (2023), rule 1, gives the same
    example: do not present as special what is legally required.

    Failing example::

        metrics:
          - id: staff
            name: Employees on 31 December
            unit: people
            kind: count
            value: 20
        claims:
          - id: fair-pay
            text: Fair work at De Korenschoof - we pay every baker the statutory minimum wage.
            domain: social
            basis:
              metrics: [staff]

    Passing example::

        metrics:
          - id: staff
            name: Employees on 31 December
            unit: people
            kind: count
            value: 20
        claims:
          - id: fair-pay
            text: We pay every baker at least 12% above the statutory minimum wage.
            domain: social
            basis:
              metrics: [staff]
    """

    code: ClassVar[str] = "IC121"
    slug: ClassVar[str] = "legal-requirement-as-feature"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = "A claim presents what the law requires of everyone as a distinctive feature."

    def check(self, statement: Statement) -> Iterator[Issue]:
        if not claim_index(statement).may_match(_any_legal()):
            return
        for claim in statement.claims:
            # The requirements whose telling words the claim has: one set lookup each, instead of one
            # search of all wordings together (an alternation of a hundred is tried at every character).
            candidates = _legal_candidates(claim.text)
            if not candidates:
                continue
            for where, text in located_texts(claim.text):
                if _SAYS_IT_IS_THE_LAW.search(text):
                    continue
                found = self._requirement(text, candidates)
                if found:
                    requirement, said = found
                    yield Issue(where,
                                _("claim '{claim}' presents \"{said}\" as a feature, but {requirement} is "
                                  "required by law ({law})").format(claim=claim.id, said=said,
                                                                    requirement=_(requirement.name),
                                                                    law=requirement.law),
                                _("drop it from the claim, say that the law requires it, or claim what you do "
                                  "beyond it (\"15% above the minimum wage\")"))
                    break

    @staticmethod
    def _requirement(text: str, candidates: list[LegalPatterns]) -> tuple[LegalRequirement, str] | None:
        for sentence in sentences(text):
            found = next(((requirement, match.group()) for requirement, pattern, context in candidates
                          for match in [pattern.search(sentence)]
                          if match and all(required.search(sentence) for required in context)), None)
            if found and not _BEYOND.search(sentence):
                return found
        return None


# --- IC126 --------------------------------------------------------------------------------------

# Wording that reports a change over time.
_IMPROVEMENT = phrases(
    r"(?:ge)?stegen", r"steeg", r"(?:ge)?daald", r"daalde", r"verbeter(?:d|de|den|ing)", r"toegenomen", r"nam toe",
    r"namen toe", r"afgenomen", r"nam af", r"namen af", r"verminderd", r"verminderde", r"gehalveerd", r"halveerde",
    r"verdubbeld", r"verdubbelde", r"teruggedrongen",
    # "een 8 of hoger", "or more", "the lower youth wage" name a threshold or a kind, not a change
    r"(?<!\bof\s)(?<!\ben\s)(?<!\bde\s)(?<!\bhet\s)(?:minder|meer|lager|hoger)(?! dan)",
    r"bespaard", r"bespaarden", r"vermeden", r"improved", r"improvement", r"increased", r"decreased", r"reduced",
    r"reduction", r"rose", r"fell", r"dropped", r"halved", r"doubled", r"cut", r"cuts", r"cutting",
    r"(?<!\bor\s)(?<!\band\s)(?<!\bthe\s)(?:less|fewer|lower|higher|more)(?! than)", r"saved", r"avoided",
    r"(?:went|gone|come|came|going) (?:\w+ )?(?:down|up)", r"omlaag\w*", r"omhoog\w*", r"gezakt", r"zakte",
    r"flourish\w*", r"thrived?", r"thriving", r"bloeit", r"opgebloeid", r"floreert", r"grew", r"grown",
    r"gegroeid", r"groeide",
)
# Wording that gives the starting point in the claim itself: "van 46% naar 31%", "since 2022".
_FROM_TO = phrases(r"van (?:\S+ ){1,4}naar", r"from (?:\S+ ){1,4}to", r"ten opzichte van", r"t\.o\.v\.",
                   r"vergeleken met", r"compared (?:to|with)", r"than (?:in|last)", r"dan (?:in|vorig)",
                   # "sinds 2022", "since last year"; "sinds onze nieuwe sorteerlijn draait" gives no starting point
                   r"(?:sinds|since) (?:(?:begin|eind|januari|the start of|the end of) )?(?:(?:19|20)\d\d|vorig jaar"
                   r"|last year|(?:de|the) (?:nulmeting|baseline|intake|start))",
                   r"tegen(?:over)?", r"against", r"versus", r"vs\.?",
                   # what it is set beside: "6% more: EUR 16.02 instead of the CAO scale of EUR 15.11"
                   r"instead of", r"in plaats van", r"rather than",
                   # a change people report of themselves: "59% said they feel less strain than a year ago",
                   # "zei 70% dat ze minder nieuwe spullen kopen"; the survey is the evidence, not a measurement
                   r"(?:said|say|says|reported|zei|zeiden|zeggen|zegt|gaf aan|gaven aan|geeft aan|geven aan) "
                   r"(?:\S+ ){0,2}(?:that|dat|they|ze|zij)",
                   # a reference set beside it: "minder alleen dan voor onze steun", "10% boven het wettelijk
                   # minimumloon van 14,40 euro"
                   r"dan (?:voor|vóór) (?:onze|ons|de start|het begin|hun)", r"dan bij de start",
                   r"than (?:before (?:our|joining|starting|the)|at the start)",
                   r"(?:boven|above) (?:het |de |the )?(?:wettelijk\w* |statutory |legal )?(?:minimum\w*|cao)")


class ImprovementWithoutBaseline(Rule):
    """A claim reports an improvement, but nothing in the claim or its basis says from what.

    Fires when a claim's text reports a change ("gedaald", "30% minder", "verbeterd",
    "halved", "reduced", "fewer", "went down", "has flourished") and none of these gives its
    starting point:

    - a basis metric with a ``baseline`` value;
    - a basis outcome whose ``who.baseline`` or ``contribution.counterfactual`` gives a figure
      (in words only, "without us they would stay at home", "textile mostly ended up in the
      residual waste", they describe the situation or who gets the credit, not the starting
      point of this change);
    - a ``comparison`` on the claim (schema 1.1);
    - the claim text itself ("van 46% naar 31%", "from 12 to 7", "ten opzichte van 2023",
      "compared with last year", "sinds 2022"; not "since our new line started"), or what the
      figure is set beside ("6% more: EUR 16.02 instead of the CAO scale of EUR 15.11").

    A change that people report of themselves in a survey ("59% said they feel less strain",
    "zei 70% dat ze minder nieuwe spullen kopen") is what they said, not a measured change
    without a start, and is not reported.

    A comparison with others ("minder dan gemiddeld") is left to IC130. The finding stands at
    the claim text, where the problem is, unlike IC108, which looks at outcomes.

    Why: a change needs a starting point. The Impact Management Project asks how well off
    stakeholders were before (who) and what would have happened anyway (contribution); the ACM
    Leidraad Duurzaamheidsclaims (2023), rule 2, asks that a claim of improvement can be
    checked, which needs the value it improved from.

    Failing example::

        metrics:
          - id: food-waste
            name: Unsold bread thrown away
            unit: kg
            value: 800
        claims:
          - id: less-waste
            text: We throw away 40% less bread.
            domain: environmental
            basis:
              metrics: [food-waste]

    Passing example::

        metrics:
          - id: food-waste
            name: Unsold bread thrown away
            unit: kg
            value: 800
            baseline:
              value: 1340
              year: 2023
        claims:
          - id: less-waste
            text: We throw away 40% less bread.
            domain: environmental
            basis:
              metrics: [food-waste]
    """

    code: ClassVar[str] = "IC126"
    slug: ClassVar[str] = "improvement-without-baseline"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = "A claim reports an improvement, but nothing in the claim or its basis says from what."

    def check(self, statement: Statement) -> Iterator[Issue]:
        if not claim_index(statement).may_match(_IMPROVEMENT):
            return
        for claim in statement.claims:
            if claim.comparison is not None or claim.future_commitment is not None or \
                    not may_match(_IMPROVEMENT, claim.text):
                continue
            if any(metric.baseline is not None and metric.baseline.value is not None
                   for metric in statement.basis_metrics(claim)):
                continue
            # A baseline or counterfactual in words ("without us they would stay at home") describes
            # the situation or who gets the credit, not where this change started; a figure does.
            if any(outcome.who.baseline.has_digits or outcome.contribution.counterfactual.has_digits
                   for outcome in statement.basis_outcomes(claim)):
                continue
            for where, text in located_texts(claim.text):
                change = _IMPROVEMENT.search(text)
                if change and not _FROM_TO.search(text) and not _COMPARATIVE.search(text):
                    yield Issue(where,
                                _("claim '{claim}' reports a change (\"{change}\"), but neither the claim "
                                  "nor its basis gives the starting point").format(claim=claim.id,
                                                                                   change=change.group()),
                                _("add a baseline (value and year) to the basis metric, a who.baseline to the basis "
                                  "outcome, or write the starting point in the claim (\"from 1,340 to 800 kg\")"))
                    break


# --- IC127 --------------------------------------------------------------------------------------

_COMPLETERS = phrases(
    # "(60,9%, afgerond 61%)" is rounded, not completed
    r"afgerond(?! (?:op |naar |tot )?(?:\d+(?:[.,]\d+)? ?%|\d{1,3}(?![\d.,])|boven|beneden))\w*",
    r"afronders?", r"afmakers?", r"voltooid\w*",
    r"doorlopen", r"uitgezeten", r"geslaagd\w*",
    r"gediplomeerd\w*", r"afrondden", r"afrondde", r"voltooiden", r"afmaakten", r"slaagden",
    r"rondden (?:\w+ ){0,4}af", r"maakten (?:\w+ ){0,4}af", r"die bleven", r"completed", r"completers?",
    r"finished", r"graduates?", r"graduated", r"who stayed", r"who finished", r"who completed",
    r"stayed the course", r"eindigden", r"volmaakten", r"volgemaakt", r"nog in dienst", r"still employed",
    # "die hun diploma behaalden", "die het branchediploma haalden", "die het laatste examenblok bereikten"
    r"\w*diploma (?:haalden|behaalden|behaald|gehaald|kregen)", r"(?:haalden|behaalden) (?:\w+ ){0,2}\w*diploma",
    r"examen\w* (?:bereikten|haalden)", r"bereikten (?:\w+ ){0,3}examen\w*",
    # who sat the exam or hold the diploma are those who got that far: "leerlingen die examen deden",
    # "cursisten met entreediploma", "students who sat the exam"
    r"examen (?:deden|gedaan|afgelegd|aflegden)", r"(?:sat|took) (?:the |an |their )?(?:final )?exams?",
    r"met (?:een |het )?\w*diploma", r"with (?:a |an |the )?\w*diploma", r"(?:earned|obtained|got) (?:\w+ ){0,2}"
    r"(?:diploma|certificate|qualification)s?", r"reached the (?:final|last) (?:exam|stage|module)",
)
_STARTERS = phrases(
    r"gestart\w*", r"starters?", r"begonnen", r"instroom", r"ingestroomd\w*", r"aangemeld\w*", r"ingeschreven\w*",
    r"deelnemers? (?:dat|die) (?:begon|begonnen|startte|startten)", r"started", r"starters?", r"enrolled",
    r"enrol(?:l)?ments?", r"intakes?", r"signed up", r"began", r"entered", r"joined",
)
_ENDED = regex(r"\b(?:ended|finished|closed|afgelopen|beëindigd|geëindigd|eindigden|afgesloten|ended in)\b",
               re.IGNORECASE)
MAX_DROP_OUT = 30  # percent: a larger drop-out makes a completers' rate a different number than the group's
_PERCENT_SIGN = regex(r"\d\s*(?:%|procent|percent|per cent)")
# A claim that itself says who dropped out, or counts them in, hides nothing.
_DROP_OUT_SAID = phrases(r"voortijdig\w*", r"gestopt\w*", r"stopten", r"uitgevallen", r"uitval\w*", r"afgehaakt",
                         r"dropped out", r"drop-?outs?", r"left early", r"early leavers?",
                         r"(?:afgerond|completed) or not", r"afgerond of niet", r"with or without", r"met of zonder")


class CherryPickedSubgroup(Rule):
    """A claim presents the success rate of those who completed while many who started dropped out.

    Fires when a claim states a rate (a percentage, "9 van de 10", "alle jongeren uit het
    traject") and rests on a figure of completers (a basis metric whose name says "afgerond",
    "voltooid", "geslaagd", "completed", "graduates", "die examen deden", "met een diploma", or
    that is ``part_of`` such a metric, or a percentage whose name or method is about completers,
    "afgeronde deelnemers met werk", "16 of the 17 who completed", "19 van de 20 die examen
    deden") and the statement also counts those who started
    (the total that the completers metric is directly ``part_of``, or a metric whose name
    says "gestart", "ingestroomd", "aangemeld", "started", "enrolled", "intakes"), with more
    than 30% of them not completing, while the claim text does not give the number who
    started. Completers counted out of their own starters ("Graduates of the three cohorts that
    ended", part of "Starters of those cohorts") are weighed against those starters alone, and a
    smaller completers' figure of no total ("Graduates in work whose job is a tech role") is a
    success among them, not their number. "afgerond 61%" is rounded, not completed.

    Why: the UK CMA Green Claims Code, principle 3 (claims must not omit or hide important
    information), and the ACM Leidraad Duurzaamheidsclaims (2023), rule 1 (complete), say that
    a true figure misleads when it leaves out what would change the reader's view. A 90%
    success rate among the 40% who completed is a 36% success rate among those who started.

    Failing example::

        metrics:
          - id: started
            name: Trainees who started a traineeship
            unit: people
            kind: count
            value: 50
          - id: completed
            name: Trainees who completed the traineeship
            unit: people
            kind: count
            value: 20
            part_of: started
          - id: employed
            name: Completers with paid work after six months
            unit: people
            kind: count
            value: 18
            part_of: completed
        claims:
          - id: jobs
            text: 90% of our trainees found paid work.
            domain: social
            basis:
              metrics: [employed, completed]

    Passing example::

        metrics:
          - id: started
            name: Trainees who started a traineeship
            unit: people
            kind: count
            value: 50
          - id: completed
            name: Trainees who completed the traineeship
            unit: people
            kind: count
            value: 20
            part_of: started
          - id: employed
            name: Completers with paid work after six months
            unit: people
            kind: count
            value: 18
            part_of: completed
        claims:
          - id: jobs
            text: Of the 50 trainees who started, 20 completed the traineeship and 18 found paid work (36%).
            domain: social
            basis:
              metrics: [employed, completed, started]
    """

    code: ClassVar[str] = "IC127"
    slug: ClassVar[str] = "cherry-picked-subgroup"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = (
        "A claim presents the success rate of those who completed while many who started dropped out.")

    def check(self, statement: Statement) -> Iterator[Issue]:
        names = metric_name_index(statement)
        completers = [metric for metric in statement.metrics if id(metric) in names.owners(_COMPLETERS)
                      and not metric.is_percentage and metric.value]
        if not completers and not any(metric.is_percentage and (
                id(metric) in names.owners(_COMPLETERS)
                or (may_match(_COMPLETERS, metric.method) and _COMPLETERS.search(joined(metric.method))))
                for metric in statement.metrics):
            return  # nobody is counted as having completed, and no rate is of completers: nothing to weigh
        starters = [metric for metric in statement.metrics if id(metric) in names.owners(_STARTERS)
                    and metric.value and not metric.is_percentage]
        index = claim_index(statement)
        rates = (index.owners_with(_PERCENT_SIGN) | shares_in_words(index)) - index.owners(_DROP_OUT_SAID)
        for claim in statement.claims:
            if id(claim) not in rates:
                continue  # no rate stated, or the claim says who dropped out: nothing is hidden
            if _rate_over_everyone(statement, claim):
                continue  # "58% of the households that came to us in 2022", drop-outs included
            found = self._drop_out(statement, claim, starters, completers)
            if found is None:
                continue
            completed, started = found
            assert completed.value is not None and started.value is not None
            text = joined(claim.text)
            stated = counts(text)
            if started.value in stated:
                continue
            share = 100 * completed.value / started.value
            if any(abs(value - share) <= 1 for value, _ in percentages(text)):
                continue  # the rate stated is over everyone: "30% van onze nieuwe medewerkers heeft een vakdiploma"
            yield Issue(claim.text.path,
                        _("claim '{claim}' rests on {metric}: only {completed} of the {started} in '{total}' "
                          "({share}%) completed, which the claim does not say").format(
                            claim=claim.id, metric=label_of(completed, "metric"), completed=_show(completed.value),
                            started=_show(started.value), total=started.id, share=f"{share:.0f}"),
                        _("give the result over everyone who started, or say how many started and how many "
                          "completed next to the completers' rate"))

    @staticmethod
    def _drop_out(statement: Statement, claim: Claim, starters: list[Metric],
                  completers: list[Metric]) -> tuple[Metric, Metric] | None:
        basis = statement.basis_metrics(claim)
        # A rate among completers is of the completers the claim rests on, when it names any: "geslaagde
        # reparaties" beside a 79% success rate are repairs, not the trainees who finished their course.
        completers_of_rate = [completer for completer in completers if any(completer is metric for metric in basis)] \
            or completers
        any_unit: set[int] = set()
        for metric in basis:
            candidates: list[Metric] = []
            # The metric itself, or the totals it is part of, may count those who completed ...
            chain = [metric]
            total = statement.total_of(metric)
            while total is not None and all(total is not seen for seen in chain) and len(chain) < 5:
                chain.append(total)
                total = statement.total_of(total)
            # By identity: parts compare by value, which is slow and may join two equal metrics.
            candidates += [part for part in chain if any(part is completer for completer in completers)]
            # ... or it is a rate among completers ("Afgeronde deelnemers met werk", 94%), whose
            # count is elsewhere in the statement.
            if metric.is_percentage and (may_match(_COMPLETERS, metric.name, metric.method)
                                         and _COMPLETERS.search(joined(metric.name, metric.method))):
                counted = completers_of_rate or _completers_in_method(metric)
                candidates += counted
                # Completers counted only in the method ("19 van de 20 die examen deden") are people,
                # whatever unit the starters are counted in.
                any_unit.update(id(completed) for completed in counted if not completers_of_rate)
            # Completers counted out of their own starters ("Graduates of the three 2025 cohorts", 76 of the
            # 102 who started them) are the number who completed; a completers' metric of no total and a
            # smaller value ("Graduates in work whose job is a tech role", 22) is a success among them.
            counted = [completer for completer in completers if _out_of_own_starters(statement, completer, starters)]
            def among_counted(completed: Metric, other: Metric) -> bool:
                return statement.total_of(completed) is None and id(completed) not in any_unit \
                    and other.same_unit(completed) and (other.value or 0) > (completed.value or 0)

            candidates = [completed for completed in candidates
                          if not any(among_counted(completed, other) for other in counted)] + [
                other for other in counted if any(among_counted(completed, other) for completed in candidates)]
            for completed in candidates:
                assert completed.value is not None
                direct = statement.total_of(completed)
                # weighed against their own starters alone: not against all 132 who started, some of them
                # still on the course
                totals = [direct] if _out_of_own_starters(statement, completed, starters) else \
                    ([direct] if direct is not None else []) + starters
                for started in totals:
                    assert started is not None
                    if started is completed or not started.value or not (
                            started.same_unit(completed) or id(completed) in any_unit):
                        continue
                    if started.value > completed.value and \
                            100 - 100 * completed.value / started.value > MAX_DROP_OUT:
                        return completed, started
        return None


def _out_of_own_starters(statement: Statement, metric: Metric, starters: list[Metric]) -> bool:
    """Whether ``metric`` is directly part of those who started in cohorts that have ended.

    "Graduates of the three cohorts that ended", part of "Starters of those cohorts": those still
    on the course are left out fairly. "Started the final module" is a selection after the
    drop-out, and is weighed against all who started like any other.
    """
    total = statement.total_of(metric)
    return total is not None and any(total is started for started in starters) and (
        statement.total_of(total) is None or _ENDED.search(joined(total.name)) is not None)


def _rate_over_everyone(statement: Statement, claim: Claim) -> bool:
    """Whether the claim's rate is a basis percentage that says it counts those who dropped out too."""
    stated = [value for _, text in claim.text.located() for value, _ in percentages(text)]
    return any(metric.is_percentage and metric.value is not None
               and any(abs(metric.value - value) <= 0.5 for value in stated)
               and (may_match(_DROP_OUT_SAID, metric.name, metric.method)
                    and _DROP_OUT_SAID.search(joined(metric.name, metric.method)) is not None)
               for metric in statement.basis_metrics(claim))


def _completers_in_method(metric: Metric) -> list[Metric]:
    """Those a rate is over, when only its method counts them: "19 van de 20 cursisten die examen deden".

    Returned as a count metric of the whole of the method's fraction, so it can be set against the starters.
    """
    for _where, text in metric.method.located():
        for fraction in fractions(text):
            if _COMPLETERS.search(text[fraction.start:fraction.start + len(fraction.written) + 60]):
                return [dataclasses.replace(metric, id=metric.id, kind="count", unit=None, value=fraction.whole,
                                            part_of=None)]
    return []


# --- IC129 --------------------------------------------------------------------------------------

# A past year that is a reference point, not this period's figure.
_REFERENCE_YEAR = phrases(
    r"sinds", r"vanaf", r"sedert", r"opgericht", r"ten opzichte van", r"t\.o\.v\.", r"vergeleken met", r"tegen",
    r"tegenover", r"against",
    r"dan in", r"in vergelijking met", r"nulmeting", r"startmeting", r"basisjaar", r"uitgangssituatie",
    r"van (?:\S+ ){0,3}in", r"since", r"from (?:\w+ )?(?:19|20)\d\d", r"founded", r"established",
    r"compared (?:to|with)",
    r"than in", r"baseline", r"versus", r"vs\.?", r"up from", r"down from", r"(?:19|20)\d\d ?[-–] ?(?:19|20)\d\d",
    r"(?:tot en met|t/m|tot|through|until|to) (?:19|20)\d\d", r"vorig jaar", r"last year", r"previous year",
    r"(?:\d{4}-?)?levels?",
    r"(?:\d{4}-?)?niveau", r"peil",
    # others' figure of that year, or this period's figure set beside it: "the sector average in 2024 was
    # 58%", "twee keer zoveel als in 2021: van 7 naar 14"
    r"(?:sector|branche|landelijk\w*|national\w*) ?(?:average|gemiddelde|gemiddeld)", r"average", r"gemiddelde",
    r"benchmark\w*", r"als in", r"van \d+ naar", r"from \d+ to",
    # a cohort that registered or ended then: "households that registered in 2022", "die in 2024 afliepen"
    r"registered", r"aangemeld\w*", r"meldden", r"ingeschreven", r"afliepen", r"eindigden", r"ended",
    r"rondden (?:\w+ ){0,4}af", r"became",
    # a cohort: people who started, were hired or finished in an earlier year, followed up now
    r"cohort\w*", r"later", r"hired", r"started", r"began", r"begonnen", r"begon", r"gestart", r"startten",
    r"ingestroomd", r"instroom", r"afgerond", r"afrondden", r"completed", r"finished", r"graduated", r"joined",
    r"placed", r"geplaatst", r"aangenomen", r"in dienst", r"uitgestroomd\w*", r"(?:uit)?stroomden", r"vertrokken",
    r"verlieten", r"left", r"leaving", r"follow-?up", r"nameting", r"doorstroom\w*", r"doorgestroomd",
    r"overstap\w*", r"overgestapt", r"moved (?:on|into|to)", r"progressed", r"intakes?",
    r"afronding", r"stopten", r"gestopt", r"voortijdig", r"uitgevallen", r"uitvallers", r"dropped out", r"stopped",
    r"(?:een|één|1) jaar na", r"na (?:een|één|1) jaar", r"(?:a|one) year after", r"after (?:a|one) year",
    r"starters? (?:van|of|uit|from) (?:19|20)\d\d",
    # a range that runs into the period: "tussen juli 2024 en juni 2025"
    r"(?:tussen|between) (?:\w+ )?(?:19|20)\d\d (?:en|and)",
    # a year that dates a thing, not the figure: "made before 2020", "gebouwd in 1965"
    r"(?:before|vóór|after|made|gemaakt|built|gebouwd|bought|gekocht|produced|geproduceerd) (?:in )?(?:19|20)\d\d",
    # a cohort named by when it was sold, installed or began, followed up now: "devices sold in 2024
    # returned within 12 months", "woningen geïsoleerd tussen april en september 2024", "startjaar 2022"
    r"(?:installed|geïnstalleerd|geïsoleerd|insulated|gerenoveerd|renovated)(?: \w+){0,4} (?:19|20)\d\d",
    r"(?:sold|verkocht|geleverd|delivered|verstrekt|granted|issued|kregen|received)(?: \w+){0,4} (?:19|20)\d\d"
    r"(?:[^.]{0,80}?)(?:binnen|within|na|after|later|returned|teruggebracht|teruggestuurd)",
    r"\w*cohort\w*", r"startjaar", r"instroomjaar", r"completers?", r"afronders?", r"after completing",
    r"na (?:\d+|een|één|twee|drie|zes|negen|twaalf|achttien|vierentwintig) (?:maanden|weken|jaar)",
    r"kwamen wonen", r"moved in",
    # a law named by its year: "the Participation Act of 2015", "de Wet arbeidsmarkt in balans (2020)"
    r"(?:act|wet|law|regeling|richtlijn|directive|regulation|verordening|akkoord|agreement) \(?(?:of |van |uit )?"
    r"(?:19|20)\d\d", r"\w+wet \(?(?:19|20)\d\d",
    r"(?:months?|maanden|jaar|years?|weken|weeks) (?:after|na)",
    # a comparison group, and others' dated figures named by their source: "(CBS, 2024)",
    # "Verzuimmonitor SW-bedrijven 2024", "regular support in 2024 (matched comparison group)"
    r"vergelijkingsgroep\w*", r"controlegroep\w*", r"comparison groups?", r"control groups?", r"matched",
    r"(?<!eigen\s)(?<!onze\s)(?<!ons\s)(?<!our\s)(?<!own\s)\w*monitor\w*", r"cbs", r"landelijk\w*", r"nationally",
    # an outside body's poll: "In de Mantelzorgpeiling Drenthe 2024 van het Kenniscentrum Zorg Noord"
    r"(?<!eigen\s)(?<!onze\s)(?<!ons\s)(?<!our\s)(?<!own\s)\w+peiling\w*", r"kenniscentrum\w*",
    r"in de (?:hele |gehele )?\w*(?:branche|sector)", r"across the (?:sector|industry)",
)

# Read in metric names and methods only, where they describe whom or what a value counts: a group
# named by what happened to it in a year ("Jongeren die in 2024 hun diploma haalden", "the gardens
# depaved in 2023"), an earlier year's figure set beside the value ("in 2023 this was 31%"), a
# figure marked as a comparison, and the year of a study a factor comes from ("uit de
# levenscyclusanalyse van 2024").
_GROUP_OF_A_YEAR = phrases(
    # who the group is, not when the enterprise counted: "die we in 2023 uitvoerden" is the data's year
    r"(?:die|who) (?!(?:\w+ ){0,4}?(?:we|wij|ik|i)\b)(?:\w+ ){0,4}in (?:19|20)\d\d",
    r"(?:was|waren|were) (?:dat|het|dit|that|it|this) (?:nog )?\d+", r"(?:dat|dit|this|that|it) (?:was|were|waren) "
    r"(?:nog |still )?\d+",
    r"for comparison", r"ter vergelijking", r"als vergelijking", r"for reference", r"ter referentie")
# "40 of the 171 gardens depaved in 2023", in a metric that names the period's year elsewhere ("revisited
# in 2025"): the group of an earlier year followed up now. "Meals served in 2023" alone is that year's count.
_DONE_IN_A_YEAR = phrases(
    r"(?!measured|counted|recorded|collected|reported|surveyed|registered|published|served|sold|delivered|made"
    r"|produced|conducted|carried|held|performed|interviewed|asked|tested|checked|assessed|evaluated)"
    r"\w+ed in (?:19|20)\d\d")
_OWN_STUDY = regex(r"\b(?:ons|onze|our|own|eigen)\s+(?:[\w-]+\s+)?\w*(?:onderzoek|studie|study|survey|enqu[eê]te"
                   r"|analyse|analysis|rapport|report|evaluatie|evaluation)", re.IGNORECASE)
_STUDY_OF_A_YEAR = phrases(
    r"\w*(?:analyse|analysis|studie|study|onderzoek|research|rapport|report|handleiding|manual|publicatie"
    r"|publication) (?:van|of|uit|from) (?:19|20)\d\d")

_ANY_YEAR = regex(r"(?<!\d)(?:19|20)\d\d(?!\d)")

def _names_a_year_of_the_period(metric: Metric, first_year: int) -> bool:
    """Whether the metric's name, method or data source names a year of the reporting period."""
    return any(year >= first_year for text in (metric.name, metric.method, metric.data_source)
               for _, value in located_texts(text) for year, _ in years(value))

# A metric that holds others' figure: "Sickness absence in social work companies (Verzuimmonitor 2024)".
_OTHERS_FIGURE = phrases(r"(?<!eigen\s)(?<!onze\s)(?<!ons\s)(?<!our\s)(?<!own\s)\w*monitor\w*", r"cbs",
                         r"benchmark\w*", r"vergelijkingsgroep\w*", r"controlegroep\w*",
                         r"comparison groups?", r"control groups?", r"(?:sector|branche|landelijk\w*|national\w*) ?"
                         r"(?:average|gemiddelde|gemiddeld)")

# After a sentence with this period's figure, a later one that refers back to it ("was dat", "nog",
# "did so") or gives others' figure ("Het CBS meldde over 2024 ...", "Landelijk was dat in 2024 47%")
# sets an earlier year beside it: "In 2025 haalden we 38.400 kg op. In 2022 was het 21.700 kg."
_REFERS_BACK = phrases(
    r"(?:was|waren|is|were) (?:dat|het|dit|that|it|this)", r"dat (?:was|waren)", r"nog", r"did so", r"toen",
    r"eerder", r"earlier", r"before (?:joining|starting|they|the|we)", r"meldde", r"reported")
_FIGURE = regex(r"(?<![\w.,/-])\d+(?:[.,]\d+)*")

# The period's own figure is not there yet: the value given is of another year.
_NOT_YET_COUNTED = phrases(
    r"(?:telling|cijfers?|gegevens|meting) (?:\w+ ){0,4}(?:is|zijn) (?:\w+ )?nog niet"
    r" (?:afgerond|bekend|beschikbaar|binnen)",
    r"nog niet (?:geteld|gemeten|bekend|beschikbaar|verwerkt|geleverd|binnen)", r"(?:zijn|is) nog niet verwerkt",
    r"(?:count|figures?|data|measurement) (?:\w+ ){0,4}(?:is|are) (?:\w+ )?not yet (?:complete|available|known|in)",
    r"not yet (?:been )?(?:counted|measured|available|processed|delivered)", r"has not yet delivered",
    r"(?:will )?only be available", r"(?:was|were|is|are) not (?:yet )?complete",
    r"(?:has|have) not (?:yet )?been counted",
    r"not been counted yet", r"nog niet (?:compleet|volledig|klaar)", r"pas (?:\w+ ){0,4}beschikbaar")


def _period_not_yet_counted(text: str, first_year: int) -> bool:
    """Whether ``text`` says a figure of the period is not there yet ("the 2025 figure will only be available").

    "The 2024 figures are not complete" beside this period's own count says nothing against it.
    """
    for match in _NOT_YET_COUNTED.finditer(text):
        # the year the wording speaks of: one inside it ("de telling over 2025 is nog niet afgerond"),
        # else the nearest ("the 2024 figures are not complete", "has not yet delivered the 2025 export")
        inside = [year for year, _ in years(match.group())]
        start = max(0, match.start() - 60)
        near = years(text[start:match.end() + 30])
        nearest = min(near, key=lambda found: abs(start + found[1] - match.start()), default=None)
        spoken_of = inside or ([nearest[0]] if nearest is not None else [])
        if any(year >= first_year for year in spoken_of):
            return True
    return False


_DATA_YEAR = phrases(r"(?:in|over|uit|van|voor|from|for|of|during|tijdens) (?:(?:het )?(?:kalenderjaar|boekjaar|jaar"
                     r"|calendar year|financial year|the year) )?(?:19|20)\d\d",
                     # "september tot en met december 2023": a month dates the data
                     r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
                     r"|january|february|march|june|july|august|october) (?:19|20)\d\d",
                     # a season, last year, or a report or export of a year: "zomerseizoen 2024", "vorig jaar
                     # (2024)", "HR annual report 2023", "the 2023 till export"
                     r"\w*seizoen (?:19|20)\d\d", r"season (?:19|20)\d\d", r"vorig jaar \(?(?:19|20)\d\d",
                     r"last year'?s? \(?(?:19|20)\d\d",
                     r"(?:uit|from|volgens|according to|taken from) (?:\w+ ){0,3}(?:annual report|jaarverslag"
                     r"|jaarrapport\w*|rapportage|report|export|roosters?) (?:19|20)\d\d",
                     r"(?:the|de|het) (?:19|20)\d\d (?:[\w-]+ ){0,2}(?:export|report|rapport|verslag|lijst|lists?|data"
                     r"|gegevens|roosters?|rosters?|figures|cijfers|telling|count)")


class YearOutsidePeriod(Rule):
    """A claim or metric presents a figure of another year than the reporting period.

    Reads each claim's text for a year before the reporting period that comes before the
    figures of its sentence ("In 2023 hielpen we 40 mensen"); a year after the headline figure
    is a comparison ("37 vaste contracten; in 2023 waren dat er 26"). Reads each metric's name
    for such a year ("Deelnemers 2022"), and its ``method`` and ``data_source`` for data dated
    in an earlier year ("parcels delivered in calendar year 2024", "cijfers over 2024"). A
    year is not reported when its sentence presents it as a reference point ("sinds 2019",
    "ten opzichte van 2023", "compared with 2022", "from 2021 to 2025", a baseline or level)
    or as the start of a cohort that is followed up now ("testers hired in 2023, a year
    later", "deelnemers die in 2024 afrondden", "households that registered in 2022",
    "Startcohort 2024", "devices sold in 2024 returned within 12 months"), or as others' figure
    named by its source or group ("(CBS, 2024)", "Verzuimmonitor 2024", "comparison group"),
    or, after a sentence that gave the period's figure, when it refers back to it ("In 2022 was
    het 21.700 kg", "in 2022 ging nog 16% naar de verbranding") or gives others' figure
    ("Landelijk was dat in 2024 47%", "Het CBS meldde over 2024 6,9%"), or names a law by its
    year ("the Participation Act of 2015"), or is the baseline year its basis metrics declare
    ("In 2022 haalde 61% het diploma" beside a baseline of 61 in 2022), or when
    the same sentence names a year of the period too ("tests in September 2024 and June 2025"),
    unless it says the period's own figure is not there yet. A method dates its data by "in" or
    "over" a year, a season ("zomerseizoen 2024"), "vorig jaar (2024)", or a report or export of
    a year ("HR annual report 2023", "the 2023 till export"). A metric's name or method that
    names a group by what happened to it in a year ("Jongeren die in 2024 hun diploma haalden";
    "the gardens depaved in 2023" when it names the period's year too), sets an earlier year's
    figure beside the value ("in 2023 this was 31%"), marks the figure as a comparison ("(for
    comparison)") or dates the study a factor comes from ("uit de levenscyclusanalyse van 2024")
    is not reported either. Years after the period are about
    the future and left to IC105.

    Why: EFRAG VSME asks that a sustainability report covers one reporting period, the same as
    the financial statements; a figure of an earlier year says nothing about this one. The ACM
    Leidraad Duurzaamheidsclaims (2023), rule 2, asks that claims are up to date. Metric
    periods outside the reporting period are checked by IC115.

    Failing example::

        metrics:
          - id: jobs
            name: Trainees with paid work
            unit: people
            kind: count
            value: 12
        claims:
          - id: work
            text: In 2022 we helped 40 people into paid work.
            domain: social
            basis:
              metrics: [jobs]

    Passing example::

        metrics:
          - id: jobs
            name: Trainees with paid work
            unit: people
            kind: count
            value: 12
        claims:
          - id: work
            text: In 2025 we helped 12 people into paid work, up from 8 in 2022.
            domain: social
            basis:
              metrics: [jobs]
    """

    code: ClassVar[str] = "IC129"
    slug: ClassVar[str] = "year-outside-period"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = "A claim or metric presents a figure of another year than the reporting period."

    def check(self, statement: Statement) -> Iterator[Issue]:
        period = statement.reporting_period
        start = period.start_date if period else None
        if start is None:
            return
        earlier = claim_index(statement).owners_with(_YEAR_PATTERN, lambda match: int(match.group(1)) < start.year)
        for claim in statement.claims if earlier else ():
            if id(claim) not in earlier:
                continue
            # "In 2022 haalde 61% het diploma" beside a basis metric with baseline 61 in 2022: its declared comparison
            declared = {(metric.baseline.year, metric.baseline.value) for metric in statement.basis_metrics(claim)
                        if metric.baseline is not None and metric.baseline.year is not None
                        and metric.baseline.value is not None}
            for where, text in located_texts(claim.text):
                year = self._earlier_year(text, start.year, declared)
                if year:
                    yield Issue(where, _("claim '{claim}' gives a figure for {year}, before the reporting period "
                                         "that starts in {start}").format(claim=claim.id, year=year, start=start.year),
                                _("report the figure of the reporting period, or present the earlier year as a "
                                  "comparison (\"up from 40 in 2023\")"))
                    break
        dated = metric_name_index(statement).owners_with(_YEAR_PATTERN, lambda match: int(match.group(1)) < start.year)
        dated |= metric_detail_index(statement).owners_with(_YEAR_PATTERN,
                                                            lambda match: int(match.group(1)) < start.year)
        for metric in statement.metrics if dated else ():
            if id(metric) in dated:
                yield from self._metric(metric, start.year)

    @staticmethod
    def _metric(metric: Metric, first_year: int) -> Iterator[Issue]:
        """A metric named for an earlier year, or whose method says its data are of an earlier year."""
        baseline_year = metric.baseline.year if metric.baseline is not None else None
        for text, message in (
                (metric.name, N_("{metric} is named for {year}, before the reporting period that starts in {start}")),
                (metric.method, N_("{metric} is measured, by its method, in {year}, before the reporting period "
                                   "that starts in {start}")),
                (metric.data_source, N_("{metric} comes, by its data source, from {year}, before the reporting "
                                        "period that starts in {start}"))):
            if not has_year_before(text, first_year):
                continue
            if text is not metric.name and _OTHERS_FIGURE.search(metric.name.lowered):
                return  # a benchmark's method dates the benchmark's data, not the enterprise's
            for where, value in located_texts(text):
                for sentence in sentences(value):
                    # the year of the metric's own baseline is the comparison it declares
                    found = years(sentence)
                    earlier = [year for year, _ in found if year < first_year and year != baseline_year]
                    if any(year >= first_year for year, _ in found) and not _period_not_yet_counted(value, first_year):
                        continue  # "tests in September 2024 and June 2025": followed up in the period
                    # "de telling over 2025 is nog niet afgerond": whatever else it says, the figure is an older one
                    if not earlier or (_REFERENCE_YEAR.search(sentence) and not _NOT_YET_COUNTED.search(value)):
                        continue
                    if not _NOT_YET_COUNTED.search(value) and (
                            _GROUP_OF_A_YEAR.search(sentence)
                            or (text is not metric.name and _STUDY_OF_A_YEAR.search(sentence)
                                and not _OWN_STUDY.search(sentence))
                            or (_DONE_IN_A_YEAR.search(sentence) and _names_a_year_of_the_period(metric, first_year))):
                        continue
                    if text is not metric.name and not _DATA_YEAR.search(sentence):
                        continue  # a year in a method is often a source's; only "in 2024", "over 2024" date the data
                    yield Issue(where, _(message).format(metric=label_of(metric, "metric"), year=earlier[0],
                                                         start=first_year),
                                _("report the value of the reporting period, or put the earlier value in baseline"))
                    return

    @staticmethod
    def _earlier_year(text: str, first_year: int,
                      declared: set[tuple[int, float]] | frozenset[tuple[int, float]] = frozenset()) -> int | None:
        headline = False  # whether an earlier sentence gave a figure of a year of the period
        for sentence in sentences(text):
            found = years(sentence)
            figures = [match.start() for match in _FIGURE.finditer(sentence)
                       if not any(match.start() == where for _, where in found)]
            # the baseline a basis metric declares, with its year and value: "In 2022 haalde 61% het diploma"
            given = {value for value, _ in percentages(sentence)} | set(counts(sentence))
            earlier = [(year, place) for year, place in found if year < first_year
                       and not any(year == declared_year and value in given for declared_year, value in declared)]
            if not earlier:
                # "in boekjaar 2024-2025": a range names the period's years too
                headline = headline or bool(figures and any(int(year) >= first_year
                                                            for year in _ANY_YEAR.findall(sentence)))
                continue
            if _REFERENCE_YEAR.search(sentence) or (headline and _REFERS_BACK.search(sentence)):
                continue
            year, place = earlier[0]
            # A figure before the year is this period's headline; the earlier year then adds a
            # comparison ("37 vaste contracten; in 2023 waren dat er 26").
            if figures and min(figures) > place:
                return year
        return None


# --- IC130 --------------------------------------------------------------------------------------

# Comparisons with others: the average, the sector, competitors, conventional products.
_OTHERS_NL = (r"gemiddeld\w*|sector|branche|markt|concurrent\w*|andere|anderen|gebruikelijk|normaal|reguliere?"
              r"|conventionele?|traditionele?|gangbare?|nieuwe?|vergelijkbare|grote|landelijk\w*|nationale?|doorsnee"
              r"|gewone?|typische?|meeste|veel")
_OTHERS_EN = (r"average|norm|sector|industry|market|competitors?|competition|others?|usual|conventional|traditional"
              r"|regular|new|comparable|typical|big|national|mainstream|most|many")
_NOT_OWN_REFERENCE = (r"(?! als (?:in (?:19|20)\d\d|toen|vorig jaar|verplicht|vereist|afgesproken|gevraagd|nodig"
                      r"|ons doel|(?:de|het) (?:verplichting|norm|contract|afspraak|eis|doel)"
                      # "ruim 2,5 keer zoveel als de 240 in ons basisjaar 2022"
                      r"|(?:de |het )?[\d.,]+ (?:\w+ )?in (?:(?:ons|het) (?:basisjaar|startjaar) )?(?:19|20)\d\d))")
_COMPARATIVE = phrases(
    # "dan via hun andere kanalen": the people's own other channels, not other enterprises
    rf"dan (?!(?:via |bij |in |met |op )?(?:hun|their|zijn|haar) )(?:\w+ ){{0,5}}(?:{_OTHERS_NL})",
    # a figure of a typical other: "een derde van het water van een conventionele fabriek"
    r"(?:van|dan|als) (?:een |de |het )?(?:conventionele?|gangbare?|doorsnee|gemiddelde?|reguliere?|traditionele?"
    r"|gewone?|normale?) (?!\d)\w+",
    r"(?:een|de|het) (?:doorsnee|conventionele?|gangbare?|typische?) \w+",
    r"(?:a|an|the) (?:conventional|typical|ordinary|standard) \w+",
    r"(?:of|than|as) (?:a |an |the )?(?:conventional|typical|average|regular|standard|traditional|ordinary|normal)"
    r" (?!\d)\w+",
    r"(?:bovengemiddeld|ondergemiddeld|bovengemiddelde|ondergemiddelde)", r"beter dan", r"slechter dan",
    r"(?:onder|boven|beneden) (?:het |de )?(?:\w+ )?(?:gemiddelde|norm|branchegemiddelde|landelijk gemiddelde)",
    r"(?:below|above|under) (?:the )?(?:\w+ )?(?:average|norm|benchmark)",
    # ... but not set beside the enterprise's own past or what it must do: "vier keer zoveel als in 2021",
    # "bijna vier keer zoveel als verplicht"
    r"(?:twee|drie|vier|vijf|tien) ?(?:keer|maal) zo(?:veel| veel| groot| hoog| weinig| laag)?" + _NOT_OWN_REFERENCE,
    r"(?:(?<=\d\s)|(?<=\d))(?:keer|maal|x) zo(?:veel| veel| groot| hoog| weinig| laag)" + _NOT_OWN_REFERENCE,
    r"(?<=in\s)vergelijking met (?:andere|het gemiddelde|de sector|de branche|vergelijkbare|conventionele|reguliere)",
    r"vergeleken met (?:andere|het gemiddelde|de sector|de branche|vergelijkbare|conventionele|reguliere)",
    rf"than (?:\w+ ){{0,5}}(?:{_OTHERS_EN})",
    r"above[- ]average", r"below[- ]average", r"better than", r"worse than", r"industry[- ]leading",
    r"(?:twice|three times|four times|five times|ten times|half) as (?:\w+ ){1,3}as"
    r"(?! (?:the |our )?[\d.,]+ (?:\w+ )?in (?:19|20)\d\d| our \w+ (?:of|in) (?:19|20)\d\d| in (?:19|20)\d\d"
    r"| last year| our baseline)",
    # a ratio to what others charge or use: "half of what a commercial installer charges"
    r"(?:half|twice|double|a third|a quarter|three times) (?:of )?what (?:a |an |the )?(?:\w+ ){0,3}"
    r"(?:charges?|costs?|pays?|uses?|emits?|asks?|spends?)",
    r"(?:de helft|twee keer|tweemaal|een derde|een kwart|drie keer) (?:van )?wat (?:een |de |het )?(?:\w+ ){0,3}"
    r"(?:vraagt|vragen|kost|kosten|betaalt|betalen|gebruikt|gebruiken|uitstoot|uitstoten|rekent|rekenen)",
    r"compared (?:to|with) (?:other|the average|the sector|the industry|conventional|traditional|regular|similar)",
)
_ABOUT_OTHERS = phrases(rf"(?:{_OTHERS_NL}|{_OTHERS_EN})", r"vergelijk\w*", r"compar\w*", r"referen\w*", r"doorsnee",
                        r"benchmark\w*", r"landelijk\w*", r"branche\w*")
_SOURCE_WORDS = phrases(
    r"bron", r"volgens", r"cbs", r"rapport", r"onderzoek", r"\w*monitor", r"benchmark", r"statline", r"source",
    # a named list, database or website: "the CO2emissiefactoren.nl list of January 2025"
    r"lijst", r"list", r"database", r"databank", r"factsheet", r"\w+\.(?:nl|org|com|eu|gov)",
    r"according to", r"report", r"study", r"survey", r"data", r"statistics", r"eurostat", r"rivm", r"tno",
    r"pbl", r"uwv", r"cpb", r"scp", r"nibud", r"milieu ?centraal", r"ecoinvent",
)


class ComparisonWithoutBasis(Rule):
    """A claim compares with others without a named, dated basis for the comparison.

    Fires when a claim's text compares the enterprise or its product with others: "than" or
    "dan" followed within a few words by the average, the sector, the market, competitors,
    others, conventional, regular, new or big ones ("goedkoper dan die van de grote
    energiemaatschappijen", "fail less often than those of other refurbishers"),
    "bovengemiddeld", "twee keer zoveel", "twice as long as", "above-average",
    "industry-leading", and the comparison has no named, dated basis:

    - schema 1.1: the claim needs ``comparison`` with ``what``, ``source`` and ``year``; the
      finding lists what is missing. A ``comparison`` without a source or year is reported
      even when the text compares in words the rule does not read;
    - schema 1.0 (no ``comparison``): the claim text or its basis metrics' ``data_source`` and
      ``method`` must name a source (a word such as "bron", "volgens", "CBS", "rapport",
      "source", "according to", "report") and a year.

    A comparison with the enterprise's own comparison group ("tegen 41% in de
    vergelijkingsgroep"), its own past ("vier keer zoveel als in 2021") or what it must do
    ("bijna vier keer zoveel als verplicht") is no comparison with others and is not read here,
    nor is one with the people's own other options ("meer marge dan via hun andere kanalen"). A
    source in the text may be a monitor ("Arbeidsmarktmonitor kinderopvang 2025"), a named list,
    database or website ("the CO2emissiefactoren.nl list of January 2025").

    Why: the ACM Leidraad Duurzaamheidsclaims (2023), rule 3, asks that comparisons with other
    products, services or companies are fair: clear about what is compared with what, on the
    same basis, and verifiable. The UK CMA Green Claims Code, principle 4, says comparisons must
    be fair and meaningful. Without a named and dated basis a reader cannot check either.

    Failing example::

        metrics:
          - id: trainees
            name: Trainees per ten employees
            unit: trainees per 10 employees
            value: 4
        claims:
          - id: more-trainees
            text: We train twice as many people as the average bakery.
            domain: social
            basis:
              metrics: [trainees]

    Passing example::

        metrics:
          - id: trainees
            name: Trainees per ten employees
            unit: trainees per 10 employees
            value: 4
            data_source: "Payroll; for the sector: SBB, Kenniscentrum beroepsonderwijs bedrijfsleven, BPV-monitor 2024"
        claims:
          - id: more-trainees
            text: We train twice as many people as the average bakery (2 per ten employees according to SBB, 2024).
            domain: social
            basis:
              metrics: [trainees]
    """

    code: ClassVar[str] = "IC130"
    slug: ClassVar[str] = "comparison-without-basis"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = "A claim compares with others without a named, dated basis for the comparison."

    def check(self, statement: Statement) -> Iterator[Issue]:
        if not claim_index(statement).may_match(_COMPARATIVE) and \
                all(claim.comparison is None for claim in statement.claims):
            return
        for claim in statement.claims:
            found = None
            if may_match(_COMPARATIVE, claim.text):
                found = next(((where, match) for where, text in located_texts(claim.text)
                              for match in [_COMPARATIVE.search(text)] if match), None)
            if found is None and claim.comparison is None:
                continue
            missing = self._missing(statement, claim, joined(claim.text))
            if not missing:
                continue
            if found is not None:
                where, match = found
                # Translators: {missing} is "comparison.source" (the names of the missing fields) or one of
                # the phrases "a comparison basis: ... for what it compares with".
                yield Issue(where, _("claim '{claim}' compares (\"{comparative}\") without {missing}").format(
                                claim=claim.id, comparative=match.group(), missing=missing),
                            _(_COMPARE_HINT))
            else:
                assert claim.comparison is not None
                yield Issue(claim.comparison.path, _("claim '{claim}' has a comparison without {missing}").format(
                                claim=claim.id, missing=missing),
                            _(_COMPARE_HINT), at_key=True)

    @staticmethod
    def _missing(statement: Statement, claim: Claim, text: str) -> str | None:
        comparison = claim.comparison
        if comparison is not None:
            lacks = [name for name, given in (("what", bool(comparison.what)), ("source", bool(comparison.source)),
                                              ("year", comparison.year is not None)) if not given]
            return _all_joined([f"comparison.{name}" for name in lacks]) if lacks else None
        # The basis for what is compared with: the claim's words, or a basis metric about the
        # other ("average office lunch", "landelijk gemiddelde"); the own figure's source is no
        # source for the figure it is compared with.
        evidence = " ".join([text, *(joined(metric.data_source, metric.method)
                                     for metric in statement.basis_metrics(claim)
                                     if _ABOUT_OTHERS.search(joined(metric.name, metric.method)))])
        has_source, has_year = bool(_SOURCE_WORDS.search(evidence)), bool(years(evidence))
        if has_source and has_year:
            return None
        if not has_source and not has_year:
            return _("a comparison basis: a named source and a year for what it compares with")
        if not has_source:
            return _("a comparison basis: a named source for what it compares with")
        return _("a comparison basis: a year for what it compares with")


_COMPARE_HINT = N_("name what you compare with, the source of its figures and their year (schema 1.1: comparison "
                   "with what, source and year)")

