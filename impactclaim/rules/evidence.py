"""Rules on the evidence behind claims and outcomes: who made it, how many it rests on, how old, what it credits."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from impactclaim.findings import Severity
from impactclaim.i18n import _, ngettext
from impactclaim.precompiled import regex
from impactclaim.rules.base import Issue, Rule, label_of, located_texts
from impactclaim.rules.text import (
    COUNT,
    NOT_PEOPLE,
    OwnName,
    Phrases,
    claim_index,
    count_value,
    counts,
    fractions,
    has_numbers,
    has_year_before,
    is_self,
    joined,
    may_match,
    memo,
    metric_detail_index,
    percentages,
    phrases,
    sentences,
    without_sdg_references,
    years,
)
from impactclaim.statement.model import Claim, Metric, Outcome, Path, Source, Statement, Text

# --- IC120 --------------------------------------------------------------------------------------

#: Wording that presents research or a check as independent.
INDEPENDENT_WORDING = phrases(
    # also compounds: "onafhankelijk medewerkersonderzoek", "onafhankelijke klanttevredenheidsmeting"
    r"onafhankelijk(?:e)? (?:\w+ )?\w*(?:onderzoek|onderzoeken|evaluatie|meting|studie|enqu[eê]te|toetsing|audit"
    r"|beoordeling|rapport|bureau|instituut)",
    r"onafhankelijk (?:onderzocht|ge[eë]valueerd|getoetst|gemeten|vastgesteld|bevestigd|gecontroleerd|geverifieerd)",
    r"independent(?:ly)? (?:\w+ )?(?:research|study|studies|evaluation|evaluated|survey|assessment|assessed|audit"
    r"|audited|verified|verification|review|reviewed|measured|confirmed|report|researchers?|institute)",
    r"(?:door|by) (?:een )?(?:an )?(?:onafhankelijke|independent) (?:\w+ )?(?:partij|derde|third party|party"
    r"|researchers?|onderzoekers?|bureau)",
)

# Independence denied rather than claimed: "een eigen peiling, niet door een onafhankelijke partij
# afgenomen", "not independently verified", "geen onafhankelijk onderzoek".
_DENIED_BEFORE = regex(r"\b(?:niet|geen|not|no|nor|zonder|without|never|nooit)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _affirmed(wording: Phrases, text: str) -> Any:
    """The first place ``text`` uses ``wording`` that it does not deny, or None."""
    return next((match for match in wording.finditer(text)
                 if not _DENIED_BEFORE.search(text, max(0, match.start() - 40), match.start())), None)


# How the statement says that someone owns or controls the enterprise.
_OWNS = phrases(r"aandelen", r"aandeelhouder\w*", r"eigenaar\w*", r"bezit\w*", r"benoemt", r"benoemen", r"shares?",
                r"shareholders?", r"owns?", r"owners?", r"appoints?", r"controls?")


def _owner(statement: Statement, name: str | None) -> bool:
    """Whether ``name`` owns the enterprise by the statement's own account of its mission lock."""
    social = statement.social_enterprise
    if not name or social is None or len(name.strip()) < 4:
        return False
    said = joined(social.mission_lock_description, social.stakeholder_governance)
    folded = " ".join(name.casefold().split())
    return folded in " ".join(said.casefold().split()) and _OWNS.search(said) is not None


# A role inside the enterprise, said of someone as the enterprise's own: "onze oprichter", "the consultancy
# of our board chair", "the holding company of our CEO", "haar directeur-eigenaar".
_INSIDER_ROLE = phrases(
    r"(?:onze|ons|our|its|haar|zijn|their) (?:\w+ )?(?:oprichter|medeoprichter|founder|co-founder|bestuursvoorzitter"
    r"|voorzitter|board chair|chair|chairman|chairwoman|chairperson|directeur|director|managing director|ceo|cfo"
    r"|eigenaar|eigenaren|owner|owners|bestuurder|aandeelhouder|shareholder|directeur-eigenaar|director-owner)s?")


def _insider(statement: Statement, name: str | None) -> str | None:
    """Why ``name`` is the enterprise's own people by the statement's own words, or None.

    The statement's contact person speaks for the enterprise, and so does someone the statement
    itself calls its founder, board chair or owner, with what they run ("Kessels Impact Advies,
    the consultancy of our board chair").
    """
    if not name or len(name.strip()) < 4:
        return None
    folded = " ".join(name.casefold().split())
    contact = statement.organisation.contact
    if contact is not None and contact.name and " ".join(contact.name.casefold().split()) == folded:
        return _("the statement's own contact person")
    for sentence, role in _insider_sentences(statement):
        if folded in sentence and _said_of(sentence, folded, role.casefold()):
            return _("\"{role}\", by the statement's own words").format(role=role)
    return None


def _said_of(sentence: str, name: str, role: str) -> bool:
    """Whether the folded ``sentence`` gives ``role`` to ``name`` itself, not to someone else it mentions.

    "our founder Maarten de Wit", "Kessels Impact Advies, the consultancy of our board chair",
    "Marieke Janssen is our founder"; not "Van Dijk checked the figures our director prepared".
    """
    name, role = re.escape(name), re.escape(role)
    return re.search(rf"{role}\s*,?\s*{name}"
                     rf"|{name}\s*,\s*(?:the|de|het|an?|een)\s+(?:\S+\s+){{0,3}}?(?:of|van)\s+{role}"
                     rf"|{name}\s*,?\s*(?:is|was|,)\s+(?:\S+\s+){{0,2}}?{role}", sentence) is not None


def _insider_sentences(statement: Statement) -> list[tuple[str, str]]:
    """The statement's sentences that name a role inside the enterprise, folded, with that role; once per statement."""
    def find() -> list[tuple[str, str]]:
        values = [value for text in statement.texts() for _where, value in text.located()]
        if not _INSIDER_ROLE.search("\n".join(values)):
            return []  # one search of all the prose; most statements name no such role
        found = []
        for value in values:
            if _INSIDER_ROLE.search(value):
                for sentence in sentences(" ".join(value.split())):
                    role = _INSIDER_ROLE.search(sentence)
                    if role:
                        found.append((sentence.casefold(), role.group()))
        return found
    return memo(statement, "_rules_insider_sentences", find)


def _verified_by_self(statement: Statement, claim: Claim, status: str, by: str | None, own: OwnName) -> str | None:
    """The message when the verifier ``by`` of a claim marked ``status`` verified is the enterprise itself, or None."""
    who = is_self(by, own)  # the enterprise's own name, or a word such as "eigen" or "board", quoted
    if who and own.named_in(by):
        return _("claim '{claim}' is marked {status} verified, but the verifier \"{verifier}\" is the enterprise "
                 "itself (the enterprise's own name)").format(claim=claim.id, status=status, verifier=by)
    if who:
        return _("claim '{claim}' is marked {status} verified, but the verifier \"{verifier}\" is the enterprise "
                 "itself ({word})").format(claim=claim.id, status=status, verifier=by, word=who)
    if _owner(statement, by):
        return _("claim '{claim}' is marked {status} verified, but the verifier \"{verifier}\" is the enterprise "
                 "itself (its owner, by the mission lock the statement describes)").format(
                     claim=claim.id, status=status, verifier=by)
    insider = _insider(statement, by)
    if insider:
        return _("claim '{claim}' is marked {status} verified, but the verifier \"{verifier}\" is one of the "
                 "enterprise's own people ({who})").format(claim=claim.id, status=status, verifier=by, who=insider)
    return None


class SelfAssessmentAsIndependent(Rule):
    """The enterprise checked itself, but the statement presents the check as independent.

    Fires in three cases:

    - a claim's ``verification`` has status ``third-party`` or ``second-party`` while ``by`` is
      the enterprise itself: its registered or trade name, or words such as "eigen", "intern",
      "bestuur", "directie", "eigenaar", "own", "internal", "board", "owner", the owner that
      the statement's own ``social_enterprise.mission_lock_description`` names ("Stichting
      Ginkel Grond holds all shares"), the statement's own contact person, or someone the
      statement itself calls its founder, board chair or CEO, with what they run ("Kessels Impact
      Advies, the consultancy of our board chair") (the statement itself says who checked);
    - a source marked independent (``relation: independent``, or 1.0 ``independent: true``)
      whose ``publisher`` is the enterprise itself in the same sense, its owner included (an
      error); whom data were given to is not who published them ("Supermarktketen, verstrekt
      aan De Tweede Korst");
    - a claim's text or a source's title speaks of independent research ("onafhankelijk
      onderzoek", "onafhankelijk geëvalueerd", "independent study", "independently verified")
      while nothing behind it is independent: the claim is not third-party verified and none
      of the sources of its basis outcomes is independent; for a source title, the source
      itself is marked ``own`` or ``commissioned`` (a warning: the wording may refer to
      something the statement does not list).

    Another body whose name holds the enterprise's one-word name ("Examencentrum Veilig Vakwerk
    Brabant" for Vakwerk), the enterprise named in a statement of independence ("no other work
    for Larvion") and a role inside a public body ("Municipality of Eindhoven, contract
    management") are not the enterprise itself.

    Why: the Unfair Commercial Practices Directive (2005/29/EC), Annex I, as amended by
    Directive (EU) 2024/825, blacklists claiming that a trader has been approved or endorsed
    when it has not, and sustainability labels not based on third-party verification; an
    own check called independent is the same deception. The Nesta Standards of Evidence
    require independent evaluation from level 4 on, and Social Value principle 7 (verify the
    result) asks for assurance by someone other than the enterprise.

    Failing example::

        organisation:
          name: Bakkerij De Korenschoof B.V.
        metrics:
          - id: trainees-employed
            name: Trainees with paid work six months after their traineeship
            unit: "%"
            kind: percentage
            value: 42
        claims:
          - id: jobs
            text: 42% of our trainees had paid work six months after their traineeship.
            domain: social
            basis:
              metrics: [trainees-employed]
            verification:
              status: third-party
              by: De Korenschoof management team

    Passing example::

        organisation:
          name: Bakkerij De Korenschoof B.V.
        metrics:
          - id: trainees-employed
            name: Trainees with paid work six months after their traineeship
            unit: "%"
            kind: percentage
            value: 42
        claims:
          - id: jobs
            text: 42% of our trainees had paid work six months after their traineeship.
            domain: social
            basis:
              metrics: [trainees-employed]
            verification:
              status: third-party
              by: Accountantskantoor Van Dijk & Co
    """

    code: ClassVar[str] = "IC120"
    slug: ClassVar[str] = "self-assessment-as-independent"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = "The enterprise checked itself, but the statement presents the check as independent."

    def check(self, statement: Statement) -> Iterator[Issue]:
        own = OwnName.of(statement.organisation)
        for claim in statement.claims:
            verification = claim.verification
            if verification is not None and verification.status in ("third-party", "second-party"):
                message = _verified_by_self(statement, claim, verification.status, verification.by, own)
                if message:
                    yield Issue((*verification.path, "by"), message,
                                _("set verification.status to self, or have the claim checked by a party outside "
                                  "the enterprise and name it in verification.by"))
            yield from self._independent_wording(statement, claim)
        for outcome in statement.outcomes:
            for source in outcome.evidence.sources:
                yield from self._source(statement, outcome, source, own)

    def _independent_wording(self, statement: Statement, claim: Claim) -> Iterator[Issue]:
        if claim.verification_status == "third-party":
            return
        if not claim_index(statement).may_match(INDEPENDENT_WORDING) or not may_match(INDEPENDENT_WORDING, claim.text):
            return
        outcomes = statement.basis_outcomes(claim)
        if any(source.is_independent for outcome in outcomes for source in outcome.evidence.sources):
            return
        for where, text in located_texts(claim.text):
            match = _affirmed(INDEPENDENT_WORDING, text)
            if match:
                yield Issue(where,
                            _("claim '{claim}' speaks of \"{wording}\", but it is not third-party verified "
                              "and none of its basis outcomes has an independent source").format(
                                claim=claim.id, wording=match.group()),
                            _("drop the word independent, or add the independent source (relation: independent) "
                              "or the third-party verification that the text refers to"))
                return

    def _source(self, statement: Statement, outcome: Outcome, source: Source, own: OwnName) -> Iterator[Issue]:
        label = label_of(outcome, "outcome")
        if source.is_independent and _owner(statement, source.publisher):
            yield Issue((*source.path, "publisher"),
                        _("a source of {outcome} is marked independent, but its publisher \"{publisher}\" owns the "
                          "enterprise (social_enterprise.mission_lock_description)").format(
                            outcome=label, publisher=source.publisher),
                        _("mark a source made by the enterprise's owner as relation: own or commissioned"))
        elif source.is_independent and not is_self(source.publisher, own) and _insider(statement, source.publisher):
            yield Issue((*source.path, "publisher"),
                        _("a source of {outcome} is marked independent, but its publisher \"{publisher}\" is one of "
                          "the enterprise's own people ({who})").format(
                            outcome=label, publisher=source.publisher, who=_insider(statement, source.publisher)),
                        _("mark a source made by the enterprise's own people as relation: own or commissioned"))
        elif source.is_independent:
            who = is_self(source.publisher, own)  # the enterprise's own name, or a word such as "eigen", quoted
            if who:
                message = (_("a source of {outcome} is marked independent, but its publisher \"{publisher}\" is the "
                             "enterprise itself (the enterprise's own name)").format(
                                 outcome=label, publisher=source.publisher) if own.named_in(source.publisher)
                           else _("a source of {outcome} is marked independent, but its publisher \"{publisher}\" is "
                                  "the enterprise itself ({word})").format(
                                      outcome=label, publisher=source.publisher, word=who))
                yield Issue((*source.path, "publisher"), message,
                            _("mark a source the enterprise made itself as relation: own"))
        elif source.relation in ("own", "commissioned") or source.independent is False:
            match = _affirmed(INDEPENDENT_WORDING, source.title or "")
            if match:
                message = (_("a source of {outcome} is called \"{wording}\" in its title, but the statement marks it "
                             "as {relation}").format(outcome=label, wording=match.group(), relation=source.relation)
                           if source.relation
                           else _("a source of {outcome} is called \"{wording}\" in its title, but the statement "
                                  "marks it as not independent").format(outcome=label, wording=match.group()))
                yield Issue((*source.path, "title"), message,
                            _("describe the source as what it is (own survey, commissioned evaluation), or mark it "
                              "independent only when a party outside the enterprise made it on its own account"))


# --- IC122 --------------------------------------------------------------------------------------

# The counterfactual says that part of the change would have happened anyway.
_ANYWAY = phrases(
    r"ook zonder", r"hoe dan ook", r"sowieso", r"uit zichzelf", r"vanzelf", r"op eigen kracht", r"zelf al",
    r"zou(?:den)? (?:\w+ ){0,6}ook", r"anyway", r"regardless", r"on (?:their|its|his|her) own",
    r"would (?:\w+ ){0,6}(?:also|still|anyway)", r"without (?:us|our help|our support|the programme)",
    r"zonder (?:\w+ ){0,3}ook", r"(?:had|hadden|was|waren) (?:\w+ ){0,8}ook", r"een deel (?:\w+ ){0,8}(?:ook|toch|al)",
    r"(?:some|part|a share|many) (?:\w+ ){0,8}(?:would|could) (?:\w+ ){0,6}(?:anyway|also|still|too)",
    # help that comes later without the enterprise: "op de wachtlijst staan en daarna alsnog terechtkomen"
    r"alsnog", r"wachtlijst\w*", r"waiting lists?", r"eventually", r"sooner or later", r"later (?:toch|alsnog)",
    # a share of them that manages by itself: "een kwart ... vindt zonder traject zelf werk"
    r"(?:een deel|een kwart|een derde|de helft|deels|a part|part|some|a quarter|a third|half) (?:\w+ ){0,14}"
    r"(?:zelf|themselves|by themselves|on their own)",
    # the same result through someone else: "would be sold to recyclers elsewhere", "from another caterer",
    # "anders door een andere reparateur had laten maken"
    r"(?:from|by|through|via|bij|door|van) (?:een |an? |de |the )?(?:andere?|another|other)\b",
    r"elders", r"elsewhere",
)
_NOBODY = phrases(r"niemand", r"geen enkele", r"nobody", r"no one", r"none of")
# Others that contribute to the same change: partners and co-funders.
_OTHERS = phrases(
    r"samen met", r"in samenwerking met", r"met (?:hulp|steun|inzet) van", r"samenwerkingspartners?",
    r"ketenpartners?", r"partners?", r"partnerorganisaties", r"co-?financier\w*", r"cofinanc\w+",
    r"medegefinancierd", r"medefinanciering", r"gefinancierd door", r"together with", r"in partnership with",
    r"in collaboration with", r"in cooperation with", r"co-?funded", r"co-?funders?", r"co-?financed",
    r"funded by", r"jobcoach(?:es)? van", r"(?:het )?UWV", r"wijkteams?", r"\w*subsidies?", r"lening(?:en)?",
    r"subsidieert", r"subsidieerde", r"subsidiëren", r"subsidieerden",
    r"gefinancierd met", r"subsid(?:y|ies|ised|ized)", r"grants?", r"loans?", r"financed (?:with|by)",
    # other support the same people get at the same time
    r"(?:ook |tevens |daarnaast )?(?:ambulant )?(?:begeleid|ondersteund) door", r"(?:also )?supported by",
    r"(?:also )?guided by", r"ggz",
    # care or teaching the same people get beside the enterprise's, and who pays for the places
    r"home care", r"thuiszorg", r"wijkverpleg\w*", r"district nurs\w*", r"also (?:attend|get|receive|use|visit)\w*",
    r"(?<!our\s)(?<!own\s)(?<!onze\s)(?<!eigen\s)(?<!volunteer\s)(?<!vrijwillige\s)(?:private )?tutors?",
    r"bijles\w*", r"huiswerkklas\w*", r"homework class\w*", r"paid (?:for )?by(?! us\b| ourselves)",
    r"betaald door(?! ons\b| onszelf)", r"wmo-?consulent\w*", r"mental health (?:services|team|care)",
    r"kredietbank\w*", r"budgetcoach\w*", r"schuldhulp\w*", r"lopende? (?:\w+ )?trajecten?",
    # a funder or school that pays for or gives part of the work: "de gemeente betaalt onze jobcoach"
    r"betaalt (?:onze|de|het|een) \w+", r"betalen (?:onze|de|het|een) \w+", r"pays (?:for )?(?:our|the|a) \w+",
    r"verzorgt (?:de|het|een) (?:\w+ )?(?:opleiding|training|begeleiding|diploma)",
    r"provides? (?:the|a) (?:\w+ )?(?:training|coaching|course|diploma)",
)
# Short or temporary contracts: the change need not last.
_SHORT = phrases(
    r"tijdelijke? (?:arbeids)?contract(?:en)?", r"contract(?:en)? (?:voor|van) (?:een half jaar|zes maanden"
    r"|drie maanden|\d+ maanden)", r"(?:half|zes|drie|\d+)[ -]?(?:jaar|maanden)contract(?:en)?", r"seizoenswerk",
    r"temporary contracts?", r"fixed[- ]term", r"(?:six|three|\d+)[- ]months?[- ]contracts?", r"seasonal",
    r"short[- ]term contracts?", r"zero[- ]hours?",
)
# Wording that the effect lasts.
_LASTING = phrases(r"blijvend\w*", r"permanent\w*", r"voorgoed", r"levenslang", r"lasting", r"long[- ]lasting",
                   r"for good", r"for life", r"lifelong", r"forever", r"voor altijd", r"duurzaam aan het werk")


class ContributionOverclaimed(Rule):
    """An outcome sets deadweight, attribution or drop-off to 0 while its own texts say otherwise.

    Checks each outcome's ``contribution`` against what the statement itself says:

    - ``deadweight: 0`` while the counterfactual says part of the change would have happened
      anyway ("een deel zou ook zonder ons werk vinden", "would have found work anyway", "from
      another caterer", "door een andere reparateur", or a percentage in the counterfactual);
    - ``attribution: 0`` while the outcome's texts name partners, co-funders or others who help
      the same people ("samen met het UWV", "in partnership with", "co-funded by", "gefinancierd
      met SDE++-subsidie en een lening", "paid for by the municipality", home care, tutors), not
      denied ("zonder subsidie") and not among the enterprise's own inputs and activities in its
      theory of change ("96 medewerkers in zeven zelfsturende wijkteams");
    - ``drop_off: 0`` while the outcome's texts mention short or temporary contracts
      ("tijdelijke contracten", "six-month contracts", "seasonal") or a claim resting on the
      outcome calls the effect lasting ("blijvend", "permanent", "lasting", "for good").

    Why: the Impact Management Project's contribution dimension and Social Value International
    principle 5 (do not overclaim) ask to deduct what would have happened anyway (deadweight),
    what others contributed (attribution) and how the effect fades (drop-off). A 0 that the
    statement's own counterfactual, partners or contracts contradict credits the enterprise with
    change it did not cause.

    Failing example::

        outcomes:
          - id: back-to-work
            what:
              description: Bakery trainees find paid work after their traineeship.
              polarity: positive
            who:
              stakeholder: People on social assistance in our neighbourhood
            contribution:
              counterfactual: One in five would have found work anyway within a year (municipal figures).
              deadweight: 0
            risks:
              - type: drop-off
                level: medium

    Passing example::

        outcomes:
          - id: back-to-work
            what:
              description: Bakery trainees find paid work after their traineeship.
              polarity: positive
            who:
              stakeholder: People on social assistance in our neighbourhood
            contribution:
              counterfactual: One in five would have found work anyway within a year (municipal figures).
              deadweight: 20
            risks:
              - type: drop-off
                level: medium
    """

    code: ClassVar[str] = "IC122"
    slug: ClassVar[str] = "contribution-overclaimed"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = (
        "An outcome sets deadweight, attribution or drop-off to 0 while its own texts say otherwise.")

    def check(self, statement: Statement) -> Iterator[Issue]:
        claims_on: dict[str, list[Claim]] = {}
        for claim in statement.claims:
            for ref in claim.basis.outcomes if claim.basis else ():
                claims_on.setdefault(ref.value, []).append(claim)
        for outcome in statement.outcomes:
            contribution = outcome.contribution
            if 0 not in (contribution.deadweight, contribution.attribution, contribution.drop_off):
                continue
            label = label_of(outcome, "outcome")
            path = contribution.path
            counterfactual = joined(contribution.counterfactual)
            texts = joined(outcome.what.description, outcome.who.baseline, contribution.counterfactual,
                           contribution.description, outcome.how_much.scale, outcome.how_much.depth,
                           outcome.how_much.duration)
            if contribution.deadweight == 0 and counterfactual and not _NOBODY.search(counterfactual):
                anyway = _affirmed(_ANYWAY, counterfactual)  # "kunnen niet bij een andere": no deadweight
                share = next((f"{value:g}%" for value, _ in percentages(counterfactual) if value > 0), None)
                evidence = f"\"{anyway.group()}\"" if anyway else share
                if evidence:
                    yield Issue((*path, "deadweight"),
                                _("{outcome} sets deadweight to 0, but its counterfactual says part of the change "
                                  "would happen without the enterprise ({evidence})").format(
                                    outcome=label, evidence=evidence),
                                _("estimate the share that would have happened anyway from the counterfactual and "
                                  "enter it as deadweight"))
            if contribution.attribution == 0:
                # "zonder subsidie" names no co-funder, and teams the statement counts among its own
                # inputs ("96 medewerkers in zeven zelfsturende wijkteams") are no others.
                others = next((match for match in _OTHERS.finditer(texts)
                               if not _denied_here(texts, match) and not _own_input(statement, match.group())), None)
                if others:
                    yield Issue((*path, "attribution"),
                                _("{outcome} sets attribution to 0, but names others who contributed "
                                  "(\"{others}\")").format(outcome=label, others=others.group()),
                                _("enter the share of the change that is due to the partners or co-funders you "
                                  "name as attribution"))
            if contribution.drop_off == 0:
                short = _SHORT.search(texts)
                lasting = short or next((match for claim in claims_on.get(outcome.id or "", ())
                                         for match in [_LASTING.search(joined(claim.text))] if match), None) \
                    or _LASTING.search(joined(outcome.how_much.duration, outcome.what.description))
                if lasting:
                    message = (_("{outcome} sets drop_off to 0 and mentions short or temporary contracts "
                                 "(\"{wording}\")") if short
                               else _("{outcome} sets drop_off to 0 and presents the effect as lasting without "
                                      "showing it (\"{wording}\")"))
                    yield Issue((*path, "drop_off"), message.format(outcome=label, wording=lasting.group()),
                                _("estimate how much of the effect fades each year (e.g. from follow-up a year "
                                  "later) and enter it as drop_off, or say how you know it lasts"))


# "Zonder de subsidie was dit niet gelukt" denies the denial: the subsidy helped.
_NEGATED_AFTER = regex(r"[^.;]{0,60}?\b(?:niet|geen|not|no|never|nooit)\b", re.IGNORECASE)


def _denied_here(text: str, match: Any) -> bool:
    """Whether ``text`` denies the phrase ``match`` found ("zonder subsidie"), unless it denies the denial."""
    return _DENIED_BEFORE.search(text, max(0, match.start() - 40), match.start()) is not None and \
        _NEGATED_AFTER.match(text, match.end()) is None


# An input that brings in others rather than the enterprise's own people: "samenwerking met de gemeente".
_BROUGHT_IN = phrases(r"met", r"with", r"samenwerk\w*", r"partners?", r"subsid\w*", r"financ\w*", r"lening\w*",
                      r"loans?", r"grants?", r"fund\w*", r"contract\w*", r"convenant\w*")


def _own_input(statement: Statement, word: str) -> bool:
    """Whether the theory of change counts ``word`` (a team, a service) among the enterprise's own inputs or work."""
    theory = statement.theory_of_change
    lowered = word.lower()
    return theory is not None and any(
        lowered in text.lowered and not _BROUGHT_IN.search(text.lowered) for text in (*theory.inputs,
                                                                                      *theory.activities))


# --- IC124 --------------------------------------------------------------------------------------

#: Below this many respondents a share is no basis for a general claim: with 30 respondents the
#: 95% margin of error of a share near 50% is already ±18 percentage points (1.96·√(0.25/30)).
MIN_SAMPLE = 30
#: Tenths of a group that make asking them a count of (nearly) everyone rather than a sample.
_NEARLY_ALL = 8
# Searched without a word boundary in front, so that compounds count ("evaluatiegesprekken",
# "medewerkersenquête"); a leading \w* would make the search quadratic in the text's length.
_SURVEY = regex(
    r"enqu[eê]te|vragenlijst|respondent|ingevuld|invulden|\bvulden|geantwoord|antwoordden|reageerden"
    r"|interview|gesprekken|ondervraagd|\bpanel\b|survey|questionnaire|responded|\bresponses?\b|answered"
    r"|filled in|completed the|rondvraag|belronde|gebeld|nabel|telefonisch|\bcalls?\b|phoned|feedback|ratings"
    r"|beoordelingen|returned|teruggestuurd|spraken|\bspoke"
    # forms and cards handed out, conversations, and measurements of people ("meter readings for 6 of the
    # 1,150 households", "gemeten bij de 3 van de 27 statushouders die beide toetsen maakten")
    r"|conversation|(?:evaluatie|antwoord|reactie|feedback)formulier|(?:reply|feedback|evaluation|response) forms?"
    r"|formulieren terug|returned (?:the |their )?forms?|kaartje|reply card|meterstand|meter reading|readings"
    r"|gemeten bij"
    r"|measured (?:for|among|with)\b")  # searched in lower case
_N_EQUALS = phrases(r"n ?= ?(\d{1,3}(?:[.,]\d{3})+|\d+)")


#: Source methods that ask people: their sample is of people even under an environmental claim.
_ASKING_PEOPLE = frozenset({"survey", "interviews", "focus-groups"})
#: Source methods whose sample_size counts records or publications, not people drawn from a group.
_COUNTS_OF_EVERYONE = frozenset({"administrative-data", "literature"})
# Records drawn from, not of everyone: "Steekproef uit de cliëntdossiers", "a random sample of files".
_DRAWN = regex(r"steekproef|sample|selectie|selection|random|willekeurig|getrokken|drawn", re.IGNORECASE)


def _records_of_everyone(source: Source) -> bool:
    """Whether ``source`` counts records of everyone (a sick-leave register of all 19 staff), not a sample."""
    return source.method in _COUNTS_OF_EVERYONE and _DRAWN.search(source.title or "") is None
#: Source methods that evaluate the people an outcome is about (not statistics of everyone).
_EVALUATING = _ASKING_PEOPLE | {"comparison-group", "randomised-trial", "observation"}


@dataclass(frozen=True, slots=True)
class _Sample:
    size: int
    where: str  # how the statement gives it, for the message
    declared: bool = False  # people were asked (a survey's sample_size, "calls with nine customers")


def _text_sample(text: str) -> _Sample | None:
    """A sample size written in ``text``.

    "n=12", "gesprekken met 4 ouders", or "7 van de 212 deelnemers vulden de enquête in".
    """
    for match in _N_EQUALS.finditer(text):
        size = int(match.group(1).replace(".", "").replace(",", ""))
        if size < MIN_SAMPLE:
            return _Sample(size, f"\"{match.group()}\"")
    if not _SURVEY.search(text.lower()):
        return None
    low = text.lower()
    if any(int(count_value(count)) >= MIN_SAMPLE for count, _, _ in _answering(low)):
        return None  # "39 of the 48 residents responded: 20 of 24 status holders and 19 of 24 others"
    for size, start, end in ((int(count_value(count)), start, end) for count, start, end in _respondents(low)):
        # people asked or answering: a sample of people, whatever the claim is about
        return _Sample(size, f"\"{' '.join(text[start:end].split())}\"", declared=True)
    answered_before: set[float] = set()
    found = fractions(text)
    # A total that several counts share is the group asked: "daalde van 44% (18 van 41) naar 29% (12 van 41)".
    shared = {whole for whole, times in Counter(fraction.whole for fraction in found).items() if times > 1}
    # "Van de 31 die begonnen, vulden er 24 beide lijsten in ... daalde naar 6 van de 24": 24 answered.
    shared |= {fraction.part for fraction in found
               if fraction.split and _ANSWERED_WORDS.search(_clause_from(text, fraction.start))}
    if any(fraction.part >= MIN_SAMPLE and _RESPONSE_AFTER.match(text, fraction.start + len(fraction.written))
           for fraction in found):
        return None  # "39 of the 48 residents responded (81%): 20 of 24 status holders and 19 of 24 others"
    for fraction in found:
        # "7 van de 212 vulden de enquête in": 7 answered. "22 van de 41 deelnemers die de
        # vragenlijst invulden, scoorden hoger": the 41 answered, and 22 is their result.
        after = text[fraction.start + len(fraction.written):fraction.start + len(fraction.written) + 40]
        # "26 households; 14 of them had ...": the 26 answered, and 14 is what they said; so is
        # "68 of the 190 responded; 20 of the 68 scored lonely": 20 is a result of the 68.
        # "bij de 3 van de 27 statushouders die beide toetsen maakten": "the 3" are the ones measured.
        if _DID_NOT_ANSWER.match(after):
            continue  # "5 of the 38 members did not respond": the others did
        named_part = _THE_BEFORE.search(text, max(0, fraction.start - 5), fraction.start) is not None
        # "24 of the 39 respondents", "44% (18 van 41)": the total answered, the count is what they said
        of_respondents = _RESPONDENTS_AFTER.match(text, fraction.start + len(fraction.written)) is not None or \
            _SHARE_BEFORE.search(text, max(0, fraction.start - 12), fraction.start) is not None
        answered = fraction.whole if of_respondents or fraction.whole in shared or (not named_part and (
            fraction.split or _RELATIVE.match(after) or fraction.whole in answered_before)) else fraction.part
        answered_before.add(answered)
        if answered < MIN_SAMPLE:
            return _Sample(int(answered), f"\"{fraction.written}\"")
        if _BREAKDOWN.match(text, fraction.start + len(fraction.written)):
            return None  # "39 of 48 residents (81%); 20 of 24 status holders, ...": the rest breaks the 39 down
    return None


_DIGITS = regex(r"\d")
_DID_NOT_ANSWER = regex(r"\W*(?:[^\W\d]+\W+){0,2}?(?:did not|didn't|never|niet|nooit|geen)\s+(?:\w+\s+)?"
                        r"(?:respond|reply|answer|return|take part|fill|reageer|gereageerd|antwoord|geantwoord"
                        r"|ingevuld|invul|teruggestuurd|mee(?:gedaan|doen|gedaan)?\b)", re.IGNORECASE)
_RESPONDENTS_AFTER = regex(r"(?<=respondents)|(?<=respondenten)|\s*(?:respondents|respondenten)\b", re.IGNORECASE)
_RESPONSE_AFTER = regex(r"\s*(?:[^\W\d]+\s+){0,2}?(?:responded|answered|replied|reageerden|antwoordden|vulden"
                        r"|invulden|deden mee|took part)\b"
                        # "52 van de 84 jongeren (respons 62%)"
                        r"|\s*\(\s*(?:respons|response|response rate)\b", re.IGNORECASE)
_CLAUSE_FROM = regex(r"[^;]*?(?:[.!?](?:\s|$)|;|$)")


def _clause_from(text: str, position: int) -> str:
    """``text`` from ``position`` to the end of its clause."""
    found = _CLAUSE_FROM.match(text, position)
    return found.group() if found is not None else text[position:]


# "Van de 31 mantelzorgers die begonnen, vulden er 24 beide lijsten in": the count is who answered.
_ANSWERED_WORDS = regex(r"\b(?:vulden|invulden|ingevuld|antwoordden|reageerden|stuurden|responded|answered|replied"
                        r"|returned|filled)\b", re.IGNORECASE)
_BREAKDOWN = regex(r"\s*(?:\w+\s+){0,2}?(?:\(\d+(?:[.,]\d+)?\s*%\))?\s*[;:]", re.IGNORECASE)
_SHARE_BEFORE = regex(r"\d\s*%\s*\(\s*$")
_THE_BEFORE = regex(r"\b(?:de|the)\s+$", re.IGNORECASE)
# Stems of _N_EQUALS and _SURVEY, looked up as plain substrings: methods are long, tokens not needed.
_SAMPLE_STEMS = ("=", "enqu", "vragenlijst", "respond", "ingevuld", "invulden", "vulden", "antwoord", "reageerden",
                 "interview", "gesprek", "ondervraag", "panel", "survey", "questionnaire", "answered", "filled in",
                 "completed the", "rondvraag", "belronde", "gebeld", "nabel", "telefonisch", "call", "phoned",
                 "feedback", "rating", "beoordeling", "returned", "teruggestuurd", "spraken", "spoke",
                 "conversation", "formulier", "forms", "kaartje", "reply card", "meterstand", "reading",
                 "gemeten bij", "measured")


_SAMPLE_STEM = regex("|".join(re.escape(stem) for stem in _SAMPLE_STEMS))  # one search, not seventeen


def _may_give_a_sample(lowered: str) -> bool:
    return _SAMPLE_STEM.search(lowered) is not None
# Whom a survey or talks asked: "evaluatiegesprekken met 4 ouders", "interviews with six
# participants", "een enquête onder 12 cliënten", "we spoke to 5 families".
_ASKED = regex(
    rf"(?:gesprek\w*|conversations?|interview\w*|enqu[eê]te\w*|vragenlijst\w*|survey\w*|questionnaire\w*|spraken|spoke|asked"
    rf"|vroegen|ondervroegen|peiling\w*|calls?|belronde\w*|rondvraag|telefoontjes|phoned|belden)"
    rf"\s+(?:[^\W\d]+\s+){{0,2}}?(?:met|with|among|onder|aan|to|of)\s+(?:de\s+|the\s+)?"
    rf"(?!een\b)({COUNT})\s+(?!{NOT_PEOPLE.pattern})[^\W\d]+")  # "gesprekken met een tolk": an article
# Who answered, counted before the survey: "alle 6 ouders die de vragenlijst terugstuurden",
# "the 9 parents who returned the form". The verb is searched first (the search skips to its
# letters) and the count only before it: a pattern that begins with a count is tried at every
# character.
_ANSWERED_VERB = regex(r"\b(?:terugstuurden|instuurden|retourneerden|invulden|beantwoordden|reageerden"
                            r"|returned|filled|completed|answered|responded)\b")
_ANSWERED_BEFORE = regex(
    rf"(?<![\w.,])({COUNT})\s+(?!{NOT_PEOPLE.pattern})[^\W\d]+\s+(?:die|who|that)\s+(?:[^\W\d]+\s+){{0,4}}$")


# Answers counted as such: "the four ratings clients gave", "4 parents returned it", "12 reacties".
_ANSWERS = regex(rf"(?<![\w.,])({COUNT})\s+(?:ratings|reviews|responses|beoordelingen|antwoorden|reacties"
                 r"|interviews"
                      r"|ingevulde (?:formulieren|vragenlijsten)|returned questionnaires)\b")
_ANSWERED_AFTER = regex(
    rf"(?<!of the )(?<!van de )(?<![\w.,])({COUNT})\s+(?:(?!{NOT_PEOPLE.pattern})[^\W\d]+\s+)?"
    r"(?:returned|responded|answered|replied|reageerden|antwoordden)\b")


def _respondents(low: str) -> Iterator[tuple[str, int, int]]:
    """Each count of respondents in lower-case ``low``: the count as written, and where its words start and end."""
    for asked in _ASKED.finditer(low):
        yield asked.group(1), asked.start(), asked.end()
    yield from _answering(low)


def _answering(low: str) -> Iterator[tuple[str, int, int]]:
    """Each count of people who answered in lower-case ``low`` (not of those asked: "sent to 212 parents")."""
    for pattern in (_ANSWERS, _ANSWERED_AFTER):
        for answers in pattern.finditer(low):
            yield answers.group(1), answers.start(), answers.end()
    for verb in _ANSWERED_VERB.finditer(low):
        before = _ANSWERED_BEFORE.search(low, max(0, verb.start() - 100), verb.start())
        if before is not None:
            yield before.group(1), before.start(), verb.end()
_RELATIVE = regex(r"\W*(?:\w+\W+)?(?:die|dat|wie|who|that|which)\b", re.IGNORECASE)


class TinySample(Rule):
    """A claim or outcome generalises from fewer than 30 respondents.

    Finds small samples where the statement gives them:

    - a source of an outcome with ``sample_size`` (schema 1.1) below 30;
    - "n=12" in a source title, or in a metric's ``method`` or ``data_source``;
    - a survey described as "7 van de 212 deelnemers vulden de vragenlijst in" or "14 of 180
      participants answered" (a count out of a total next to survey wording) in the same places,
      and so are conversations, returned forms and reply cards, and measurements of people
      ("meter readings for 6 of the 1,150 households", "gemeten bij de 3 van de 27").

    Environmental claims are read only where people were asked (a source with ``method`` survey,
    interviews or focus-groups, or "calls with nine customers", "4 parents returned it"): they
    otherwise rest on measurements of things (roofs, meters), not on respondents. Counts in
    words count too ("drie van de vier deelnemers", "the four ratings clients gave"). An
    outcome whose sample is its whole group (``who.size``), or at least eight tenths of it, is
    not read: asking (nearly) all of a small group is a count of everyone, not a sample; nor is
    one with a source of 30 or more (it rests on its largest sample). In the words, the total of
    "24 of the 39 respondents" and of "44% (18 van 41)" is who answered, "5 of the 38 members did
    not respond" counts those who did not, and a response of 30 or more followed by its breakdown
    ("39 of 48 residents (81%); 20 of 24 status holders") is the sample. The finding stands at
    each claim that rests on such an outcome or metric, draws a result from it (a percentage, a
    number, "most", "nearly all", "eight in ten", or an effect stated as fact; not a claim that
    only says it contributes to a goal without a figure) and does not mention the sample itself
    (a claim that says "of the 14 participants who answered" is honest about it) or says the group
    is too small to generalise from ("five people are too few to say whether this works more
    widely", "niet representatief"); an outcome with a small sample that no claim rests on gets
    the finding at the source or metric when its own texts do not give the number. A source of
    ``administrative-data`` or ``literature`` counts records, not respondents: its
    ``sample_size`` is no sample, and a claim that gives its number ("22 van de 29 deelnemers
    haalden A2") rests on those records. "52 van de 84 (respons 62%)" is a response of 52, and in
    "van de 31 ... vulden er 24 in" the 24 answered.

    Why: the Nesta Standards of Evidence ask, from level 2 on, data that show a change in a
    sample large enough to mean something; the ACM Leidraad Duurzaamheidsclaims (2023), rule 2,
    asks that claims are substantiated with facts that hold up. 30 is a documented floor, not a
    standard: at 30 respondents the 95% margin of error of a share near 50% is already ±18
    percentage points; with 7 respondents one answer moves the share by 14 points.

    Failing example::

        outcomes:
          - id: less-lonely
            what:
              description: Older neighbours feel less lonely.
              polarity: positive
            who:
              stakeholder: Neighbours over 75 living alone
              baseline: At the start, 46% of participants were moderately or severely lonely.
            risks:
              - type: evidence
                level: high
            evidence:
              level: 2
              sources:
                - title: Loneliness survey among participants (n=6)
                  publisher: Buurtkamer De Linde
                  year: 2025
        claims:
          - id: lonely
            text: Our neighbourhood lounge makes older people less lonely.
            domain: social
            basis:
              outcomes: [less-lonely]

    Passing example::

        outcomes:
          - id: less-lonely
            what:
              description: Older neighbours feel less lonely.
              polarity: positive
            who:
              stakeholder: Neighbours over 75 living alone
              baseline: At the start, 46% of participants were moderately or severely lonely.
            risks:
              - type: evidence
                level: high
            evidence:
              level: 2
              sources:
                - title: Loneliness survey among participants (n=64)
                  publisher: Buurtkamer De Linde
                  year: 2025
        claims:
          - id: lonely
            text: Our neighbourhood lounge makes older people less lonely.
            domain: social
            basis:
              outcomes: [less-lonely]
    """

    code: ClassVar[str] = "IC124"
    slug: ClassVar[str] = "tiny-sample"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = "A claim or outcome generalises from fewer than 30 respondents."

    def check(self, statement: Statement) -> Iterator[Issue]:
        small: dict[int, tuple[_Sample, Path, str]] = {}  # id() of an outcome or metric -> its sample
        for outcome in statement.outcomes:
            # An outcome rests on its largest sample: a review of 12 files beside an evaluation of 182
            # people does not make the evaluation small.
            # Only an evaluation of the enterprise's own people counts, not a national statistic beside it.
            if any(source.sample_size is not None and source.sample_size >= MIN_SAMPLE
                   and source.method in _EVALUATING for source in outcome.evidence.sources):
                continue
            for source in outcome.evidence.sources:
                # Records of everyone (a sick-leave register of all 19 staff) are a count, not a sample.
                sampled = source.sample_size is not None and not _records_of_everyone(source)
                sample = (_Sample(source.sample_size, f"sample_size {source.sample_size}",
                                  declared=source.method in _ASKING_PEOPLE)
                          if sampled and source.sample_size is not None and source.sample_size < MIN_SAMPLE
                          else _text_sample(source.title) if source.title and _DIGITS.search(source.title) else None)
                if sample:
                    small[id(outcome)] = (sample, source.path, label_of(outcome, "outcome"))
                    break
            else:
                # "In de evaluatiegesprekken (n=4) vertelden alle jongeren ...": the outcome's own words.
                told = joined(outcome.how_much.depth, outcome.how_much.scale, outcome.what.description)
                sample = (_text_sample(told) if has_numbers(told.lower(), words=True)
                          and _may_give_a_sample(told.lower()) else None)
                if sample:
                    small[id(outcome)] = (sample, outcome.how_much.path, label_of(outcome, "outcome"))
        details = metric_detail_index(statement)
        asked = has_numbers(details.lowered, words=True) and _may_give_a_sample(details.lowered)
        for metric in statement.metrics if asked else ():
            read = metric.method.lowered + " " + metric.data_source.lowered
            if not has_numbers(read, words=True) or not _may_give_a_sample(read):
                continue
            sample = _text_sample(joined(metric.method, metric.data_source))
            if sample:
                small[id(metric)] = (sample, metric.path, label_of(metric, "metric"))
        # A small group asked in full, or nearly (24 of its 26), is a count of everyone, not a sample to
        # generalise from.
        for outcome in statement.outcomes:
            size = outcome.who.size
            if id(outcome) in small and size is not None and small[id(outcome)][0].size * 10 >= size * _NEARLY_ALL:
                del small[id(outcome)]
        if not small:
            return
        used: set[int] = set()
        for claim in statement.claims:
            parts: list[Outcome | Metric] = [*statement.basis_outcomes(claim), *statement.basis_metrics(claim)]
            # An environmental claim rests on measurements of things ("24 of our roofs"), not on
            # respondents: a sample of roofs or meters is no survey to generalise from.
            # A sample_size is a survey of people even under an environmental claim ("most members insulated").
            environmental = claim.domain == "environmental"
            if not _generalises(claim.text) or (may_match(_DECLINES_TO_GENERALISE, claim.text)
                                                 and _DECLINES_TO_GENERALISE.search(claim.text.lowered)) \
                    or (environmental and not any(
                    id(part) in small and small[id(part)][0].declared for part in parts)):
                used.update(id(part) for part in parts)  # the claim names the outcome but draws no result from it
                continue
            for part in parts:
                if id(part) not in small or (environmental and not small[id(part)][0].declared):
                    continue
                sample, _path, label = small[id(part)]
                used.add(id(part))
                if _mentions(claim.text, sample.size) or any(
                        _mentions(claim.text, size) for size in _records_of(part)):
                    continue  # the claim gives its group: "22 van de 29 deelnemers" from the test records of all 29
                # The English says "respondents" also for 1; the singular form is there for other languages.
                yield Issue(claim.text.path,
                            ngettext("claim '{claim}' rests on {part}, which is based on {size} respondents "
                                     "({where}), fewer than {minimum}",
                                     "claim '{claim}' rests on {part}, which is based on {size} respondents "
                                     "({where}), fewer than {minimum}", sample.size).format(
                                claim=claim.id, part=label, size=sample.size, where=sample.where,
                                minimum=MIN_SAMPLE),
                            _("say in the claim how many people the figure rests on (\"of the 14 participants who "
                              "answered\"), or base it on a larger group"))
                break
        for outcome in statement.outcomes:
            if id(outcome) in small and id(outcome) not in used:
                sample, path, label = small[id(outcome)]
                if not _mentions(outcome.how_much.scale, sample.size) and \
                        not _mentions(outcome.how_much.depth, sample.size):
                    yield Issue(path, ngettext("{part} rests on {size} respondents ({where}), fewer than {minimum}",
                                               "{part} rests on {size} respondents ({where}), fewer than {minimum}",
                                               sample.size).format(
                                    part=label, size=sample.size, where=sample.where, minimum=MIN_SAMPLE),
                                _("say how many people the result rests on where you describe it, or use a larger "
                                  "group before generalising"))


# Words that turn a sample into a statement about everyone: shares, most, nearly all.
_QUANTIFIERS = phrases(
    r"meeste", r"merendeel", r"meerderheid", r"bijna (?:alle|iedereen)", r"vrijwel (?:alle|iedereen)",
    r"steeds meer", r"most", r"majority", r"(?:nearly|almost|virtually) (?:all|every\w*)",
    r"(?:vrijwel|bijna|nagenoeg) (?:ieder\w*|elke?)", r"(?:every|each) (?:single )?(?:one|participant|pupil|client)",
    r"(?:een|één|twee|drie|vier|negen) op (?:de )?(?:\d+|tien|vijf|drie|vier)",
    r"(?:one|two|three|four|nine) (?:in|out of) (?:\d+|ten|five|three|four)",
)


# A claim that says its group is too small to generalise from does not generalise: "Five people are
# too few to say whether this works more widely", "deze kleine groep is niet representatief".
_DECLINES_TO_GENERALISE = phrases(
    # said of the group or its size, not of anything else ("no worry is too small to bring to us")
    r"(?:people|participants|respondents|mensen|deelnemers|respondenten|group|groep|sample|steekproef|pilot|survey"
    r"|enqu[eê]te|number|aantal|they|these|dit|this|it|het) (?:\w+ ){0,3}(?:is|are|was|were|zijn|waren) (?:\w+ )?"
    r"(?:too|te) (?:few|small|weinig|klein)",
    r"(?:too|te) (?:few|weinig) (?:people|participants|respondents|mensen|deelnemers|respondenten|answers|antwoorden)",
    r"(?:group|groep|sample|steekproef|survey|enqu[eê]te|pilot) (?:\w+ ){0,3}(?:is|was|zijn) (?:\w+ )?"
    r"(?:not|niet) representati\w+")

_CONTRIBUTES = phrases(r"dra(?:agt|gen) (?:\w+ )?bij", r"bijdrage\w*", r"bijdragen", r"contribut\w*")


def _generalises(text: Text) -> bool:
    """Whether a claim draws a result from its basis: a share, a number, "most", or an effect stated as fact.

    A claim that only says the work contributes to a goal ("draagt bij aan SDG 8.5") and gives
    no figure draws no result from the sample.
    """
    if text.has_digits:
        own = without_sdg_references(text.lowered)
        if percentages(own) or counts(own):
            return True
    if may_match(_QUANTIFIERS, text) and _QUANTIFIERS.search(text.lowered) is not None:
        return True
    return not (may_match(_CONTRIBUTES, text) and _CONTRIBUTES.search(text.lowered))


def _records_of(part: Outcome | Metric) -> list[int]:
    """The sizes of an outcome's records of everyone (administrative data), which a claim may rest on instead."""
    if not isinstance(part, Outcome):
        return []
    return [source.sample_size for source in part.evidence.sources
            if source.sample_size is not None and _records_of_everyone(source)]


def _mentions(text: Text, size: int) -> bool:
    return size in counts(joined(text))


# --- IC125 --------------------------------------------------------------------------------------

#: How many years a source may predate the reporting period before it counts as outdated.
MAX_EVIDENCE_AGE = 5
_RESEARCH = phrases(
    r"onderzoek", r"studie", r"evaluatie", r"meting", r"enqu[eê]te", r"rapport", r"peiling", r"cijfers",
    r"gegevens", r"data", r"research", r"study", r"evaluation", r"survey", r"report", r"figures", r"measurement",
    r"assessment", r"lca", r"levenscyclusanalyse", r"life[- ]cycle",
)


class OutdatedEvidence(Rule):
    """Evidence for an outcome or metric is more than five years older than the reporting period.

    Checks each source of each outcome: its ``year`` may be at most five years before the year
    in which the reporting period starts. It also reads a metric's ``method`` and
    ``data_source``: a year more than five years before the period next to research wording
    ("onderzoek uit 2016", "LCA study (2015)", "figures of 2017") makes the metric rest on old
    data. Years of a baseline are not checked: a baseline is old on purpose.

    Why: the ACM Leidraad Duurzaamheidsclaims (2023), rule 2, asks to keep the substantiation of
    claims up to date; the UK CMA Green Claims Code (principle 6, substantiated claims) asks for
    up-to-date evidence. Five years is a documented limit of this tool, not a legal one: an
    effect measured more than five years ago was measured under other circumstances, with other
    participants.

    Failing example::

        reporting_period:
          start: "2025-01-01"
          end: "2025-12-31"
        outcomes:
          - id: back-to-work
            what:
              description: Bakery trainees find paid work after their traineeship.
              polarity: positive
            who:
              stakeholder: People on social assistance in our neighbourhood
              baseline: On average, trainees had been out of paid work for three years when they started.
            risks:
              - type: evidence
                level: medium
            evidence:
              level: 2
              sources:
                - title: Follow-up of bakery trainees
                  publisher: Hogeschool Utrecht
                  year: 2016

    Passing example::

        reporting_period:
          start: "2025-01-01"
          end: "2025-12-31"
        outcomes:
          - id: back-to-work
            what:
              description: Bakery trainees find paid work after their traineeship.
              polarity: positive
            who:
              stakeholder: People on social assistance in our neighbourhood
              baseline: On average, trainees had been out of paid work for three years when they started.
            risks:
              - type: evidence
                level: medium
            evidence:
              level: 2
              sources:
                - title: Follow-up of bakery trainees
                  publisher: Hogeschool Utrecht
                  year: 2024
    """

    code: ClassVar[str] = "IC125"
    slug: ClassVar[str] = "outdated-evidence"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = (
        "Evidence for an outcome or metric is more than five years older than the reporting period.")

    def check(self, statement: Statement) -> Iterator[Issue]:
        period = statement.reporting_period
        start = period.start_date if period else None
        if start is None:
            return
        oldest = start.year - MAX_EVIDENCE_AGE
        for outcome in statement.outcomes:
            for source in outcome.evidence.sources:
                if source.year is not None and source.year < oldest:
                    yield Issue((*source.path, "year"),
                                ngettext("a source of {outcome} is from {year}, {years} year before the reporting "
                                         "period starts in {start}",
                                         "a source of {outcome} is from {year}, {years} years before the reporting "
                                         "period starts in {start}", start.year - source.year).format(
                                    outcome=label_of(outcome, "outcome"), year=source.year,
                                    years=start.year - source.year, start=start.year),
                                _("base the outcome on evidence from {year} or later, or measure the effect "
                                  "again").format(year=oldest))
        for metric in statement.metrics:
            if not (has_year_before(metric.method, oldest) or has_year_before(metric.data_source, oldest)) or \
                    not may_match(_RESEARCH, metric.method, metric.data_source):
                continue
            for path, text in (*located_texts(metric.method), *located_texts(metric.data_source)):
                if not _RESEARCH.search(text):
                    continue
                old = [year for year, _ in years(text) if year < oldest]
                if old:
                    yield Issue(path, ngettext("{metric} rests on data from {year}, {years} year before the "
                                               "reporting period starts in {start}",
                                               "{metric} rests on data from {year}, {years} years before the "
                                               "reporting period starts in {start}", start.year - min(old)).format(
                                    metric=label_of(metric, "metric"), year=min(old), years=start.year - min(old),
                                    start=start.year),
                                _("measure the value in the reporting period, or say in the claim how old the "
                                  "figure is"))
                    break
