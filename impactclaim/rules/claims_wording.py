"""Wording rules for claims: generic terms, offset-based neutrality, scope, future claims and labels."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import ClassVar

from impactclaim.findings import Severity
from impactclaim.i18n import N_, _, ngettext
from impactclaim.precompiled import regex
from impactclaim.rules.base import Issue, Rule, located_texts
from impactclaim.rules.text import (
    SDG_REFERENCE,
    OwnName,
    Phrases,
    claim_index,
    is_self,
    longest_first,
    may_match,
)
from impactclaim.statement.model import Claim, FutureCommitment, Path, Statement, parse_date

# --- term lists ---------------------------------------------------------------------------------
#
# Notation of the term lists, so that they stay readable as documentation:
#   - a space matches one or more spaces or hyphens ("environmentally friendly" also matches
#     "environmentally-friendly");
#   - a hyphen matches a hyphen, a space or nothing ("eco-friendly", "eco friendly", "ecofriendly");
#   - "CO2" also matches "CO₂";
#   - a trailing "~" adds the regular Dutch adjective endings -e, -er, -ere, -st, -ste
#     ("groen~" is groen, groene, groener, groenere, groenst, groenste).
# Terms match whole words only, case-insensitively: a term inside a longer word (a Dutch
# compound such as "groente", "groenafval" or "duurzaamheidsverslag", or "greenhouse") is not
# a match, because a compound names a different thing.

#: Climate-neutrality terms: generic without a label (IC102), and banned with offsets (IC103).
NEUTRALITY_TERMS: dict[str, tuple[str, ...]] = {
    "nl": ("klimaatneutraal", "klimaatneutrale", "CO2-neutraal", "CO2-neutrale", "koolstofneutraal",
           "koolstofneutrale", "energieneutraal", "energieneutrale", "netto-nul"),
    "en": ("climate neutral", "climate-neutral", "carbon neutral", "carbon-neutral", "CO2 neutral",
           "CO2-neutral", "net zero", "net-zero"),
}

#: Generic environmental terms (Directive (EU) 2024/825, recital 9; ACM Leidraad rule 1), checked
#: in every claim, plus the neutrality terms above.
GENERIC_TERMS: dict[str, tuple[str, ...]] = {
    "nl": ("duurzaam", "duurzame", "duurzamer", "duurzamere", "duurzaamst", "duurzaamste",
           "groen~", "milieuvriendelijk~", "klimaatvriendelijk~", "natuurvriendelijk~",
           "planeetvriendelijk~", "ecologisch~", "milieubewust~", "klimaatbewust~",
           "biologisch afbreekbaar", "biologisch afbreekbare", "biobased", "energiezuinig~",
           *NEUTRALITY_TERMS["nl"]),
    "en": ("sustainable", "sustainably", "green", "greener", "greenest", "eco-friendly",
           "environmentally friendly", "environment-friendly", "climate-friendly", "nature-friendly",
           "planet-friendly", "earth-friendly", "carbon-friendly", "ecological", "ecologically",
           "environmentally correct", "gentle on the environment", "environmentally conscious",
           "eco-conscious", "environmentally responsible", "biodegradable", "bio-based",
           "energy-efficient", *NEUTRALITY_TERMS["en"]),
}

#: Broad words that 2024/825 (recital 9) counts as generic environmental claims when they suggest
#: excellent environmental performance: checked only in claims with ``domain: environmental``,
#: because elsewhere they have other meanings ("responsible for", "verantwoorde zorg"). Dutch
#: "bewust" is left out: it mostly means "deliberately" ("bewust gekozen").
BROAD_TERMS: dict[str, tuple[str, ...]] = {
    "nl": ("verantwoord", "verantwoorde", "verantwoorder"),
    "en": ("conscious", "consciously", "responsible", "responsibly"),
}

#: Names that contain a generic term but are no claim: policies and places.
NOT_GENERIC: tuple[str, ...] = (
    "Green Deal", "Green Deals", "Groene Hart", "responsible for",
    # The UN goals and official names of recognised schemes and bodies: a name, not a claim.
    "Sustainable Development Goals", "Sustainable Development Goal", "UN Sustainable Development Goals",
    "UN Sustainable Development Goal", "UN Sustainable Development", "openbaar groen", "openbare groen",
    "Duurzame Ontwikkelingsdoelen", "Duurzame Ontwikkelingsdoelstellingen", "Duurzaam Ontwikkelingsdoel",
    "Roundtable on Sustainable Palm Oil", "Roundtable on Sustainable Biomaterials", "Sustainable Forestry Initiative",
    "Green Key", "Dutch Green Building Council", "Green Building Council", "Ecolabel", "EU Ecolabel",
    "Milieukeur", "Groen Label Kas", "Green Label Greenhouse", "MVO Nederland",
    "Sustainable Finance Disclosure Regulation", "Green Claims", "Green Claims Code",
    # green infrastructure: a roof or wall with plants on it is a thing, not a claim about it
    "green roof", "green roofs", "green wall", "green walls", "green space", "green spaces", "green facade",
    "green facades", "groen dak", "groene daken", "groene dak", "groene gevel", "groene gevels", "groene muur",
    "groene ruimte", "groene ruimtes", "groenvoorziening", "groenvoorzieningen",
    # trade and craft terms: unroasted coffee is "green", and ecological mowing is a named way of
    # managing verges (phased mowing, cuttings removed), not a claim about the enterprise
    "groene koffie", "groene koffiebonen", "green coffee", "green coffee beans", "ecologisch maaien",
    "ecologisch gemaaid", "ecologisch maaibeheer", "ecologisch bermbeheer", "ecologisch groenbeheer",
    "ecologisch beheer", "ecological mowing",
    # the ecologist's trade: "een ecologisch bureau telde 23 soorten", "een ecologische check voor elke klus"
    "ecologisch bureau", "ecologisch adviesbureau", "ecologische check", "ecologische quickscan",
    "ecologisch onderzoek", "ecologische begeleiding", "ecologisch werkprotocol", "ecological survey",
    "ecological consultancy", "ecological consultant", "ecological check",
    # the instrument that proves where electricity comes from (garanties van oorsprong), by its name
    "groene stroomcertificaten", "groenestroomcertificaten", "groene stroom certificaten", "groencertificaten",
    "green electricity certificates", "green power certificates", "green energy certificates",
    # plants where paving was: "tegels eruit, groen erin", "meer groen in de wijk"
    "groen erin", "het groen",
)
#: Dutch labour-market terms in which "duurzaam" means lasting, not green: not generic in a
#: claim that is not about the environment ("duurzame uitstroom naar werk").
LABOUR_MARKET_TERMS: tuple[str, ...] = (
    "duurzame inzetbaarheid", "duurzaam inzetbaar", "duurzame uitstroom", "duurzaam uitgestroomd", "duurzaam werk",
    "duurzaam aan het werk", "duurzaam betaald werk", "duurzame plaatsing", "duurzame plaatsingen",
    "duurzaam geplaatst", "duurzame arbeidsrelatie", "duurzame arbeidsrelaties", "duurzame re-integratie",
    "duurzame arbeidsparticipatie", "duurzame participatie", "duurzame baan", "duurzame banen",
    "duurzaam herstel", "sustainable employment", "sustainable employability", "sustainably employed",
    # the same as verbs: "15 oud-deelnemers stroomden duurzaam uit"
    "stroomden duurzaam uit", "stroomde duurzaam uit", "stromen duurzaam uit", "stroomt duurzaam uit",
    "duurzaam uitstromen", "duurzaam uit te stromen", "duurzaam uitstroomden", "duurzaam aan de slag",
    # the same terms in English texts of Dutch enterprises: "sustainable outflow (duurzame uitstroom)"
    "sustainable outflow", "sustainable exit", "sustainable placement", "sustainable placements",
    "sustainably placed", "sustainable reintegration", "sustainable re-integration", "sustainable job",
    "sustainable jobs", "sustainable work",
)

#: Wording that states a positive climate impact or a negative footprint (IC103), besides the
#: neutrality terms.
POSITIVE_IMPACT_TERMS: dict[str, tuple[str, ...]] = {
    "nl": ("klimaatpositief", "klimaatpositieve", "CO2-positief", "CO2-positieve", "CO2-negatief",
           "CO2-negatieve"),
    "en": ("climate positive", "climate-positive", "carbon negative", "carbon-negative", "CO2-negative",
           "carbon positive", "carbon-positive"),
}

_DUTCH_ENDINGS = "(?:e|er|ere|st|ste)?"


def _term_pattern(term: str) -> str:
    endings = term.endswith("~")
    term = term.rstrip("~")
    parts = []
    for char in term:
        if char == " ":
            parts.append(r"[\s-]+")
        elif char == "-":
            parts.append(r"[\s-]?")
        else:
            parts.append(re.escape(char))
    pattern = "".join(parts).replace("CO2", "CO[2₂]")
    return pattern + (_DUTCH_ENDINGS if endings else "")


def _compile(terms: Iterable[str]) -> Phrases:
    # Longest first, so that "greener" is reported rather than stopping at a shorter alternative.
    return Phrases("|".join(longest_first(_term_pattern(term) for term in terms)))


_GENERIC = {language: _compile(terms) for language, terms in GENERIC_TERMS.items()}
_BROAD = {language: _compile(terms) for language, terms in BROAD_TERMS.items()}
_NOT_GENERIC = _compile(NOT_GENERIC)
_NOT_GENERIC_SOCIAL = _compile((*NOT_GENERIC, *LABOUR_MARKET_TERMS))
_NEUTRAL_OR_POSITIVE = {language: _compile((*NEUTRALITY_TERMS[language], *POSITIVE_IMPACT_TERMS[language]))
                        for language in NEUTRALITY_TERMS}


def _found(patterns: Iterable[re.Pattern[str] | Phrases], text: str, exempt: Phrases | None = None) -> list[str]:
    """The distinct words of ``text`` that the patterns match, in text order, as written."""
    # Exempt spans come out of finditer in order and do not overlap, so one binary search per
    # hit finds the span that could hold it: linear in the text, however many of each it has.
    found = [match for pattern in patterns for match in pattern.finditer(text)]
    if not found:
        return []
    skip = [match.span() for match in exempt.finditer(text)] if exempt else []
    starts = [start for start, _ in skip]
    hits: dict[int, str] = {}
    for match in found:
        index = bisect.bisect_right(starts, match.start()) - 1
        if index < 0 or match.start() >= skip[index][1]:
            hits.setdefault(match.start(), match.group())
    seen: dict[str, str] = {}
    for _start, word in sorted(hits.items()):
        seen.setdefault(word.lower(), word)
    return list(seen.values())


# A term the sentence denies is no claim: "klimaatneutraal zijn we nog niet", "we are not yet
# carbon neutral", "nog niet CO2-neutraal". "Niet alleen duurzaam" (not only) still claims it.
_DENIED_AFTER = regex(r"\b(?:not|niet|never|nooit|no longer|niet langer)(?:\s+yet|\s+nog)?\s+(?!only\b|just\b|alleen\b"
                      r"|enkel\b|slechts\b|merely\b|less\b|minder\b)(?:(?:fully|helemaal|volledig|100%)\s+)?"
                      r"((?:[\w-]+\s+)?[\w-]+)", re.IGNORECASE)
_DENIED_BEFORE = regex(r"\b([\w-]+)\s+(?:zijn|is|ben|was|waren|worden|wordt)\s+(?:we|wij|ze|zij|het|onze \w+)\s+"
                       r"(?:nog\s+)?(?:niet|nooit)\b", re.IGNORECASE)
_DENIED_NAME = regex(r"\b(?:not|never|niet|nooit|geen)\s+(?:call|calls|noemen|noem|claim|claims|claimen)\s+"
                    r"(?:ourselves|our \w+|ons|onszelf|us)?\s*((?:[\w-]+\s+)?[\w-]+)(?=\s*(?:[.;,!?]|$))",
                    re.IGNORECASE)  # "... climate neutral lightly: we offset" is no denial
# "we claimen geen klimaatneutrale melk": the claim that is not made, named at the end of its clause
# ... but not "Wij claimen geen klimaatneutrale inzameling. Wij leveren haar gewoon.": that claims it all the more
_DENIED_CLAIM = regex(r"\b(?:claimen|claimt|claim|claims|noemen|noemt|beweren)\s+(?:we\s+|wij\s+)?(?:geen|niet)\s+"
                      r"((?:[\w-]+\s+)?[\w-]+)(?=\s*(?:[.;,!?]|$))"
                      r"(?![.;,!?]?\s*(?:maar\s+|but\s+)?(?:wij|we)\s+(?:\w+\s+){0,2}?(?:gewoon|simply|just|doen|do|leveren"
                      r"|deliver|zijn|are)\b)", re.IGNORECASE)
_DENIAL_CUE = regex(r"\b(?:not|niet|never|nooit|no longer|geen)\b", re.IGNORECASE)


def _without_denials(text: str) -> str:
    """``text`` with the words a denial speaks of blanked out (same length)."""
    if not _DENIAL_CUE.search(text):
        return text
    # a name denied first: "not call ourselves X"
    for pattern in (_DENIED_NAME, _DENIED_CLAIM, _DENIED_AFTER, _DENIED_BEFORE):
        for match in list(pattern.finditer(text))[::-1]:
            start, end = match.span(1)
            text = text[:start] + " " * (end - start) + text[end:]
    return text


# Green electricity whose source the sentence names ("100% groene stroom van Nederlandse
# windparken", "green power from our own solar roof", "met garanties van oorsprong") is specific.
_GREEN_POWER = regex(r"\b(?:groene\s+(?:stroom|elektriciteit)|green\s+(?:electricity|power))\b", re.IGNORECASE)
_POWER_SOURCE = regex(r"\b(?:wind(?:park|parken|molen|molens|turbines?|farms?|energie|stroom|power)?|zonne\w*"
                      r"|zonnepa\w*|solar|hydro\w*|waterkracht\w*|garanties? van oorsprong|gvo'?s?"
                      r"|guarantees? of origin)\b",
                      re.IGNORECASE)


def _without_named_green_power(text: str) -> str:
    """``text`` with "groene stroom" blanked out in a sentence that names where the power comes from."""
    if not _GREEN_POWER.search(text):
        return text
    pieces = []
    for sentence in regex(r"[^.!?]+[.!?]*").findall(text) or [text]:
        if _POWER_SOURCE.search(sentence):
            sentence = _GREEN_POWER.sub(lambda match: " " * len(match.group()), sentence)
        pieces.append(sentence)
    joined = "".join(pieces)
    return joined if len(joined) == len(text) else text


# A title: a run of capitalised words ("in de Monitor Duurzame Melkveehouderij 2024", "the Sustainable
# Dairy Monitor") names a report, a programme or a body. Three capitalised words, or two and a year,
# not counting the first word of a sentence; a text written in title case is left as it is.
_TITLE_RUN = regex(r"(?<![\w-])[A-Z][\w'’-]*(?:\s+(?:(?:van|de|het|der|voor|en|of|the|and|for|on)\s+)*[A-Z][\w'’-]*)+"
                   # the year or years of its edition: "Gemeentelijk Rioleringsprogramma Tilburg 2023-2027"
                   r"(\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\b)?")
_CAPITALISED = regex(r"(?<![\w-])[A-Z][\w'’-]*")
# The words a title of a report, programme or body ends or starts with: "Monitor", "Council", "Fonds".
_TITLE_HEAD = regex(r"(?<![\w-])(?:\w*[Mm]onitor|Index|\w*(?:[Pp]rogramm[ae]|[Pp]rogram)|Council|Raad|Award|Prijs"
                    r"|Fonds|Fund"
                    r"|Report|Rapport|Coalition|Initiative|Initiatief|Alliance|Alliantie|Network|Netwerk|Agenda"
                    r"|Standard|Standaard|Barometer|Benchmark|Platform|Stichting|Foundation|Institute|Instituut"
                    r"|Code|Covenant|Convenant|Deal|Keurmerk|Label|Week|Dag|Day|Strategy|Strategie|Directive"
                    r"|Richtlijn|Regulation|Verordening)\b")
_WORD_START = regex(r"(?<![\w'’-])\w")


_OWN_BEFORE = regex(r"\b(?:ons|onze|our|mijn|my)(?:\s+(?:eigen|own))?\s+$", re.IGNORECASE)
_OWN_WORDS = frozenset({"ons", "onze", "our", "mijn", "my"})


def _without_titles(text: str, *, keep_own: bool = False, own: OwnName | None = None) -> str:
    """``text`` with the titles of reports, programmes and bodies blanked out (same length).

    With ``keep_own``, a title the enterprise calls its own ("ons eigen Programma Nul Afval 2030",
    "our Sustainable Textile Strategy") or that holds its name (``own``: "het Grachtenvracht
    Programma 2025-2028") stays.
    """
    if not _TITLE_RUN.search(text):
        return text
    words = len(_WORD_START.findall(text))
    if words and len(_CAPITALISED.findall(text)) * 2 > words:
        return text  # "Our Green And Sustainable Bakery": title case throughout, no title
    for match in list(_TITLE_RUN.finditer(text))[::-1]:
        run = match.group()
        capitalised = _CAPITALISED.findall(run)
        if not text[:match.start()].strip() or text[:match.start()].rstrip()[-1] in ".!?:":
            capitalised = capitalised[1:]  # the first word of a sentence is capitalised anyway
        if keep_own and (_OWN_BEFORE.search(text, max(0, match.start() - 14), match.start())
                         or run.split(maxsplit=1)[0].lower() in _OWN_WORDS
                         or (own is not None and own.named_in(run))):
            continue
        if len(capitalised) >= 2 and (match.group(1) or _TITLE_HEAD.search(run)):
            text = text[:match.start()] + " " * len(run) + text[match.end():]
    return text


def _quoted(words: Iterable[str]) -> str:
    return ", ".join(f'"{word}"' for word in words)


# A goal or target named by its number and its title in brackets: "SDG 11 (sustainable cities and
# communities)", "subdoel 12.7 (duurzaam inkopen)". The title is the UN's words, not the claim's.
_SDG_MENTION = regex(r"sdg|sustainable development goal|duurzame ontwikkelingsdoel|werelddoel|global goal",
                          re.IGNORECASE)
_NUMBERED_TITLE = regex(r"(?<![\w.,])\d{1,2}(?:\.\w{1,2})?\s*(\([^()]{1,80}\))")


def _without_sdg_titles(text: str) -> str:
    """``text`` with the bracketed titles after SDG numbers blanked out (same length), when it speaks of the SDGs."""
    if "(" not in text or not _SDG_MENTION.search(text):
        return text
    for match in list(_NUMBERED_TITLE.finditer(text))[::-1]:
        start, end = match.span(1)
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _has_scheme(claim: Claim) -> bool:
    return bool(claim.label and claim.label.scheme)


# --- IC102 --------------------------------------------------------------------------------------

class GenericTerm(Rule):
    """A claim uses a generic environmental term such as "duurzaam" or "green" without a recognised label.

    Looks for generic environmental terms in each claim's ``text``, in Dutch and in English
    (both lists are checked whatever the statement's ``language``, because Dutch marketing
    borrows "green" and "eco-friendly"). Matching is case-insensitive and on whole words: a
    term inside a longer word does not count, so "groente", "groenafval",
    "duurzaamheidsverslag" and "greenhouse gas" are not generic claims. Dutch compounds are
    therefore only caught when they are generic terms themselves ("milieuvriendelijk",
    "klimaatneutraal"). A hyphen separates words, so "sustainably-sourced" and "green-certified"
    do count. Comparatives and superlatives count ("duurzamer", "greener", "groenste"): "greener"
    is as vague as "green". Names are not claims: "Green Deal", "Groene Hart", the "(UN)
    Sustainable Development Goals" and "Duurzame Ontwikkelingsdoelen", the official names of
    recognised schemes and bodies ("Roundtable on Sustainable Palm Oil", "Green Key", "EU
    Ecolabel", "Dutch Green Building Council"), the titles of SDG goals and targets named by
    their number ("SDG 11 (sustainable cities and communities)"), the titles of reports,
    programmes and bodies (three capitalised words, or two and a year: "de Monitor Duurzame
    Melkveehouderij 2024", also a strategy, directive or regulation: "the EU Strategy for
    Sustainable and Circular Textiles (2022)"), the ecologist's trade ("een ecologisch bureau
    telde", "een ecologische check"), the certificates that prove where electricity comes from
    ("groene stroomcertificaten"), plants where paving was ("werken in het groen", "meer groen
    in de wijk"), a term the claim refuses ("we do not call ourselves climate neutral", "we
    claimen geen klimaatneutrale melk") and the enterprise's own registered or trade name. The terms are
    checked in claims of every domain, except that in a claim whose ``domain`` is not
    environmental the Dutch labour-market terms in which "duurzaam" means lasting ("duurzame
    inzetbaarheid", "duurzame uitstroom", "duurzaam werk", "duurzame plaatsing", and in English
    "sustainable employment", "sustainable outflow") are not generic environmental claims.

    The terms: duurzaam, groen, milieuvriendelijk, klimaatvriendelijk, natuurvriendelijk,
    planeetvriendelijk, ecologisch, milieubewust, klimaatbewust, biologisch afbreekbaar,
    biobased, energiezuinig, klimaatneutraal, CO2-neutraal, koolstofneutraal, energieneutraal,
    netto-nul; sustainable, sustainably, green, eco-friendly, environmentally friendly, climate
    friendly, nature friendly, planet friendly, earth friendly, carbon friendly, ecological,
    environmentally correct, gentle on the environment, environmentally conscious,
    eco-conscious, environmentally responsible, biodegradable, bio-based, energy efficient,
    climate neutral, carbon neutral, CO2 neutral, net zero (with their inflections). In claims
    with ``domain: environmental`` also the broad words "conscious", "responsible" (not
    "responsible for") and "verantwoord".

    The rule does not fire when the claim has a ``label`` with a ``scheme``: a certification
    scheme with third-party verification is how a trader shows the recognised excellent
    environmental performance the term suggests. The climate-neutrality terms are generic too
    and fire here without such a label; when the neutrality rests on offsetting, IC103
    (offset-neutrality) fires as well, label or not.

    Why: Directive (EU) 2024/825 (empowering consumers for the green transition, applying from
    27 September 2026) adds to the blacklist of the Unfair Commercial Practices Directive
    generic environmental claims for which the trader cannot demonstrate recognised excellent
    environmental performance; its recital 9 names "environmentally friendly", "eco-friendly",
    "green", "ecological", "climate friendly", "biodegradable" and similar words. The ACM
    Leidraad Duurzaamheidsclaims (2023), rule 1, asks for correct, clear, specific and complete
    claims instead of vague ones such as "duurzaam" or "groen".

    Failing example::

        metrics:
          - id: bread-local-grain
            name: Bread baked from grain grown within 50 km
            unit: kg
            value: 12000
        claims:
          - id: local-bread
            text: Our bread is sustainable.
            domain: environmental
            basis:
              metrics: [bread-local-grain]

    Passing example::

        metrics:
          - id: bread-local-grain
            name: Bread baked from grain grown within 50 km
            unit: kg
            value: 12000
        claims:
          - id: local-bread
            text: We baked 12,000 kg of bread from grain grown within 50 km of the bakery.
            domain: environmental
            basis:
              metrics: [bread-local-grain]
    """

    code: ClassVar[str] = "IC102"
    slug: ClassVar[str] = "generic-term"
    severity: ClassVar[Severity] = Severity.ERROR
    summary: ClassVar[str] = (
        "A claim uses a generic environmental term such as \"duurzaam\" or \"green\" without a recognised label.")

    def check(self, statement: Statement) -> Iterator[Issue]:
        index = claim_index(statement)
        generic = set().union(*(index.owners(pattern) for pattern in _GENERIC.values()))
        broad = set().union(*(index.owners(pattern) for pattern in _BROAD.values()))
        for claim in statement.claims if generic or broad else ():
            if _has_scheme(claim) or (id(claim) not in generic and not (
                    claim.domain == "environmental" and id(claim) in broad)):
                continue
            patterns = list(_GENERIC.values())
            exempt = _NOT_GENERIC_SOCIAL
            if claim.domain == "environmental":
                patterns += _BROAD.values()
                exempt = _NOT_GENERIC
            if not any(may_match(pattern, claim.text) for pattern in patterns):
                continue
            own = OwnName.of(statement.organisation)
            for where, text in located_texts(claim.text):
                # "De Groene Fietsfabriek" is a name, not a claim.
                # The SDG titles first: they are found by the goals' name, which a title would hide.
                searched = _without_denials(_without_named_green_power(_without_titles(
                    _without_sdg_titles(own.masked(text)), keep_own=True)))
                words = _found(patterns, searched, exempt=exempt)
                if not words:
                    continue
                yield Issue(
                    where,
                    ngettext("claim '{claim}' uses the generic term {terms} without a recognised label",
                             "claim '{claim}' uses the generic terms {terms} without a recognised label",
                             len(words)).format(claim=claim.id, terms=_quoted(words)),
                    _("say concretely what the benefit is and how large it is (e.g. '40% less CO2e than new "
                      "timber'), or base the claim on a label with a certification scheme (label.scheme)"))


# --- IC103 --------------------------------------------------------------------------------------

# What a text says about offsetting: any form of compensate/compensatie/offset, carbon credits.
_OFFSET_MENTION = regex(
    r"\b\w*(?:compens|kompens)\w*|\boffset\w*|\b(?:carbon|CO[2₂]|koolstof)[\s-]?credits?\b", re.IGNORECASE)
# Saying that emissions *are* compensated states a reduced or neutral net impact ...
_COMPENSATED = regex(
    r"\b\w*gecompenseerd\w*|\b\w*compensated\b"
    r"|\b(?:is|are|was|were|be|been|being|fully|completely|entirely|totally|100\s?%)\s+offset\b",
    re.IGNORECASE)
# ... but only when it is about climate: "loonkosten worden gecompenseerd" is no climate claim.
_CLIMATE_SUBJECT = regex(
    r"\b(?:CO[2₂]e?|tCO[2₂]e|carbon|klimaat\w*|climate|emissions?|emissies?|\w*uitstoot|broeikasgas\w*"
    r"|greenhouse|footprint|\w*voetafdruk)\b", re.IGNORECASE)


_COMPENSATION_STEM = regex(r"compens|kompens|offset")


class OffsetNeutrality(Rule):
    """A claim of neutral or positive climate impact relies on offsetting.

    Fires when a claim's ``text`` states a neutral, reduced or positive climate impact and the
    claim relies on offsetting. Impact wording is: the climate-neutrality terms of IC102
    (klimaatneutraal, CO2-neutraal, koolstofneutraal, energieneutraal, netto-nul, climate
    neutral, carbon neutral, CO2 neutral, net zero), positive-impact terms (klimaatpositief,
    CO2-positief, CO2-negatief, climate positive, carbon positive, carbon negative), and saying
    that climate emissions *are* compensated ("CO2-gecompenseerd", "onze uitstoot wordt
    gecompenseerd", "carbon compensated", "our emissions are fully offset"). The claim relies on
    offsetting when it has ``offsets: true`` or its text mentions compensation or offsetting
    (compensatie, compenseren, offset, carbon credits). A factual sentence about offsetting
    without impact wording ("we financed 40 tCO2e of certified carbon credits") does not fire.
    A label does not help: IC102 stops at a certified label, this rule does not. A neutrality
    the claim refuses ("we do not offset and do not call ourselves climate neutral") is none.

    Why: Directive (EU) 2024/825 adds to the blacklist of the Unfair Commercial Practices
    Directive claiming, based on the offsetting of greenhouse gas emissions, that a product has
    a neutral, reduced or positive impact on the environment. The ACM Leidraad
    Duurzaamheidsclaims (2023) asks that compensation is presented for what it is, not as a
    smaller footprint of the product (rules 1 and 2).

    Failing example::

        metrics:
          - id: emissions
            name: Scope 1 and 2 emissions
            unit: tCO2e
            value: 18.4
        claims:
          - id: deliveries
            text: Our deliveries are carbon neutral thanks to certified offsets.
            domain: environmental
            scope: service
            basis:
              metrics: [emissions]
            label:
              name: Climate Neutral Certified
              scheme: Climate Neutral Certified standard, third-party verified

    Passing example::

        metrics:
          - id: emissions
            name: Scope 1 and 2 emissions
            unit: tCO2e
            value: 18.4
        claims:
          - id: deliveries
            text: We deliver by cargo bike within the ring road, which emitted 18.4 tCO2e in total this year.
            domain: environmental
            scope: service
            basis:
              metrics: [emissions]
            offsets: false
    """

    code: ClassVar[str] = "IC103"
    slug: ClassVar[str] = "offset-neutrality"
    severity: ClassVar[Severity] = Severity.ERROR
    summary: ClassVar[str] = "A claim of neutral or positive climate impact relies on offsetting."

    def check(self, statement: Statement) -> Iterator[Issue]:
        index = claim_index(statement)
        candidates = index.owners_with(_COMPENSATION_STEM)
        for pattern in _NEUTRAL_OR_POSITIVE.values():
            candidates |= index.owners(pattern)
        for claim in statement.claims if candidates else ():
            if id(claim) not in candidates:
                continue  # no neutral or positive wording, and no compensated or offset emissions
            for where, text in located_texts(claim.text):
                yield from self._check_text(claim, where, text)

    def _check_text(self, claim: Claim, where: Path, text: str) -> Iterator[Issue]:
        # "We do not offset and do not call ourselves climate neutral" claims no neutrality.
        impact = _found(_NEUTRAL_OR_POSITIVE.values(), _without_denials(text))
        if _CLIMATE_SUBJECT.search(text):
            impact += [word for word in _found([_COMPENSATED], text) if word not in impact]
        if not impact:
            return
        # Offset words that are part of the impact wording itself ("fully offset") say nothing new.
        mentions = [word for word in _found([_OFFSET_MENTION], text)
                    if not any(word.lower() in said.lower() for said in impact)]
        if claim.offsets is True:
            message = _("claim '{claim}' states {impact} and has offsets: true; a neutral, reduced or positive "
                        "climate impact may not rest on offsetting")
        elif mentions:
            message = _("claim '{claim}' states {impact} and mentions {mentions}; a neutral, reduced or positive "
                        "climate impact may not rest on offsetting")
        elif _OFFSET_MENTION.search(text):
            message = _("claim '{claim}' states {impact}, which is offsetting by its own words; a neutral, reduced "
                        "or positive climate impact may not rest on offsetting")
        else:
            return
        yield Issue(
            where,
            message.format(claim=claim.id, impact=_quoted(impact), mentions=_quoted(mentions)),
            _("report the measured reduction of your own emissions instead, and describe offsetting "
              "separately as a contribution to climate projects, not as a smaller footprint"))


# --- IC104 --------------------------------------------------------------------------------------

_NARROW_SCOPES = ("product", "service", "site", "activity")
# The hint of IC104 for each narrow scope: the scope is a word of the sentence, so each has its own.
_SCOPE_HINTS = {
    "product": N_("limit the text to the product the claim is about, or set scope: organisation and "
                  "substantiate the claim for the whole organisation"),
    "service": N_("limit the text to the service the claim is about, or set scope: organisation and "
                  "substantiate the claim for the whole organisation"),
    "site": N_("limit the text to the site the claim is about, or set scope: organisation and "
               "substantiate the claim for the whole organisation"),
    "activity": N_("limit the text to the activity the claim is about, or set scope: organisation and "
                   "substantiate the claim for the whole organisation"),
}
_ADVERB = r"(?:(?:nu|al|volledig|helemaal|geheel|now|already|fully|entirely|completely|100\s?%)\s+){0,2}"


def _whole_words(patterns: Iterable[str]) -> Phrases:
    # A literal space in a pattern stands for any run of whitespace (claims are folded text).
    return Phrases("|".join(p.replace(" ", r"\s+") for p in patterns))


_ALL_TERMS_NL = "|".join(longest_first(_term_pattern(t) for t in (*GENERIC_TERMS["nl"], *POSITIVE_IMPACT_TERMS["nl"])))
_ALL_TERMS_EN = "|".join(longest_first(_term_pattern(t) for t in (*GENERIC_TERMS["en"], *POSITIVE_IMPACT_TERMS["en"])))

#: Phrases that speak about the whole organisation or all its products (IC104).
WHOLE_ORGANISATION_PHRASES: tuple[str, ...] = (
    # Dutch
    r"al(?:le)? onze (?:producten|diensten|locaties|vestigingen|winkels|activiteiten|bedrijfsactiviteiten"
    r"|verpakkingen|voertuigen|processen|energie|stroom|uitstoot)",
    r"alle producten|alle diensten|(?:elk|ieder) (?:product|artikel)",
    r"ons (?:hele |gehele |volledige )?(?:bedrijf|assortiment)",
    r"onze (?:hele |gehele |volledige )?(?:organisatie|onderneming|bedrijfsvoering|productie)",
    r"(?:het|de) (?:hele|gehele|volledige) (?:bedrijf|organisatie|onderneming)",
    r"bedrijfsbreed|organisatiebreed|alles wat (?:wij|we) (?:maken|doen|verkopen)",
    r"(?:wij|we) zijn " + _ADVERB + r"(?:een |het |de )?(?:\w+ )?(?:bedrijf|organisatie|onderneming)",
    r"(?:wij|we) zijn " + _ADVERB + r"(?:" + _ALL_TERMS_NL + r")",
    # English
    r"all (?:of )?our (?:products|services|sites|locations|shops|stores|branches|activities|operations"
    r"|packaging|vehicles|fleet|energy|electricity|emissions|production|processes)",
    r"all products|all services|(?:every|each) (?:one of our |of our )?products?",
    r"our (?:whole |entire )?(?:company|business|organi[sz]ation)",
    r"our (?:whole|entire) (?:range|product range|operations)",
    r"the (?:whole|entire) (?:company|business|organi[sz]ation)",
    r"(?:company|organi[sz]ation|business)[\s-]wide|everything we (?:make|do|sell)",
    r"(?:we are|we're|we’re) " + _ADVERB + r"(?:a |an |the )?(?:\w+ )?(?:company|business|organi[sz]ation)",
    r"(?:we are|we're|we’re) " + _ADVERB + r"(?:" + _ALL_TERMS_EN + r")",
)


@cache
def _whole_organisation() -> Phrases:
    # Compiled on first use: the long phrase list costs about 6 ms to compile, and only claims
    # with a narrow scope need it, so validating most statements never pays for it.
    return _whole_words(WHOLE_ORGANISATION_PHRASES)


#: A product scope that covers the whole range ("the full 2025 range of 24 products", "ons hele
#: assortiment"), and the phrases that then say no more than the scope does.
_WHOLE_RANGE = _whole_words([r"(?:full|whole|entire|complete|volledige?|hele|gehele|complete?) (?:\w+ )?"
                             r"(?:range|product range|assortiment|productlijn|product line)",
                             r"(?:all|alle|every|each|elk|ieder) (?:\w+ ){0,2}(?:products?|producten|artikelen)"])
_PRODUCT_RANGE = _whole_words([r"al(?:le)? onze producten|alle producten|(?:elk|ieder) (?:product|artikel)",
                               r"ons (?:hele |gehele |volledige )?assortiment",
                               r"all (?:of )?our products|all products",
                               r"(?:every|each) (?:one of our |of our )?products?",
                               r"our (?:whole|entire) (?:range|product range)"])


class ScopeOverreach(Rule):
    """A claim scoped to a product, service, site or activity speaks about the whole organisation.

    Fires when a claim has ``scope`` product, service, site or activity, but its ``text`` speaks
    about the whole organisation or all its products. The phrases (case-insensitive, whole
    words):

    - Dutch: "al(le) onze" followed by producten, diensten, locaties, vestigingen, winkels,
      activiteiten, verpakkingen, voertuigen, processen, energie, stroom or uitstoot; "alle
      producten", "alle diensten", "elk/ieder product"; "ons (hele) bedrijf", "ons (hele)
      assortiment"; "onze (hele) organisatie/onderneming/bedrijfsvoering/productie"; "het hele
      bedrijf", "de hele organisatie"; "bedrijfsbreed", "alles wat we maken/doen/verkopen";
      "wij zijn (een ...) bedrijf/organisatie" and "wij zijn" followed by a generic term of
      IC102 ("wij zijn klimaatneutraal").
    - English: "all (of) our" followed by products, services, sites, locations, shops, stores,
      branches, activities, operations, packaging, vehicles, fleet, energy, electricity,
      emissions, production or processes; "all products", "every product", "each of our
      products"; "our (whole) company/business/organisation"; "our entire range/operations";
      "the whole company"; "company-wide", "everything we make/do/sell"; "we are (a ...)
      company/business/organisation" and "we are" followed by a generic term ("we are carbon
      neutral").

    "All our participants" or "onze cliënten" do not count: people served by one service are
    within its scope. Nor do "every product", "alle producten" or "our entire range" when the
    scope is ``product`` and ``scope_detail`` says it covers the whole range ("the full 2025
    range of 24 products"). Claims without ``scope`` or with ``scope: organisation`` are not checked.

    Why: Directive (EU) 2024/825 adds to the blacklist of the Unfair Commercial Practices
    Directive making an environmental claim about the entire product or the trader's entire
    business when it concerns only a certain aspect of the product or a specific activity of
    the business. The ACM Leidraad Duurzaamheidsclaims (2023), rule 1, asks for claims that are
    specific and complete about what they cover.

    Failing example::

        metrics:
          - id: solar-share
            name: Share of the bakery's electricity from its own solar panels
            unit: "%"
            kind: percentage
            value: 35
        claims:
          - id: solar
            text: Our company runs on sunshine.
            domain: environmental
            scope: site
            scope_detail: Bakery at the Oudegracht
            basis:
              metrics: [solar-share]

    Passing example::

        metrics:
          - id: solar-share
            name: Share of the bakery's electricity from its own solar panels
            unit: "%"
            kind: percentage
            value: 35
        claims:
          - id: solar
            text: Solar panels on the roof of our Oudegracht bakery supply part of its electricity.
            domain: environmental
            scope: site
            scope_detail: Bakery at the Oudegracht
            basis:
              metrics: [solar-share]
    """

    code: ClassVar[str] = "IC104"
    slug: ClassVar[str] = "scope-overreach"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = (
        "A claim scoped to a product, service, site or activity speaks about the whole organisation.")

    def check(self, statement: Statement) -> Iterator[Issue]:
        for claim in statement.claims:
            scope = claim.scope
            if scope not in _NARROW_SCOPES or not may_match(_whole_organisation(), claim.text):
                continue
            detail = str(claim.scope_detail) if claim.scope_detail.variants else None
            message = (_("claim '{claim}' has scope '{scope}' but its text speaks about the whole organisation: "
                         "{phrases}") if detail is None
                       else _("claim '{claim}' has scope '{scope}' ({detail}) but its text speaks about the whole "
                              "organisation: {phrases}"))
            whole_range = scope == "product" and may_match(_WHOLE_RANGE, claim.scope_detail) and any(
                _WHOLE_RANGE.search(text) for _, text in located_texts(claim.scope_detail))
            for where, text in located_texts(claim.text):
                phrases = _found([_whole_organisation()], text)
                if whole_range:  # "every product" is the scope itself when the scope is the whole range
                    phrases = [phrase for phrase in phrases if not _PRODUCT_RANGE.search(phrase)]
                if not phrases:
                    continue
                yield Issue(
                    where,
                    message.format(claim=claim.id, scope=scope, detail=detail, phrases=_quoted(phrases)),
                    _(_SCOPE_HINTS[scope]))


# --- IC105 --------------------------------------------------------------------------------------

#: Words that make a claim about future performance (IC105), besides a year after the period.
FUTURE_WORDING: tuple[str, ...] = (
    # Dutch
    r"zal|zullen|zult", r"(?:wij|we) gaan|gaan (?:wij|we)", r"(?:wij|we) willen",
    r"streven|streeft|streef\w*", r"beloven|belooft",
    # English
    r"will|shall|we'll|we’ll", r"going to", r"aims? to|aiming", r"strive|strives|striving",
    r"(?:committed|commit|commits|commitment) to", r"pledges?|pledged", r"plans? to",
)
_FUTURE_WORDS = _whole_words(FUTURE_WORDING)
#: Goal nouns make a claim about the future only with a figure to reach: "ons doel is 60
#: plaatsen", "our target of 80%" (with a later year, the year alone already does). Without one
#: they name an aim ("duurzame uitstroom is ons doel: 15 Leeuwarders hadden een baan"), and
#: "target group", "target register" are no aims at all.
_GOAL_NOUNS = (r"doel|doelen|doelstelling(?:en)?|ambities?|streefwaarden?|streefcijfers?"
               r"|goals?|aims?|targets?|ambitions?")
_GOAL_WITH_FIGURE = _whole_words([
    rf"(?:{_GOAL_NOUNS})(?![\s-]+(?:groups?|registers?|populations?|audiences?|areas?|markets?)\b)"
    r"(?: (?:is|zijn|was|van|of|for|voor|om|to))?(?: (?!(?:19|20)\d\d\b)[^\W\d]+){0,4} (?!(?:19|20)\d\d\b)\d+"])
_MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
           "|january|february|march|may|june|july|august|october")
# A year introduced by a time word ("in 2030", "tegen eind 2028", "by March 2027", "vóór 2030"),
# or the end of a range ("2026-2030"). Other numbers are not years: "2030 kg" and "in totaal 2030
# fietsen" are amounts, which is why only a month, season or part of the year may stand between.
# The year is searched first (a literal "20" the search skips to) and the words before it only
# for a year after the period, which is rare: searching for the time words first was a third of
# the rule's time.
_YEAR_NUMBER = regex(r"(?<![\w.,/])(20\d\d|2100)\b(?![.,]\d)")
_BEFORE_YEAR = regex(
    r"(?:\b(?:in|tegen|vóór|voor|uiterlijk|tot|tot en met|per|vanaf|na|by|before|until|till|from|after|end of)"
    rf"(?:\s+(?:{_MONTHS}|eind|begin|medio|mid|q[1-4]|het jaar|the year|de periode|the period))?\s+"
    r"|\b(?:19|20)\d\d\s*[-–]\s*"
    r"|\b(?:in|tegen|vóór|voor|uiterlijk|tot|per|vanaf|na|by|before|until|till|from|after)\s+20\d\d\s*[-–]\s*)$")


_RANGE_GOES_ON = regex(r"\s*[-–]\s*(?:20\d\d|2100)\b")


_MONTH_NUMBERS = {name: number for number, names in enumerate((
    "januari january", "februari february", "maart march", "april", "mei may", "juni june", "juli july",
    "augustus august", "september", "oktober october", "november", "december"), start=1) for name in names.split()}
_MONTH = regex(rf"\b({_MONTHS})\b")


def _future_year(text: str, match: re.Match[str], end_year: int, published: str | None = None) -> str | None:
    """The words that give a year after ``end_year`` ("in 2030", "2026-2030"), if ``match`` is one.

    A month no later than the statement's publication is past when the statement was written,
    though after the period: "de laatste audit was in maart 2025" in a statement of June 2025.
    """
    year = int(match.group(1))
    if year <= end_year or _RANGE_GOES_ON.match(text, match.end()):
        return None  # the first year of a range: the range's end gives the whole range
    start = max(0, match.start() - 48)
    before = _BEFORE_YEAR.search(text[start:match.start()].lower())
    if before is None:
        return None
    month = _MONTH.search(before.group())
    written = parse_date(published)
    if month is not None and written is not None and (year, _MONTH_NUMBERS[month.group(1)]) <= (written.year,
                                                                                             written.month):
        return None
    return text[start + before.start():match.end()]


_COMMITMENT_FIELDS = ("target_value", "target_year", "plan", "verifier")


_NAMES_AND_SDG_REFERENCES = Phrases(_NOT_GENERIC.body + "|" + SDG_REFERENCE.body)


_NON_WORD = regex(r"\W")
_YEAR_IN_WORD = regex(r"(?:19|20)\d\d|2100")


# A sentence about how the evidence will be gathered is no promise of performance: "Hogeschool
# Friesland-Zuid evalueert de pilot in 2026", "in 2026 breiden we de proef uit naar 30 deelnemers",
# "we repeat the pilot with 8 participants in 2026 and will report both groups". One that also
# names a share or a change to reach ("in 2027 meten we opnieuw en halveren we het afval") still is.
_EVIDENCE_WORK = regex(
    r"\b(?:proef|proeven|pilot\w*|meting\w*|meten|gemeten|evalu\w*|onderzo\w*|peiling\w*|enqu[eê]te\w*|surveys?"
    r"|bewijs|proof|evidence|trials?|steekproef\w*|\w*rapportage|self-report\w*|samples?"
    r"|measure(?:ment)?s?|measuring|stud(?:y|ies)|evaluat\w*|rapporte\w*|report(?:s|ing)?|herha\w*"
    r"|repeat\w*|follow-up)\b", re.IGNORECASE)
_PERFORMANCE_TO_REACH = regex(
    r"%|\b(?:procent|percent|halver\w*|halve|halving|verdubbel\w*|double|doubling|reduc\w*|verminder\w*"
    r"|terug\s*brengen|verlag\w*|verhog\w*|increase\w*|decrease\w*|cut|zero|neutra\w*"
    # or a result for people or planet: "en helpen we 30 mensen aan werk"
    r"|help|helps|helpen|helpt|aan (?:het )?werk|into work|jobs?|banen|bespar\w*|sav(?:e|es|ing)|voorkom\w*"
    r"|prevent\w*|avoid\w*|vermijd\w*"
    # an outcome to reach: "waarin 200 gezinnen uit de schulden komen", "with the same results", "energiepositief"
    r"|uit de schulden|schuldenvrij|debt[- ]free|results?|resultaten|\w+positief|\w*-positive|emissievrij"
    r"|emission[- ]free|werk vinden|vinden werk|find work|finds work)\b", re.IGNORECASE)
_SENTENCES = regex(r"(?:[^.!?;]|[.,](?=\d))+[.!?;]*")
# A target for everything: "by 2030 all our packaging will be plastic-free" is no plan for the evidence.
_WHOLE_TARGET = regex(r"\b(?:all (?:of )?our|alle onze|al onze|ons hele|our entire|every|elke|iedere|100\s?%|geheel"
                      r"|volledig|fully|entirely|\w+vrij|\w+-free|neutra\w*)\b", re.IGNORECASE)
_WHOLE_SENTENCES = regex(r"(?:[^.!?]|[.,](?=\d))+[.!?]*")
# What is done to the evidence: repeated, evaluated, measured, extended, reported.
_EVIDENCE_VERB = regex(r"\b(?:herha\w*|repeat\w*|evalu\w*|meten|meet|gemeten|measur\w*|breid\w* (?:\w+ ){0,4}uit"
                       # deciding about the pilot, not deciding on a target: "we besluiten daarover na een
                       # tweede proef", "we will decide in 2026 whether to offer it", "the pilot continues"
                       r"|besluit\w* (?:\w+ ){0,3}(?:daarover|of|over)|beslissen (?:\w+ ){0,3}(?:daarover|of|over)"
                       r"|decide\w* (?:\w+ ){0,3}(?:whether|about|if|on)|decision (?:on|about|whether)"
                       r"|(?:pilot|proef|trial|study|onderzoek|meting)\w* (?:\w+ ){0,2}"
                       r"(?:continue\w*|loopt door|gaat door|start\w*|begin\w*)"
                       r"|voortgezet|(?:tweede|nieuwe|volgende|grotere) (?:ronde|proef|meting|pilot)"
                       r"|(?:second|larger|bigger|new|next) (?:round|pilot|trial|study)"
                       # checking or publishing what was measured: "we laten het op een steekproef toetsen",
                       # "het gemeten verbruik publiceren we in 2027"
                       r"|toets\w*|getoetst|verifi\w*|publice\w*|publish\w*"
                       r"|uitbreiden|expand\w*|extend\w*|rapporte\w*|report\w*|laten (?:\w+ ){0,9}doen"
                       r"|onderzo\w*|investigat\w*|follow\w* up)\b", re.IGNORECASE)
_FUTURE_TIME = regex(r"\b(?:volgend|komend|next|coming) (?:jaar|year)\b|\bbinnenkort\b|\bstraks\b|\bsoon\b",
                     re.IGNORECASE)
# "Gaan we verder dan de ondergrens" is going beyond it, now.
_GOING_BEYOND = regex(r"\b(?:gaan (?:we|wij)|(?:we|wij) gaan) (?:\w+ )?verder(?: dan\b|\s*[:;,.])", re.IGNORECASE)


def _without_evidence_plans(text: str) -> str:
    """``text`` with the sentences that only plan how evidence is gathered blanked out (same length)."""
    if not _EVIDENCE_WORK.search(text) and not _GOING_BEYOND.search(text):
        return text
    pieces = []
    before = ""
    for sentence in _WHOLE_SENTENCES.findall(text):
        # The evidence may be named in the sentence's first clause, or in the sentence before: "In a
        # small pilot, two cars fed 3.1 MWh back. We will decide in 2026 whether to scale it up."
        about_evidence = _EVIDENCE_WORK.search(sentence) is not None or _EVIDENCE_WORK.search(before) is not None
        before = sentence
        for clause in _SENTENCES.findall(sentence):
            if not _FUTURE_TIME.search(clause):
                clause = _GOING_BEYOND.sub(lambda match: " " * len(match.group()), clause)
            if about_evidence and _EVIDENCE_VERB.search(clause) and not _PERFORMANCE_TO_REACH.search(clause) \
                    and not _WHOLE_TARGET.search(clause):
                clause = " " * len(clause)
            pieces.append(clause)
    joined = "".join(pieces)
    return joined if len(joined) == len(text) else text


def future_words(text: str, period_end: str | None, published: str | None = None,
                 own: OwnName | None = None) -> list[str]:
    """The future wording of ``text`` (IC105): future verbs, goals with a figure, years after ``period_end``.

    A month and year after the period but not after ``published`` (the statement's date) is past.
    Sentences that only plan how the evidence is gathered (a pilot repeated, an evaluation) are
    not read.
    """
    # The years in a title are its edition's: "het Gemeentelijk Rioleringsprogramma Tilburg 2023-2027".
    text = _without_titles(_without_evidence_plans(text), keep_own=True, own=own)
    words = _found([_FUTURE_WORDS], text, exempt=_NAMES_AND_SDG_REFERENCES)
    words += [_NON_WORD.split(goal, maxsplit=1)[0]
              for goal in _found([_GOAL_WITH_FIGURE], text, exempt=_NAMES_AND_SDG_REFERENCES)]
    if period_end is not None:
        end_year = int(period_end[:4])
        for match in _YEAR_NUMBER.finditer(text):
            year = _future_year(text, match, end_year, published)
            if year is not None:
                words.append(year)
    return words


class FutureClaimWithoutPlan(Rule):
    """A claim about future performance lacks a target value, target year, plan or verifier.

    A claim is about the future when its ``text`` has future or target wording, or when it has
    a ``future_commitment`` at all. Future wording is:

    - a year after the end of the reporting period introduced by a time word: in, tegen, vóór,
      voor, uiterlijk, tot, per, vanaf, na, by, before, until, from, after, end of (also "in
      maart 2027", "by Q2 2027", "2026-2030"). A year inside or before the reporting period is
      not future wording, and a bare number ("2030 kg") is no year;
    - Dutch: zal, zullen, "wij/we gaan", "wij/we willen", streven, streeft, beloven;
    - English: will, shall, we'll, going to, aim(s) to, strive, committed/commit to, pledge,
      plan(s) to;
    - a goal noun with a figure to reach within a few words: "ons doel is 60 plaatsen", "our
      target of 80%" (doel, doelstelling, ambitie, streefwaarde, streefcijfer, goal, aim,
      target, ambition). A goal noun without a figure names an aim ("duurzame uitstroom is ons
      doel"), and "doelgroep", "target group" and "target register" are no goals.

    Such a claim needs a ``future_commitment`` with all of ``target_value``, ``target_year``,
    ``plan`` and, for an environmental claim, ``verifier``; the finding lists what is missing.
    The independent verifier is what Directive (EU) 2024/825 asks of environmental claims about
    the future; a social, economic or governance commitment with a value, a year and a plan is
    concrete and measurable as the ACM asks, and is not reported for lacking one. Names and references to the
    UN goals are no future wording ("target 8.5 of the UN Sustainable Development Goals",
    "SDG-doel 8"). A claim without
    ``future_commitment`` that reports targets declared on its basis metrics (a ``target`` with
    value and year, every future year in the text being such a target year: "ons doel is 60
    plaatsen in 2027") reports a declared target and is not reported. Nor is a sentence that only
    plans how the evidence will be gathered, without a share or a change to reach ("Hogeschool
    Friesland-Zuid evalueert de pilot in 2026", "in 2026 breiden we de proef uit naar 30
    deelnemers", "we besluiten daarover na een tweede proef in 2026", "the pilot continues
    until 2027", "a larger trial starts in 2026", "we laten het in 2026 op een steekproef
    toetsen", "het gemeten verbruik publiceren we in 2027"; the pilot may be named in the
    sentence before), nor "gaan we verder dan" or "Wij gaan verder:" (going beyond something
    now), nor the years in the title of someone else's report or programme ("het Gemeentelijk
    Rioleringsprogramma Tilburg 2023-2027").
    It stands at the
    ``future_commitment`` when there is one, otherwise at the claim text.

    Why: Directive (EU) 2024/825 adds to the blacklist of the Unfair Commercial Practices
    Directive environmental claims about future performance without clear, objective, publicly
    available and verifiable commitments set out in a detailed and realistic implementation
    plan with measurable, time-bound targets, regularly verified by an independent third-party
    expert. The ACM Leidraad Duurzaamheidsclaims (2023), rule 4, asks to describe future
    sustainability ambitions concretely and measurably.

    Failing example::

        metrics:
          - id: electric-deliveries
            name: Share of bread deliveries made by electric van
            unit: "%"
            kind: percentage
            value: 30
        claims:
          - id: electric-vans
            text: We will deliver all bread by electric van by 2028.
            domain: environmental
            scope: activity
            scope_detail: Bread deliveries
            basis:
              metrics: [electric-deliveries]
            future_commitment:
              target_year: 2028

    Passing example::

        metrics:
          - id: electric-deliveries
            name: Share of bread deliveries made by electric van
            unit: "%"
            kind: percentage
            value: 30
        claims:
          - id: electric-vans
            text: We will deliver all bread by electric van by 2028.
            domain: environmental
            scope: activity
            scope_detail: Bread deliveries
            basis:
              metrics: [electric-deliveries]
            future_commitment:
              target_value: 100
              target_year: 2028
              plan: Replace one diesel van in 2026 and the other two in 2027; chargers are ordered.
              verifier: Klimaatbureau Utrecht, which checks progress every year
    """

    code: ClassVar[str] = "IC105"
    slug: ClassVar[str] = "future-claim-without-plan"
    severity: ClassVar[Severity] = Severity.ERROR
    summary: ClassVar[str] = "A claim about future performance lacks a target value, target year, plan or verifier."

    def check(self, statement: Statement) -> Iterator[Issue]:
        period = statement.period
        # The claims that may speak about the future, found in all claims at once.
        index = claim_index(statement)
        end_year = int(period[1][:4]) if period else None
        candidates = index.owners(_FUTURE_WORDS) | index.owners(_GOAL_WITH_FIGURE)
        if end_year is not None:
            candidates |= index.owners_with(
                _YEAR_NUMBER, lambda match: _future_year(match.string, match, end_year) is not None)
        own = OwnName.of(statement.organisation)
        for claim in statement.claims:
            commitment = claim.future_commitment
            words: list[str] = []
            text_path = claim.text.path
            if commitment is None and id(claim) not in candidates:
                continue
            for where, text in located_texts(claim.text):
                found = future_words(text, period[1] if period else None, statement.published, own)
                if found and not words:
                    text_path = where
                words += [word for word in found if word not in words]
            if not words and commitment is None:
                continue
            if commitment is None and _declared_as_target(statement, claim, words):
                continue
            missing = _missing_commitment(commitment, verified=claim.domain == "environmental")
            if not missing:
                continue
            if commitment is not None:
                message = (_("claim '{claim}' speaks about the future ({words}), but its future_commitment lacks "
                             "{missing}") if words
                           else _("claim '{claim}' has a future_commitment, but its future_commitment lacks "
                                  "{missing}"))
                yield Issue((*claim.path, "future_commitment"),
                            message.format(claim=claim.id, words=_quoted(words), missing=_listing(missing)),
                            _(_FUTURE_HINT), at_key=True)
            else:
                # Without a commitment the claim is here for its words about the future.
                yield Issue(text_path,
                            _("claim '{claim}' speaks about the future ({words}), but has no future_commitment "
                              "(missing {missing})").format(claim=claim.id, words=_quoted(words),
                                                            missing=_listing(missing)),
                            _(_FUTURE_HINT))


def _declared_as_target(statement: Statement, claim: Claim, words: list[str]) -> bool:
    """Whether the claim's future wording is about targets its basis metrics declare (value and year).

    "Ons doel is 60 plaatsen in 2027" with a basis metric whose target is 60 in 2027 reports a
    declared target; the metric holds the commitment, so it is not a future claim without one.
    """
    targets = [metric.target for metric in statement.basis_metrics(claim)
               if metric.target is not None and metric.target.value is not None and metric.target.year is not None]
    if not targets:
        return False
    target_years = {str(target.year) for target in targets}
    said_years = {year for word in words for year in _YEAR_IN_WORD.findall(word)}
    return said_years <= target_years


_FUTURE_HINT = N_("add future_commitment with target_value, target_year, a concrete implementation plan and "
                  "the independent verifier, or rewrite the text as a statement about what was achieved")


def _missing_commitment(commitment: FutureCommitment | None, *, verified: bool = True) -> list[str]:
    """The parts of a commitment (in the order of _COMMITMENT_FIELDS) that it does not give.

    ``verified``: whether it needs an independent verifier (an environmental claim does).
    """
    given = {
        "target_value": commitment is not None and commitment.target_value is not None,
        "target_year": commitment is not None and commitment.target_year is not None,
        "plan": commitment is not None and bool(commitment.plan.variants),
        "verifier": not verified or (commitment is not None and commitment.verifier is not None),
    }
    return [name for name in _COMMITMENT_FIELDS if not given[name]]


def _listing(names: list[str]) -> str:
    """Names (of fields, ids or words, not translated) as a list in a sentence: "a", "a and b", "a, b and c"."""
    if len(names) == 1:
        return names[0]
    # Translators: the end of a list in a sentence, e.g. "target_year, plan and verifier"; {items} is what
    # comes before the last name ("target_year, plan", or "electricity and heating").
    return _("{items} and {last}").format(items=", ".join(names[:-1]), last=names[-1])


# --- IC106 --------------------------------------------------------------------------------------

class LabelWithoutScheme(Rule):
    """A claim's label is based on neither a certification scheme nor a public authority.

    Fires when a claim has a ``label`` that has neither ``scheme`` (the certification scheme
    with third-party verification behind it) nor ``authority`` (the public authority that
    established it), or whose scheme or authority is the enterprise's own assessment: it names
    the enterprise itself (its registered or trade name) or says "eigen", "intern",
    "zelfbeoordeling", "own", "internal", "self-assessment", "in-house". The finding stands at
    the label.

    Why: Directive (EU) 2024/825 adds to the blacklist of the Unfair Commercial Practices
    Directive (Annex I, point 2a) displaying a sustainability label that is not based on a
    certification scheme or established by public authorities; a certification scheme must be
    open to all traders, have criteria developed with experts and stakeholders, and be
    monitored by a third party independent of the trader (article 2(s) of Directive
    2005/29/EC as amended), which the enterprise's own assessment is not. The ACM Leidraad
    Duurzaamheidsclaims (2023), rule 5, asks that labels help consumers rather than confuse
    them; a self-made label suggests an independent check that never happened.

    Failing example::

        metrics:
          - id: organic-flour
            name: Share of organic flour
            unit: "%"
            kind: percentage
            value: 100
        claims:
          - id: organic
            text: All our loaves carry our Echt Bio Bakker label.
            domain: environmental
            basis:
              metrics: [organic-flour]
            label:
              name: Echt Bio Bakker

    Passing example::

        metrics:
          - id: organic-flour
            name: Share of organic flour
            unit: "%"
            kind: percentage
            value: 100
        claims:
          - id: organic
            text: All our loaves carry the EU organic logo.
            domain: environmental
            basis:
              metrics: [organic-flour]
            label:
              name: EU organic logo
              scheme: Regulation (EU) 2018/848 on organic production, certified by Skal Biocontrole
              authority: European Commission
    """

    code: ClassVar[str] = "IC106"
    slug: ClassVar[str] = "label-without-scheme"
    severity: ClassVar[Severity] = Severity.ERROR
    summary: ClassVar[str] = (
        "A claim's label is based on neither a certification scheme nor a public authority, or on its own assessment.")

    def check(self, statement: Statement) -> Iterator[Issue]:
        own = OwnName.of(statement.organisation)
        for claim in statement.claims:
            label = claim.label
            if label is None:
                continue
            if label.scheme or label.authority:
                who = is_self(label.scheme, own) or is_self(label.authority, own)
                if who:
                    yield Issue(
                        (*claim.path, "label"),
                        _("claim '{claim}' relies on the label \"{label}\", whose scheme is the enterprise's "
                          "own assessment ({who})").format(claim=claim.id, label=label.name, who=who),
                        _("a label needs a certification scheme with third-party verification or a public "
                          "authority; describe your own criteria as a policy, not as a label"),
                        at_key=True)
                continue
            name = label.name
            yield Issue(
                (*claim.path, "label"),
                _("claim '{claim}' relies on the label \"{label}\", which names neither a certification "
                  "scheme nor a public authority").format(claim=claim.id, label=name),
                _("add label.scheme (the certification scheme with third-party verification) or "
                  "label.authority (the public authority that established the label), or drop the label"),
                at_key=True)
