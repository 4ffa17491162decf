"""Rules on outcomes: baseline, output-versus-outcome, ABC classification, risk and evidence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from impactclaim.findings import Severity
from impactclaim.i18n import _
from impactclaim.precompiled import regex
from impactclaim.rules.base import Issue, Rule, label_of, located_texts
from impactclaim.rules.text import (
    OwnName,
    claim_index,
    counts,
    fractions,
    is_self,
    joined,
    may_match,
    metric_name_index,
    phrases,
    sentences,
    show_number,
    years,
)
from impactclaim.statement.model import Claim, Metric, Outcome, Source, Statement


def _label(outcome: Outcome) -> str:
    return label_of(outcome, "outcome")


class OutcomeWithoutBaseline(Rule):
    """An outcome has neither a baseline nor a counterfactual.

    Checks every outcome for ``who.baseline`` (how the stakeholders were doing before) or
    ``contribution.counterfactual`` (what would likely have happened without the enterprise);
    one of the two is enough. A negative outcome (``what.polarity: negative``) is a harm the
    enterprise's own work may cause, which it reports to manage, not a change it claims, and is
    not checked.

    Why: an outcome is a *change*, and a change needs a starting point. The Impact Management
    Project's "who" dimension asks how well off the stakeholders were before, and its
    "contribution" dimension asks what would have happened anyway. With neither, nobody can tell
    how much of the reported result the enterprise caused, which is also what Social Value
    principle 5 (do not overclaim) warns against.

    Failing example::

        outcomes:
          - id: back-to-work
            what:
              description: Bakery trainees find paid work after their traineeship.
              polarity: positive
            who:
              stakeholder: People on social assistance in our neighbourhood
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
              baseline: On average, trainees had been out of paid work for three years when they started.
            risks:
              - type: drop-off
                level: medium
    """

    code: ClassVar[str] = "IC108"
    slug: ClassVar[str] = "outcome-without-baseline"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = "An outcome has neither a baseline nor a counterfactual."

    def check(self, statement: Statement) -> Iterator[Issue]:
        for outcome in statement.outcomes:
            if outcome.what.polarity == "negative":
                continue
            if not outcome.who.baseline and not outcome.contribution.counterfactual:
                yield Issue(
                    outcome.path,
                    _("{outcome} has no who.baseline and no contribution.counterfactual, "
                      "so the change it reports cannot be attributed").format(outcome=_label(outcome)),
                    _("describe the stakeholders' situation before the intervention in who.baseline, "
                      "or what would have happened without you in contribution.counterfactual"),
                )


class OutputAsOutcome(Rule):
    """An outcome is measured only by counts of activity, or a claim presents such a count as a change.

    Checks two things:

    - every outcome that lists metrics: when every referenced metric that exists is a count of
      activity or reach (``kind: count`` and a name that counts starters, sign-ups,
      participants, visitors, sessions, workshops, courses or people reached: "gestart",
      "aangemeld", "deelnemers", "trajecten", "enrolled", "reached", "sessions"), the outcome
      is measured only by how much the enterprise did, not by what changed for people or
      planet. A count of people or things in a situation ("mensen met betaald werk na een
      jaar", "participants still in work after six months", "households reporting damp",
      "testers who no longer receive a benefit", "deelnemers die doorstroomden naar betaald
      werk", "leden die zeggen vaker buiten het dorp te komen", "incidents") measures an outcome and
      counts as one, even when its name also says "deelnemers";
    - every claim that says people reached a change ("uit de bijstand geholpen", "aan werk
      geholpen", "helped off welfare", "into work") with a number that is the value of a basis
      metric counting starters, sign-ups, participants or people reached ("gestart",
      "aangemeld", "deelnemers", "enrolled", "reached"): the claim presents the output as the
      outcome. The number read is the first of the sentence that claims the change, the people
      the sentence is about, leaving out the total of a share ("Van de 74 huishoudens ... waren er
      61 schuldenvrij": the 61). The finding stands at the claim text.

    References to metrics that do not exist are left to the dangling-reference rule.

    Why: the Impact Management Project's "how much" dimension and Social Value principle 2
    (understand what changes) are about the change stakeholders experience;
    counting activities and participants describes outputs, one step earlier in the theory of
    change. Add a metric of the change itself: a share that found work, a score before and
    after, kilograms of waste avoided.

    Failing example::

        outcomes:
          - id: back-to-work
            what:
              description: Bakery trainees find paid work after their traineeship.
              polarity: positive
            who:
              stakeholder: People on social assistance in our neighbourhood
              baseline: On average, trainees had been out of paid work for three years when they started.
            risks:
              - type: drop-off
                level: medium
            metrics:
              - trainees
        metrics:
          - id: trainees
            name: Trainees who started a traineeship
            unit: people
            kind: count
            value: 12

    Passing example::

        outcomes:
          - id: back-to-work
            what:
              description: Bakery trainees find paid work after their traineeship.
              polarity: positive
            who:
              stakeholder: People on social assistance in our neighbourhood
              baseline: On average, trainees had been out of paid work for three years when they started.
            risks:
              - type: drop-off
                level: medium
            metrics:
              - trainees
              - trainees-employed
        metrics:
          - id: trainees
            name: Trainees who started a traineeship
            unit: people
            kind: count
            value: 12
          - id: trainees-employed
            name: Trainees with paid work six months after their traineeship
            unit: "%"
            kind: percentage
            value: 42
    """

    code: ClassVar[str] = "IC109"
    slug: ClassVar[str] = "output-as-outcome"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = "An outcome is measured only by counts, which are outputs rather than changes."

    def check(self, statement: Statement) -> Iterator[Issue]:
        for outcome in statement.outcomes:
            # A harm is measured by counting it (incidents, early leavers): that is its outcome.
            if outcome.metrics is None or outcome.what.polarity == "negative":
                continue
            found = statement.outcome_metrics(outcome)
            if found and all(_counts_output(statement, metric) for metric in found):
                names = ", ".join(f"'{metric.id}'" for metric in found)
                yield Issue(
                    (*outcome.path, "metrics"),
                    _("{outcome} is measured only by counts ({names}): outputs, not a change "
                      "for people or planet").format(outcome=_label(outcome), names=names),
                    _("add a metric of the change itself, e.g. the share of participants that found work "
                      "or a score before and after"),
                    at_key=True,
                )
        if claim_index(statement).has_digits and claim_index(statement).may_match(_CHANGE_CLAIMED):
            for claim in statement.claims:
                yield from self._claimed_change(statement, claim)

    @staticmethod
    def _claimed_change(statement: Statement, claim: Claim) -> Iterator[Issue]:
        metrics = statement.basis_metrics(claim)
        outputs = {metric.value: metric for metric in metrics
                   if metric.value is not None and metric.kind in (None, "count") and _names_output(statement, metric)}
        if not outputs or not claim.text.has_digits or not may_match(_CHANGE_CLAIMED, claim.text):
            return
        for where, text in located_texts(claim.text):
            for sentence in sentences(text):
                change = _CHANGE_CLAIMED.search(sentence)
                # The people a sentence is about come first ("40 mensen hielpen we ..."); a number
                # further on is often the disclosure ("..., 5 of the 18 who started stopped").
                # Years are no figures of people; "1.900 mantelzorgers", written with a separator, is.
                written_years = {year for year, _ in years(sentence)}
                figures = [value for value in counts(sentence) if value not in written_years]
                # ... and they are people: "60 training places now" credits no change to anyone.
                people = _PEOPLE.search(sentence) is not None
                metric = outputs.get(figures[0]) if change and figures and people else None
                if metric is not None and _opens_a_share(sentence, figures[0]):
                    metric = None  # "Van de 74 huishoudens ... waren er 61 schuldenvrij": the 74 are the base
                if metric is not None and change is not None:
                    value = figures[0]
                    yield Issue(where,
                                _("claim '{claim}' says \"{change}\" for {count} people, but that is "
                                  "metric '{metric}', which counts {name}: an output, not "
                                  "the change").format(claim=claim.id, change=change.group(), count=_show(value),
                                                       metric=metric.id, name=repr(joined(metric.name))),
                                _("claim the number that reached the change (e.g. people in paid work after six "
                                  "months), or describe the output as what it is (\"38 people started\")"))
                    return


_FIRST_DIGITS = regex(r"(?<![\w.,])\d")


def _opens_a_share(sentence: str, figure: float) -> bool:
    """Whether the sentence's first number is the total it then takes a share of ("Van de 74 ... 61")."""
    first = _FIRST_DIGITS.search(sentence)
    return first is not None and any(
        fraction.whole == figure and fraction.part < fraction.whole
        and fraction.start <= first.start() < fraction.start + len(fraction.written)
        for fraction in fractions(sentence))


# Names of counts that describe a changed situation: an outcome even as a count.
_CHANGE_COUNTED = phrases(
    r"na (?:een|één|1|twee|drie|zes|\d+) (?:jaar|maanden|maand|weken)", r"after (?:a|one|two|three|six|\d+)"
    r" (?:years?|months?|weeks?)", r"(?:\w+ )?werk (?:gevonden|hebben|hadden|behouden)", r"aan het werk", r"met"
    r" (?:betaald )?werk", r"in (?:paid )?(?:work|employment|a job)", r"with (?:a )?(?:paid )?(?:job|work)",
    r"uitgestroomd\w*", r"uitstroom\w*", r"doorgestroomd\w*", r"doorstroomde\w*", r"stroomden (?:\w+ )?door",
    r"found (?:a )?(?:paid )?(?:job|work)", r"still",
    # people who say their situation changed: "leden die zeggen vaker buiten het dorp te komen"
    r"(?:zeggen|zegt|zeiden|geven aan|gaven aan|melden|meldden|say|says|said|report|reports|reported) (?:\w+ ){0,3}"
    r"(?:vaker|more often)",
    r"nog steeds",
    # "kinderen met een diploma" hold one; "children enrolled in diploma lessons" only started on it
    r"diploma\w*(?!\w| (?:lessons?|lessen|les|courses?|cursus\w*|classes|training\w*|traject\w*))",
    r"certificaat behaald", r"behaald", r"behaalden", r"haalden", r"geslaagd\w*",
    r"slaagden", r"slaagde", r"obtained", r"passed",
    r"gained", r"moved (?:into|on)", r"zelfstandig\w*", r"independently", r"schuldenvrij\w*", r"debt[- ]free",
    r"uit de (?:bijstand|uitkering|schulden)", r"off (?:benefits|welfare)", r"vermeden", r"avoided", r"bespaard",
    r"saved", r"minder", r"fewer", r"less", r"verbeterd\w*", r"improved", r"hersteld\w*", r"recovered",
    r"no longer", r"niet meer", r"geen \w+ meer", r"left", r"stopped", r"dropped out", r"uitgevallen", r"uitval",
    r"gestopt", r"voortijdig\w*", r"early leavers?", r"earned", r"gehaald", r"achieved", r"reporting", r"met (?:een )?"
    r"(?:vast|betaald) contract", r"with (?:a )?(?:permanent|paid) (?:contract|job)",
    r"gehuisvest", r"housed", r"woning gevonden", r"found (?:a )?home", r"startkwalificatie",
    r"zonder (?:bijstand\w*|uitkering\w*|\w*uitkering)", r"without (?:benefits|welfare|a benefit)",
    # people who now hold a qualification: "deelnemers met een lascertificaat"
    r"met (?:een |het )?\w*(?:certificaat|diploma|rijbewijs|vakdiploma|kwalificatie)",
    r"with (?:a |an |the )?\w*(?:certificate|diploma|qualification|licen[cs]e)",
    # a contract signed, a steady job, a use cut: "trainees who signed a permanent contract", "leden met een vaste baan"
    r"signed (?:a |an |their )?(?:\w+ ){0,2}contracts?", r"(?:een )?vaste (?:baan|aanstelling|contract)",
    r"permanent (?:job|contract|position)", r"cut", r"reduced", r"lowered", r"verlaagd\w*", r"verminderd\w*",
)
# Names of counts of what the enterprise did or whom it reached: outputs.
_OUTPUT_NAMES = phrases(
    r"gestart\w*", r"starters?", r"begonnen", r"aangemeld\w*", r"aanmeldingen", r"ingeschreven\w*", r"intakes?",
    r"bereikt\w*", r"deelnemers", r"deelnames", r"trajecten", r"workshops?", r"trainingen", r"cursussen",
    r"bezoekers", r"bezoeken", r"started", r"enrolled", r"enrolments?", r"enrollments?", r"signed up", r"sign-?ups",
    r"reached", r"participants", r"attendees", r"visitors", r"sessions", r"courses", r"referrals", r"verwezen\w*",
    r"abonnementen", r"abonnees", r"inschrijvingen", r"subscriptions", r"subscribers", r"registrations",
    r"applications", r"aanvragen", r"aanmeldden", r"aanmeldde", r"meldden zich aan", r"took part", r"taking part",
    r"participated", r"namen deel", r"deelgenomen",
    r"startten", r"startte", r"begon", r"handed(?: out| to)?", r"uitgereikt", r"verstrekt", r"gedoneerd", r"donated",
    r"provided",
    r"doorverwezen\w*", r"geworven", r"recruited", r"uitgegeven", r"meegegeven", r"accounts", r"aangemaakt",
    # whom the enterprise met or listed: "met een intakegesprek", "eerste huisbezoek", "jongeren gesproken"
    r"intake\w*", r"\w*gesprek(?:ken)?", r"huisbezoek\w*", r"bezocht", r"visited", r"visits", r"gesproken",
    r"spoken to", r"conversations?", r"interviews?", r"registered", r"geregistreerd\w*",
    r"downloads", r"gedownload", r"installaties", r"new users", r"nieuwe gebruikers",
    # who was placed on trial, signed up or followed a course; whom the enterprise counts as members
    r"proefplaatsing\w*", r"trial placements?", r"signed", r"getekend", r"ondertekend", r"volgden", r"gevolgd",
    r"attended", r"followed", r"\w*training", r"\w*cursus", r"leden", r"members", r"membership",
    # what was made or done: production, not yet a change for anyone
    r"gebakken", r"gemaakt", r"geproduceerd", r"verkocht\w*", r"geleverd\w*", r"bezorgd\w*", r"gegeven",
    r"gehouden", r"georganiseerd", r"uitgevoerd", r"uitgedeeld", r"baked", r"made", r"produced", r"sold",
    r"delivered", r"given", r"held", r"organi[sz]ed", r"distributed", r"served",
)
# A claim that says people reached a changed situation.
_CHANGE_CLAIMED = phrases(
    r"uit de (?:bijstand|uitkering|schulden)", r"(?:aan|naar) (?:betaald )?werk (?:geholpen|gebracht)",
    r"(?:aan|naar) (?:een )?(?:betaalde )?baan (?:geholpen|gebracht)", r"aan het werk (?:geholpen|gebracht)",
    r"werk gevonden", r"een baan gevonden", r"uitgestroomd\w*", r"schuldenvrij\w*", r"geholpen(?! door)",
    r"off (?:benefits|welfare)", r"(?:into|back to) (?:paid )?(?:work|jobs?|employment)",
    r"found (?:paid )?(?:work|jobs?)",
    r"out of (?:\w+ )?(?:debt|poverty|welfare)", r"debt[- ]free", r"helped(?! by)", r"lifted",
    r"uit de (?:\w+ )?(?:\w*armoede|schulden)", r"out of (?:\w+ )?poverty", r"ontlast", r"relieved",
    r"integrated into", r"integreerden", r"geïntegreerd", r"ingeburgerd",
    r"(?:hielpen|helpen|helpt) (?:\w+ ){0,5}aan (?:\w+ )?(?:werk|een baan|een opleiding|een woning|een huis)",
    r"(?:hielden|houden|hield|haalden|halen|haalde) (?:\w+ ){0,6}uit de", r"kept (?:\w+ ){0,5}out of",
    r"(?:gave|give|gaven|geven|gaf) (?:\w+ ){0,6}(?:a |an |een )?(?:\w+ )?(?:future|toekomst|new start|nieuwe start)",
    # a change in what people know or feel: "taught 1,900 children to eat healthily", "developed a bond"
    r"taught (?:\w+ ){0,4}to", r"leerden", r"learned", r"learnt", r"developed (?:a|an|their|real|new)",
    r"ontwikkelden (?:een|hun|nieuwe)",
    # a situation the claim credits to the enterprise: "dankzij onze groentetas hebben 410 gezinnen nu"
    r"dankzij", r"thanks to", r"nu", r"now", r"aan (?:het )?werk", r"aan een baan", r"naar (?:betaald )?werk",
    r"into (?:the |a |an )?(?:\w+ ){0,2}(?:sector|industry|labour market|job market|jobs?|work|employment|careers?)",
    # "vonden 41 Apeldoorners een baan", "van de uitkering naar een nieuwe start", "found their way into",
    # "swapped their benefit for a pay slip", "became financially independent", "now water-safe"
    r"(?:vonden|vond) (?:\w+ ){0,6}(?:een |hun )?(?:\w+ )?(?:baan|werk|weg)\b",
    r"found (?:\w+ ){0,3}(?:their |a )?way (?:into|to|back)", r"van de (?:uitkering|bijstand|\w*uitkering) naar",
    r"(?:begeleid\w*|toegeleid\w*) (?:\w+ ){0,6}naar (?:een |betaald |betaalde )?(?:\w+ )?"
    r"(?:werk|baan|start|opleiding)",
    r"naar een (?:betaalde |vaste |nieuwe )?(?:baan|start)", r"swapped (?:\w+ ){0,3}(?:benefits?|welfare)",
    r"ruilden (?:\w+ ){0,3}(?:uitkering|bijstand)", r"(?:become|became|becoming) (?:\w+ )?(?:independent|self-reliant)",
    r"financieel (?:zelfstandig|onafhankelijk|zelfredzaam)", r"zelfredzaam\w*", r"water-?safe", r"zwemveilig",
)


_PEOPLE = phrases(
    r"mensen", r"personen", r"deelnemers", r"cli[eë]nten", r"bewoners", r"\w*gezinnen", r"huishoudens", r"jongeren",
    r"ouderen", r"kinderen", r"leerlingen", r"studenten", r"statushouders", r"werkzoekenden", r"nieuwkomers",
    r"vrouwen", r"mannen", r"\w*ers", r"people", r"persons", r"participants", r"clients", r"residents", r"families",
    r"households", r"young people", r"youngsters", r"pupils", r"students", r"newcomers", r"refugees", r"jobseekers",
    r"women", r"men", r"children", r"returners", r"trainees", r"graduates", r"\w+ers", r"\w+aren", r"\w+ingers",
    r"adults", r"volwassenen", r"\w+ians", r"\w*lieden", r"\w*mensen",
)


def _counts_output(statement: Statement, metric: Metric) -> bool:
    """Whether a metric counts activity or reach (an output): a count named for starters, sessions, people reached."""
    return metric.kind == "count" and _names_output(statement, metric)


def _names_output(statement: Statement, metric: Metric) -> bool:
    """Whether a metric's name says it counts activity or reach, and not people in a changed situation."""
    names = metric_name_index(statement)
    return id(metric) in names.owners(_OUTPUT_NAMES) and id(metric) not in names.owners(_CHANGE_COUNTED)


_show = show_number


class AbcInconsistency(Rule):
    """A negative outcome is classified B or C, or the enterprise claims C while a negative outcome is not A.

    Checks the Impact Frontiers ABC classification of the outcomes and of the enterprise:

    - an outcome with ``what.polarity: negative`` may only be classified A (act to avoid harm); a
      negative effect cannot "benefit stakeholders" (B) or "contribute to solutions" (C);
    - when ``mission.abc`` is C, every negative outcome must be classified A, so an unclassified
      negative outcome is reported too.

    Why: in the ABC classification of Impact Frontiers (which carries on the norms of the Impact
    Management Project), an enterprise that contributes to solutions (C) must also act to avoid harm (A) on the
    negative effects it causes. Classifying a harm as a benefit, or leaving it unclassified while
    claiming C, overstates the enterprise's impact.

    Failing example::

        mission:
          abc: C
        outcomes:
          - id: night-shifts
            what:
              description: Bakers work night shifts, which disturbs their sleep.
              polarity: negative
            who:
              stakeholder: Our bakers
              baseline: Before they joined us, most of our bakers worked day shifts.
            risks:
              - type: endurance
                level: medium

    Passing example::

        mission:
          abc: C
        outcomes:
          - id: night-shifts
            what:
              description: Bakers work night shifts, which disturbs their sleep.
              polarity: negative
            who:
              stakeholder: Our bakers
              baseline: Before they joined us, most of our bakers worked day shifts.
            risks:
              - type: endurance
                level: medium
                mitigation: No baker works more than two night shifts a week.
            abc: A
    """

    code: ClassVar[str] = "IC111"
    slug: ClassVar[str] = "abc-inconsistency"
    severity: ClassVar[Severity] = Severity.ERROR
    summary: ClassVar[str] = (
        "A negative outcome is classified B or C, or the enterprise claims C while a negative outcome is not A."
    )

    def check(self, statement: Statement) -> Iterator[Issue]:
        enterprise_c = statement.mission.abc == "C"
        for outcome in statement.outcomes:
            if outcome.what.polarity != "negative":
                continue
            abc = outcome.abc
            if abc in ("B", "C"):
                # One issue per outcome: a negative outcome classified B or C also breaks an
                # enterprise C, but the fix is the same (classify it A).
                if abc == "B":
                    message = (_("negative {outcome} is classified B: a negative effect cannot benefit stakeholders; "
                                 "the enterprise's mission.abc C also requires A here") if enterprise_c
                               else _("negative {outcome} is classified B: a negative effect cannot benefit "
                                      "stakeholders"))
                else:
                    message = (_("negative {outcome} is classified C: a negative effect cannot contribute to "
                                 "solutions; the enterprise's mission.abc C also requires A here") if enterprise_c
                               else _("negative {outcome} is classified C: a negative effect cannot contribute to "
                                      "solutions"))
                yield Issue(
                    (*outcome.path, "abc"),
                    message.format(outcome=_label(outcome)),
                    _("classify a negative outcome as A (act to avoid harm) and describe how you reduce it "
                      "in its risks' mitigation"),
                )
            elif enterprise_c and abc != "A":
                yield Issue(
                    outcome.path,
                    _("the enterprise claims mission.abc C, but negative {outcome} is not classified A").format(
                        outcome=_label(outcome)),
                    _("add 'abc: A' to the outcome with what you do to avoid or reduce the harm, "
                      "or lower mission.abc"),
                )


class RiskUnassessed(Rule):
    """An outcome lists no impact risks.

    Checks that every outcome has at least one entry under ``risks``, each a risk type with its
    level (and ideally a mitigation).

    Why: risk is the fifth dimension of impact of the Impact Management Project: the likelihood
    that impact turns out different from expected. It distinguishes nine risk types (evidence,
    external, stakeholder participation, drop-off, efficiency, execution, alignment, endurance
    and unexpected impact). An outcome without any assessed risk presents its impact as certain,
    which it never is.

    Failing example::

        outcomes:
          - id: back-to-work
            what:
              description: Bakery trainees find paid work after their traineeship.
              polarity: positive
            who:
              stakeholder: People on social assistance in our neighbourhood
              baseline: On average, trainees had been out of paid work for three years when they started.

    Passing example::

        outcomes:
          - id: back-to-work
            what:
              description: Bakery trainees find paid work after their traineeship.
              polarity: positive
            who:
              stakeholder: People on social assistance in our neighbourhood
              baseline: On average, trainees had been out of paid work for three years when they started.
            risks:
              - type: drop-off
                level: medium
                mitigation: A job coach stays in touch for a year after placement.
    """

    code: ClassVar[str] = "IC112"
    slug: ClassVar[str] = "risk-unassessed"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = "An outcome lists no impact risks."

    def check(self, statement: Statement) -> Iterator[Issue]:
        for outcome in statement.outcomes:
            if outcome.risks:
                continue
            # An explicit empty list is pointed at; a missing one at the outcome.
            given = outcome.risks is not None
            path = (*outcome.path, "risks") if given else outcome.path
            yield Issue(
                path,
                _("{outcome} has no assessed impact risks").format(outcome=_label(outcome)),
                _("add at least one risk (type, level and mitigation), e.g. 'type: drop-off' or "
                  "'type: evidence', from the nine IMP risk types"),
                at_key=given,
            )


_COMPARISON_STUDY = phrases(r"comparison group", r"control group", r"matched", r"vergelijkingsgroep\w*",
                            r"controlegroep\w*", r"randomi[sz]ed", r"gerandomiseerd\w*")


def _outside_comparison_study(source: Source, own: OwnName) -> bool:
    """A comparison-group study made outside the enterprise: what Nesta level 3 asks for causality."""
    compares = source.method in ("comparison-group", "randomised-trial") or (
        source.title is not None and _COMPARISON_STUDY.search(source.title) is not None)
    if not compares:
        return False
    if source.relation is not None:
        return source.relation in ("commissioned", "independent")
    return bool(source.publisher) and is_self(source.publisher, own) is None


class SelfDeclaredEvidence(Rule):
    """An outcome claims evidence level 3 or higher without an independent source.

    Checks every outcome with ``evidence.level`` 3, 4 or 5 for at least one source under
    ``evidence.sources`` with ``relation: independent`` (schema 1.1) or ``independent: true`` (1.0).
    For level 3 a comparison-group study by researchers outside the enterprise is enough: a
    source with ``method: comparison-group`` or ``randomised-trial`` (or, in 1.0, a title that
    names a comparison or control group) that the enterprise commissioned (``relation:
    commissioned``) or that someone else published.

    Why: on the Nesta Standards of Evidence, level 3 means the enterprise can show causality,
    which needs a comparison or control group; level 4 asks for one or more independent
    replication evaluations and level 5 for replication at scale. Such claims are only credible
    when someone independent of the enterprise produced or checked the evidence, as Social Value
    principle 7 (verify the result) asks.

    Failing example::

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
              level: 3
              sources:
                - title: Our own follow-up of trainees
                  independent: false

    Passing example::

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
              level: 3
              sources:
                - title: Evaluation of the bakery traineeships, with a comparison group
                  publisher: University of Applied Sciences Utrecht
                  year: 2025
                  independent: true
    """

    code: ClassVar[str] = "IC113"
    slug: ClassVar[str] = "self-declared-evidence"
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str] = "An outcome claims evidence level 3 or higher without an independent source."

    def check(self, statement: Statement) -> Iterator[Issue]:
        own = OwnName.of(statement.organisation)
        for outcome in statement.outcomes:
            level = outcome.evidence.level
            if level is None or level < 3:
                continue
            sources = outcome.evidence.sources
            if any(source.is_independent for source in sources):
                continue
            if level == 3 and any(_outside_comparison_study(source, own) for source in sources):
                continue  # causality shown with a comparison group by researchers outside the enterprise
            how = "'independent: true'" if statement.schema_version == "1.0" else "'relation: independent'"
            message = (_("{outcome} claims Nesta evidence level {level}, but it lists no sources") if not sources
                       else _("{outcome} claims Nesta evidence level {level}, but its only source is not independent")
                       if len(sources) == 1
                       else _("{outcome} claims Nesta evidence level {level}, but none of its {count} sources is "
                              "independent"))
            yield Issue(
                (*outcome.path, "evidence", "level"),
                message.format(outcome=_label(outcome), level=level, count=len(sources)),
                _("add the independent evaluation (with {how}) that shows causality, "
                  "or lower the level to 2").format(how=how),
            )
