"""Dutch and EU legal obligations that a claim may not present as a distinctive feature (IC121), with their sources."""

from __future__ import annotations

from dataclasses import dataclass

from impactclaim.i18n import N_


@dataclass(frozen=True, slots=True)
class LegalRequirement:
    """One obligation that applies to every trader or employer of its kind, and how claims word it."""

    name: str
    law: str  # the citation, so a reader can check that it is the law
    wording: tuple[str, ...]  # patterns in Dutch and English (a space matches any white space)
    # Patterns that must each also be in the sentence: the wording is the rare telling word, searched
    # in every claim ("veiligheidsschoenen"); the context says what makes it the duty ("gratis").
    context: tuple[str, ...] = ()


# One duty read two ways: cups named as reusable, and disposable cups said to be absent on site.
_REUSABLE_ON_SITE = N_("reusable cups and containers for food and drink consumed on the premises")
_REUSABLE_ON_SITE_LAW = "Besluit kunststofproducten voor eenmalig gebruik, art. 6a (since 1 January 2024)"

#: The curated list. A pattern names the obligation as a feature ("wij betalen het minimumloon",
#: "14 dagen bedenktijd", "GDPR compliant"); wording that goes beyond it ("boven het minimumloon",
#: "30 dagen bedenktijd") or says it is the law is let through by the rule, not by this list.
LEGAL_REQUIREMENTS: tuple[LegalRequirement, ...] = (
    LegalRequirement(
        N_("the statutory minimum wage"),
        "Wet minimumloon en minimumvakantiebijslag (WML), art. 7 and 8",
        # Each wording starts at its telling word, so that only texts with that word are read closely.
        (r"minimum ?loon", r"WML", r"minimum wage"),
    ),
    LegalRequirement(
        N_("the statutory holiday allowance of 8%"),
        "Wet minimumloon en minimumvakantiebijslag (WML), art. 15",
        (r"vakantie(?:geld|bijslag|toeslag)", r"holiday (?:pay|allowance)"),
    ),
    LegalRequirement(
        N_("equal pay for men and women"),
        "Treaty on the Functioning of the EU, art. 157; Algemene wet gelijke behandeling, art. 7; "
        "Directive (EU) 2023/970",
        (r"gelijk(?:e)? (?:loon|beloning) voor (?:mannen en vrouwen|vrouwen en mannen)",
         r"equal pay for (?:men and women|women and men)"),
    ),
    LegalRequirement(
        N_("a smoke-free workplace"),
        "Tabaks- en rookwarenwet, art. 10",
        (r"rookvrij(?:e)? (?:werkplek|werkplekken|kantoor|werkvloer)", r"smoke[- ]free (?:workplace|office)s?"),
    ),
    LegalRequirement(
        N_("a safe workplace under the Working Conditions Act"),
        "Arbeidsomstandighedenwet (Arbowet), art. 3",
        (r"(?<=de\s)arbo-?wet", r"arbo-?proof",
         r"(?:complies|comply|compliant) with (?:the )?(?:dutch )?working conditions act"),
    ),
    LegalRequirement(
        N_("the 14-day right of withdrawal for distance sales"),
        "Directive 2011/83/EU, art. 9; Burgerlijk Wetboek 6:230o",
        (r"(?:(?<=14\sdagen\s)|(?<=veertien\sdagen\s))(?:bedenktijd|retourrecht|herroepingsrecht|retour|zichttermijn)",
         r"herroepingsrecht",
         r"(?:(?<=14-day\s)|(?<=14\sday\s)|(?<=fourteen-day\s)|(?<=fourteen\sday\s))(?:return|returns|cooling[- ]off"
         r"|withdrawal)(?: period| right)?",
         r"(?:14|fourteen) days to return", r"right of withdrawal",
         r"withdraw (?:\w+ ){0,5}within (?:14|fourteen) days",
         r"within (?:14|fourteen) days without (?:giving )?(?:a |any )?reason",
         r"binnen (?:14|veertien) dagen (?:\w+ ){0,4}(?:annuleren|ontbinden|herroepen|terugsturen|retourneren|opzeggen"
         r"|afzien)",
         r"(?:annuleren|ontbinden|herroepen|opzeggen) (?:\w+ ){0,4}binnen (?:14|veertien) dagen",
         r"(?:14|veertien) dagen (?:\w+ ){0,3}zonder opgaaf van redenen?"),
    ),
    LegalRequirement(
        N_("the two-year legal guarantee"),
        "Directive (EU) 2019/771, art. 10; Burgerlijk Wetboek 7:17",
        (r"(?:(?<=2\sjaar\s)|(?<=twee\sjaar\s))garantie",
         r"(?:(?<=2-year\s)|(?<=2\syear\s)|(?<=2\syears\s)|(?<=two-year\s)|(?<=two\syear\s)|(?<=two\syears\s))"
         r"(?:guarantee|warranty)"),
    ),
    LegalRequirement(
        N_("the ban on single-use plastic cutlery, plates, straws and stirrers"),
        "Directive (EU) 2019/904, art. 5; Besluit kunststofproducten voor eenmalig gebruik",
        # Nobody boasts of plastic straws: naming them in a claim is naming their absence.
        (r"(?:plastic|kunststof) ?(?:wegwerp)?(?:rietjes|bestek|borden|roerstaafjes|wattenstaafjes)",
         r"(?:plastic|kunststof)vrij(?:e)? (?:rietjes|bestek)", r"(?:plastic )?(?:wegwerp)?(?:roerstaafjes|rietjes)",
         r"wegwerpbestek", r"single-use (?:plastic )?(?:cutlery|straws|stirrers|plates)",
         r"(?:single-use )?plastic (?:straws|cutlery|plates|stirrers|cotton buds)",
         r"plastic[- ]free (?:straws|cutlery)"),
    ),
    LegalRequirement(
        _REUSABLE_ON_SITE, _REUSABLE_ON_SITE_LAW,
        (r"(?:(?<=echt\s)|(?<=echte\s))(?:kopje|kopjes|kop|koppen|beker|bekers|mok|mokken|servies)",
         r"herbruikbare? (?:bekers?|kopjes?|servies|bakjes)", r"reusable (?:cups|mugs|tableware) for (?:drinks|food)"
         r" (?:consumed )?on the premises", r"(?:real|proper) (?:cups?|mugs?|china|crockery)",
         r"reusable (?:crockery|tableware|dishes)",
         # "nooit een plastic wegwerpbeker of -bakje", "no single-use cups"
         r"wegwerpbe(?:ker|kers|kertje|kertjes)", r"wegwerpbak(?:je|jes)?",
         r"single-use (?:plastic )?(?:cups|containers)"),
    ),
    LegalRequirement(
        _REUSABLE_ON_SITE, _REUSABLE_ON_SITE_LAW,
        # no disposable cups for those who stay; takeaway cups are another matter
        (r"disposable (?:cups?|trays?|containers?)", r"wegwerp(?:bekers?|servies|bakjes?)"),
        (r"on the spot|on site|on the premises|eat in|at the table|who stay|in (?:the|our|every) (?:canteen|caf[eé]|"
         r"restaurant|coffee bar)|ter plaatse|aan tafel|die blijven|in (?:de|onze|elke) (?:kantine|zaak|koffiebar)",),
    ),
    LegalRequirement(
        N_("the deposit on plastic bottles and cans"),
        "Besluit beheer verpakkingen 2014, art. 7a",
        (r"statiegeld op (?:\w+ )?(?:flesjes|flessen|blikjes|blik)", r"deposit on (?:\w+ )?(?:bottles|cans)",
         r"statiegeld\w*", r"deposits?"),
        (r"blik\w*|(?:plastic|pet)[- ]?(?:flesjes|flessen|fles|bottles?)|petfles\w*|cans?\b",),
    ),
    LegalRequirement(
        N_("CE marking"),
        "Regulation (EC) No 765/2008, art. 30; Decision No 768/2008/EC",
        (r"CE-?(?:markering|gemarkeerd|keurmerk|gecertificeerd|certificering|label)", r"CE[- ]?(?:marked|marking|mark"
         r"|certified|certification|label)"),
    ),
    LegalRequirement(
        N_("REACH compliance"),
        "Regulation (EC) No 1907/2006 (REACH)",
        (r"REACH-?(?:conform|proof|compliant|gecertificeerd|certified)", r"(?<=aan\s)REACH",
         r"(?:chemicali[eë]nverordening|chemicali[eë]nwetgeving|chemicals regulation|verordening|regulation) REACH",
         r"REACH[- ](?:regulation|verordening|wetgeving|regels|rules)",
         r"(?:complies|comply|compliant) with REACH"),
    ),
    LegalRequirement(
        N_("RoHS compliance for electrical equipment"),
        "Directive 2011/65/EU (RoHS)",
        (r"RoHS-?(?:conform|proof|compliant|gecertificeerd|certified)", r"(?<=with\s)RoHS", r"(?<=aan\s)RoHS",
         r"(?<=de\s)RoHS", r"(?<=the\s)RoHS", r"RoHS[- ](?:directive|richtlijn|rules|regels|norms?|normen)"),
    ),
    LegalRequirement(
        N_("GDPR (AVG) compliance"),
        "Regulation (EU) 2016/679 (General Data Protection Regulation, AVG)",
        (r"AVG-?(?:proof|conform|compliant)", r"(?<=de\s)AVG", r"GDPR[- ](?:compliant|proof)",
         r"(?<=the\s)GDPR", r"(?<=with\s)GDPR",
         r"(?:complies|comply|compliant) with (?:the )?GDPR"),
    ),
    LegalRequirement(
        N_("products free of CFCs"),
        "Regulation (EC) No 1005/2009 on substances that deplete the ozone layer",
        (r"CFK-?vrij\w*", r"CFC[- ]free", r"(?:ozonvriendelijk|ozone[- ]friendly)\w*"),
    ),
    LegalRequirement(
        N_("bisphenol A-free food contact materials"),
        "Regulation (EU) 2024/3190 on bisphenol A in food contact materials",
        (r"BPA-?vrij\w*", r"BPA[- ]free"),
    ),
    LegalRequirement(
        N_("phosphate-free laundry and dishwasher detergents"),
        "Regulation (EU) No 259/2012 amending Regulation (EC) No 648/2004 on detergents",
        (r"fosfaatvrij\w*", r"phosphate[- ]free"),
    ),
    LegalRequirement(
        N_("asbestos-free materials"),
        "Asbestverwijderingsbesluit 2005 and Productenbesluit asbest; Regulation (EC) No 1907/2006, Annex XVII",
        (r"asbestvrij\w*", r"asbestos[- ]free", r"vrij van asbest", r"zonder asbest", r"free (?:from|of) asbestos",
         r"no asbestos", r"asbestos(?:[- ]free)? guaranteed"),
    ),
    LegalRequirement(
        N_("an asbestos inventory before demolition or renovation"),
        "Besluit bouwwerken leefomgeving (Omgevingswet), rules on asbestos inventory before demolition; "
        "formerly Asbestverwijderingsbesluit 2005, art. 4",
        (r"asbestinventarisatie\w*", r"op asbest (?:laten )?(?:inventariseren|onderzoeken|controleren)",
         r"asbestos (?:inventory|inventories|survey|surveys)"),
    ),
    LegalRequirement(
        N_("a certificate of conduct (VOG) and registration for everyone working in childcare"),
        "Wet kinderopvang, art. 1.48d (Personenregister kinderopvang) and art. 1.50 (verklaring omtrent het gedrag)",
        (r"personenregister kinderopvang", r"childcare (?:register|registry)",
         r"(?:pedagogisch(?:e)? medewerkers?|gastouders?|leidsters?|childcare (?:staff|workers?)) (?:\w+ ){0,12}"
         r"(?:verklaring omtrent het gedrag|vog|certificate of conduct)"),
    ),
    LegalRequirement(
        N_("collecting and recycling e-waste"),
        "Directive 2012/19/EU (WEEE), art. 5(2); Regeling afgedankte elektrische en elektronische apparatuur "
        "(old-for-new take-back by every seller)",
        (r"nemen (?:\w+ )?(?:oude|afgedankte) (?:apparaten|elektronica) (?:gratis )?(?:in|retour)",
         r"take back (?:\w+ )?old (?:appliances|electronics)", r"oud[- ]voor[- ]nieuw", r"old[- ]for[- ]new",
         r"(?:phones?|devices?|appliances?|laptops?|telefoons?|apparaten|apparaat)"),
        # the device alone is no duty: taking the old one back is
        (r"(?:take|takes|taking|nemen|neemt) (?:\w+ ){0,2}(?:old|oude|afgedankte) (?:\w+ )?(?:back|terug|retour|in)"
         r"|oud[- ]voor[- ]nieuw|old[- ]for[- ]new|take back|nemen (?:\w+ )?(?:in|retour)",),
    ),
    LegalRequirement(
        N_("personal protective equipment free of charge"),
        "Arbeidsomstandighedenbesluit, art. 8.3; Directive 89/656/EEC, art. 4(6)",
        (r"veiligheidsschoenen", r"werkschoenen", r"helm", r"helmen", r"gehoorbescherming", r"oordoppen",
         r"werkhandschoenen", r"(?:cut-resistant |safety |work )gloves",
         r"veiligheidsbril", r"persoonlijke beschermingsmiddelen", r"pbm", r"safety (?:shoes|boots|helmets?|glasses)",
         r"hard hats?", r"hearing protection", r"ear ?plugs", r"protective (?:equipment|clothing|gear)", r"ppe"),
        (r"kosteloos|kosteloze|gratis|geen cent|op onze kosten|free of charge|for free|at no cost|no charge"
         r"|at our expense|(?<!\w)free(?!\w)|on us|op onze rekening|van de zaak|never deduct\w*|nooit (?:\w+ ){0,4}"
         r"in(?:ge)?houden|geen eigen bijdrage|paid by us|we pay for",),
    ),
    LegalRequirement(
        N_("fall protection when working at height"),
        "Arbeidsomstandighedenbesluit, art. 3.16",
        (r"valbeveiliging\w*", r"valbescherming", r"fall (?:protection|arrest)"),
    ),
    LegalRequirement(
        N_("the ban on chemical weed control on paved surfaces"),
        "Besluit gewasbeschermingsmiddelen en biociden, art. 2.8 (professional use outside agriculture, "
        "since 2016)",
        (r"onkruid\w*", r"weeds?", r"weed control", r"weed ?killers?", r"herbicides?"),
        # on pavements, not on fields (farming may still spray), and without the chemicals
        (r"stoep\w*|pleinen|verharding\w*|bestrating|parkeerterrein\w*|openbare ruimte|pavements?|paved|sidewalks?"
         r"|squares|car parks",
         r"zonder|geen|nooit|without|no|never|chemievrij\w*|gifvrij\w*|chemical[- ]free"),
    ),
    LegalRequirement(
        N_("registration on the VIHB list for collecting and transporting waste"),
        "Wet milieubeheer, art. 10.45 and 10.55 (list of carriers, collectors, dealers and brokers)",
        (r"VIHB\w*", r"(?:vervoerders|inzamelaars)lijst"),
    ),
    LegalRequirement(
        N_("reporting waste received and notifying shipments abroad"),
        "Besluit melden bedrijfsafvalstoffen en gevaarlijke afvalstoffen (LMA); Regulation (EC) No 1013/2006 "
        "on shipments of waste (EVOA)",
        (r"LMA", r"landelijk meldpunt afvalstoffen", r"national waste registration point", r"EVOA",
         r"waste shipment regulation", r"verordening (?:\w+ )?overbrenging (?:van )?afvalstoffen"),
    ),
    LegalRequirement(
        N_("placing only legally harvested timber on the market"),
        "Regulation (EU) No 995/2010 (EU Timber Regulation), art. 4; Regulation (EU) 2023/1115",
        (r"legaal (?:gekapt|geoogst|verkregen) hout", r"(?:aantoonbaar )?legaal gekapt", r"illegale houtkap",
         r"legally (?:harvested|logged|felled|sourced) (?:timber|wood)", r"illegal(?:ly)? (?:logging|logged)"),
    ),
    LegalRequirement(
        N_("a food safety plan based on HACCP"),
        "Regulation (EC) No 852/2004, art. 5; Warenwetbesluit hygiëne van levensmiddelen",
        (r"HACCP\w*",),
    ),
    LegalRequirement(
        N_("allergen information for the 14 allergens"),
        "Regulation (EU) No 1169/2011, art. 9 and 44 and Annex II; Warenwetbesluit informatievoorziening "
        "levensmiddelen",
        (r"allerge(?:nen|ns)\w*", r"allergen (?:information|info|list|labelling)"),
        (r"(?:14|veertien|fourteen)|informatie|information|info|kaart|lijst|list|overzicht|vermeld\w*|label\w*"
         r"|menu|welke|which|vertel\w*|tells?|schap|shelf|bordje|signs?",),
    ),
    LegalRequirement(
        N_("the ban on surcharges for paying by card or iDEAL"),
        "Directive (EU) 2015/2366 (PSD2), art. 62(4), in Dutch law since 2018",
        (r"toeslag\w*", r"transactiekosten", r"betaalkosten", r"surcharges?", r"card fees?", r"payment fees?",
         r"transaction fees?", r"betaalmiddel", r"betaalwijze"),
        (r"ideal|pin|pinnen|creditcard|betaalmiddel|betaalwijze|betaalkaart|cards?|payments?|paying",
         r"geen|nooit|niets|zonder|no|never|without|free"),
    ),
    LegalRequirement(
        N_("a driver's card (chauffeurskaart) for every taxi driver"),
        "Wet personenvervoer 2000 and Besluit personenvervoer 2000 (chauffeurskaart)",
        (r"chauffeurskaart\w*", r"taxi driver'?s? (?:card|licen[cs]e)"),
    ),
    LegalRequirement(
        N_("refusing alcohol to anyone under 18"),
        "Alcoholwet, art. 20",
        (r"alcohol\w*",),
        (r"onder de (?:18|achttien)|minderjarig\w*|under(?:-| )(?:18|eighteen)s?|minors|underage",),
    ),
    LegalRequirement(
        N_("filing the annual accounts with the Chamber of Commerce"),
        "Burgerlijk Wetboek Book 2, art. 394",
        (r"jaarrekening\w*", r"annual accounts", r"financial statements"),
        (r"deponeer\w*|deponeren|gedeponeerd|kvk|kamer van koophandel|chamber of commerce|companies house",),
    ),
    LegalRequirement(
        N_("smoke alarms on every floor of a home"),
        "Bouwbesluit 2012, art. 6.21 (every floor of every home since 1 July 2022); Besluit bouwwerken "
        "leefomgeving",
        (r"rookmelder\w*", r"smoke (?:alarms?|detectors?)"),
    ),
    LegalRequirement(
        N_("repair, replacement or a refund when a product bought does not work as it should"),
        "Burgerlijk Wetboek 7:17, 7:21 and 7:22 (conformity, second-hand goods included); Directive (EU) 2019/771, "
        "art. 13",
        (r"(?:repareren|herstellen|repareert|herstelt) (?:\w+ )?(?:of|en) (?:\w+ )?vervang\w*",
         r"vervang\w* (?:\w+ )?(?:of|en) (?:\w+ )?(?:repareren|herstellen|repareert|herstelt)",
         r"repair(?:s|ed)?,? (?:\w+ )?(?:or|and) replace\w*", r"replace(?:s|d)?,? (?:\w+ )?(?:or|and) repair\w*"),
        (r"geld terug|terugbetal\w*|refund\w*|money back|niet (?:zoals het hoort|goed|werkt)|defect\w*|kapot"
         r"|doesn't work|does not work|faulty|broken",),
    ),
    LegalRequirement(
        N_("a complaints officer and a recognised disputes body for every care provider"),
        "Wet kwaliteit, klachten en geschillen zorg (Wkkgz), art. 15 and 18",
        (r"klachtenfunctionaris\w*", r"geschillen(?:instantie|commissie)\w*", r"complaints officer",
         r"disputes? (?:body|committee)"),
        (r"zorg\w*|cli[eë]nt\w*|pati[eë]nt\w*|deelnemers?|mantelzorg\w*|bewoners?|wkkgz|care|clients?|patients?"
         r"|residents?",),
    ),
    LegalRequirement(
        N_("a label with the fibre composition of every textile product"),
        "Regulation (EU) No 1007/2011 (textile fibre names and labelling), art. 14",
        (r"vezelsamenstelling", r"materiaalsamenstelling", r"welke vezels", r"fib(?:re|er) composition",
         r"which fib(?:re|er)s"),
        (r"label\w*|etiket\w*|tag\w*|ingenaaid|sewn",),
    ),
    LegalRequirement(
        N_("disclosing the origin of the electricity supplied (stroometiket)"),
        "Elektriciteitswet 1998 and the Regeling stroometikettering; Directive (EU) 2019/944, art. 18 and Annex I",
        (r"stroometiket\w*", r"fuel[- ]mix (?:disclosure|label)", r"electricity label"),
    ),
    LegalRequirement(
        N_("extended producer responsibility (UPV) for packaging, textiles and electrical goods"),
        "Wet milieubeheer, title 9.5; Besluit beheer verpakkingen 2014; Besluit uitgebreide "
        "producentenverantwoordelijkheid textiel (2023); Regeling afgedankte elektrische en elektronische apparatuur",
        (r"UPV\b", r"producentenverantwoordelijkheid", r"extended producer responsibility", r"afvalfonds"),
    ),
    LegalRequirement(
        N_("removing fluids, batteries and airbags from end-of-life vehicles before dismantling"),
        "Besluit beheer autowrakken; Directive 2000/53/EC (end-of-life vehicles), art. 6 and Annex I",
        (r"remvloeistof\w*", r"koelvloeistof\w*", r"brake fluid", r"coolant", r"airbags?"),
        (r"depollu\w*|ontmantel\w*|demonte\w*|demontage|gesloopt|sloop\w*|wrak\w*|dismantl\w*|scrap\w*"
         r"|verwijder\w*|afgetapt|aftappen|removed|drained",),
    ),
    LegalRequirement(
        N_("continued pay for up to two years of sickness"),
        "Burgerlijk Wetboek 7:629 (at least 70% for up to 104 weeks); Wet verbetering poortwachter",
        (r"loondoorbetaling", r"(?:loon|salaris) (?:\w+ )?doorbetaald", r"(?:betalen|betaalt|betaald) (?:\w+ ){0,5}"
         r"(?:loon|salaris) (?:\w+ ){0,2}door", r"doorbeta\w*", r"104 weken",
         r"(?:loon|salaris) (?:loopt|lopen) (?:\w+ ){0,2}door",
         r"(?:continue|continues|keep|keeps) (?:to pay|paying) (?:\w+ ){0,3}(?:wages?|salar\w*|pay)",
         r"sick pay"),
        (r"ziek\w*|sick\w*|illness|ill\b|arbeidsongeschikt\w*",),
    ),
    LegalRequirement(
        N_("a risk inventory and evaluation (RI&E) with a plan of action"),
        "Arbeidsomstandighedenwet, art. 5",
        (r"RI&E", r"RIE\b", r"risico-?inventari\w*", r"risk (?:inventory|assessment) and evaluation"),
    ),
    LegalRequirement(
        N_("a first conversation within three working days when eviction or disconnection threatens"),
        "Wet gemeentelijke schuldhulpverlening, art. 4a",
        (r"(?:drie|3) werkdagen", r"(?:three|3) working days"),
        (r"huis gezet|uithuiszetting|ontruim\w*|afgesloten|afsluiting|evict\w*|disconnect\w*|cut off|eerste gesprek"
         r"|first (?:conversation|meeting|appointment)",),
    ),
    LegalRequirement(
        N_("paying copyright and neighbouring-rights fees for music played in public"),
        "Auteurswet, art. 12 and 26; Wet op de naburige rechten, art. 7 (Buma/Stemra and Sena collect them)",
        (r"buma\w*", r"stemra", r"sena\b", r"auteursrecht\w*", r"naburige rechten"),
        (r"muziek|optreden\w*|concert\w*|nummers|componist\w*|artiest\w*|music|performance\w*|songs?"
         r"|composers?|afdragen|dragen|betalen|pay\w*",),
    ),
    LegalRequirement(
        N_("a manager with the Verklaring Sociale Hygiëne and instructed bar staff"),
        "Alcoholwet (a manager who holds the Verklaring Sociale Hygiëne; in paracommercial canteens bar staff "
        "with the Instructie Verantwoord Alcoholgebruik, in the bestuursreglement the law prescribes)",
        (r"sociale hygi[eë]ne", r"instructie verantwoord alcohol\w*", r"IVA\b"),
    ),
    LegalRequirement(
        N_("written information for tenants and selection of tenants without discrimination"),
        "Wet goed verhuurderschap (2023), art. 2 and 3; Algemene wet gelijke behandeling, art. 7",
        (r"servicekosten", r"service charges", r"zonder (?:onderscheid|discriminatie)", r"without discrimination"),
        (r"huurder\w*|huur\w*|bewoners?|tenants?|renting|residents?",),
    ),
    LegalRequirement(
        N_("nearly zero-energy new buildings (BENG)"),
        "Besluit bouwwerken leefomgeving (formerly Bouwbesluit 2012): BENG for every new building since 1 January "
        "2021; Directive 2010/31/EU, art. 9",
        (r"BENG\b", r"bijna[- ]energieneutra\w*", r"nearly zero[- ]energy", r"NZEB"),
    ),
    LegalRequirement(
        N_("working with the reporting code for domestic violence and child abuse"),
        "Wet verplichte meldcode huiselijk geweld en kindermishandeling (2013): Wmo 2015, art. 3.3; Jeugdwet, "
        "art. 4.1.1; Wet kinderopvang, art. 1.51a; Wet BIG",
        (r"meldcode\w*", r"reporting code (?:for|on) domestic (?:violence|abuse)"),
    ),
    LegalRequirement(
        N_("a written placement agreement for every vocational student in a company"),
        "Wet educatie en beroepsonderwijs (WEB), art. 7.2.8 (praktijkovereenkomst)",
        (r"praktijkovereenkomst\w*", r"POK\b", r"(?:work[- ]?placement|apprenticeship) agreements?"),
    ),
    LegalRequirement(
        N_("a bell, reflectors and lights on every bicycle"),
        "Regeling voertuigen, chapter 5, part 1 (requirements for bicycles on public roads)",
        (r"reflector\w*", r"fietsverlichting", r"(?:bike|bicycle) lights?", r"fietsbel\w*"),
        (r"fiets\w*|bikes?|bicycles?|e-bikes?",
         r"verko\w*|sell\w*|sold|koop\w*|buy\w*|bought|standaard|standard|comes?|geleverd|delivered|leveren"),
    ),
    LegalRequirement(
        N_("showing customers where their electricity comes from"),
        "Elektriciteitswet 1998, art. 95m, and the Regeling stroometikettering; Directive (EU) 2019/944, art. 18 "
        "and Annex I",
        (r"welke (?:energie)?bronnen", r"(?:herkomst|bronnen|oorsprong) van (?:de |je |uw |zijn |hun |onze )?"
         r"(?:stroom|elektriciteit)", r"where (?:\w+ ){0,2}(?:electricity|power) comes from",
         r"sources? of (?:\w+ ){0,2}(?:electricity|power)"),
        (r"\w*rekening|\w*factuur|nota|bills?|invoices?|statements?",),
    ),
    LegalRequirement(
        N_("the working hours of 13- and 14-year-olds"),
        "Arbeidstijdenwet, art. 3:2, and Arbeidstijdenbesluit, chapter 3 (at most 7 hours a day in holidays, "
        "between 07:00 and 19:00)",
        (r"(?:13|14|dertien|veertien)(?: en (?:14|veertien))? jaar", r"(?:13|14)(?:- and 14)?-year-olds?",
         r"(?:thirteen|fourteen)-year-olds?"),
        (r"nooit (?:langer|meer|na)|never (?:longer|more|after)|maximaal|hooguit|at most|no more than|niet na|not after"
         r"|uur per dag|hours a day",
         r"scholier\w*|kinderen|jongeren|leerlingen|pupils|children|kids|teenagers|young (?:people|workers)|bijbaan\w*"
         r"|vakantiewerk|holiday jobs?|werken"),
    ),
    LegalRequirement(
        N_("handing used frying fat to a registered collector instead of pouring it down the drain"),
        "Besluit activiteiten leefomgeving (formerly Activiteitenbesluit milieubeheer); Wet milieubeheer, "
        "art. 10.37 and 10.45",
        (r"frituurvet\w*", r"frituurolie", r"(?:used )?frying (?:fat|oil)", r"(?:used )?cooking oil"),
        (r"(?:laten|let|have|has|get) (?:\w+ ){0,4}(?:ophalen|collected|picked up)|ophalen door|opgehaald door"
         r"|collected by|picked up by|erkende inzamelaar|registered collector|gootsteen|riool|afvoer|drain|sink",),
    ),
    LegalRequirement(
        N_("free library membership for everyone under 18"),
        "Wet stelsel openbare bibliotheekvoorzieningen (Wsob), art. 12(3)",
        (r"gratis lid\w*", r"lidmaatschap (?:\w+ ){0,3}gratis", r"free (?:library )?membership",
         r"(?:become |join as )?members? for free"),
        (r"bibliothe\w*|bieb\w*|librar\w*",
         r"18|achttien|eighteen|kinderen|jongeren|children|young people|kids|jeugd|youth|under"),
    ),
    LegalRequirement(
        N_("a health and safety plan and a safety coordinator on construction sites"),
        "Arbeidsomstandighedenbesluit, art. 2.26 to 2.28 (V&G-plan and V&G-coördinator for design and execution)",
        (r"V&G-?plan\w*", r"V&G-?co[öo]rdinator\w*", r"veiligheids- en gezondheidsplan\w*",
         r"veiligheidsco[öo]rdinator\w*", r"health and safety plan", r"safety coordinator"),
    ),
    LegalRequirement(
        N_("F-gas certificates for work on refrigerant circuits"),
        "Regulation (EU) 2024/573 (fluorinated greenhouse gases), art. 10; Uitvoeringsregeling gefluoreerde "
        "broeikasgassen",
        (r"F-?gas\w*", r"STEK\b"),
        (r"certifica\w*|gecertificeerd|diploma\w*|erkenning|erkend|licen[cs]\w*|qualified|gekwalificeerd",),
    ),
    LegalRequirement(
        N_("tachographs, driving and rest times and code 95 for professional drivers"),
        "Regulation (EC) No 561/2006 (driving and rest times); Regulation (EU) No 165/2014 (tachographs); "
        "Directive (EU) 2022/2561 and Reglement rijbewijzen (code 95)",
        (r"tachogra\w*", r"rij- en rusttijden", r"driving and rest (?:times|periods|hours)", r"code 95"),
    ),
    LegalRequirement(
        N_("no fees for arranging a consumer's debts"),
        "Wet op het consumentenkrediet, art. 47 and 48 (debt mediation against payment is prohibited)",
        (r"(?:nooit|geen) (?:\w+ ){0,3}kosten", r"kosteloos", r"gratis", r"never charge\w*", r"free of charge",
         r"no (?:fees?|charge)"),
        (r"schuld\w*|debts?\b", r"regel\w*|bemiddel\w*|saner\w*|arrang\w*|mediat\w*|settl\w*"),
    ),
    LegalRequirement(
        N_("limits on lead and cadmium released by ceramic tableware, with a declaration of compliance"),
        "Directive 84/500/EEC as amended by Directive 2005/31/EC; Regulation (EC) No 1935/2007; Warenwetbesluit "
        "verpakkingen en gebruiksartikelen",
        (r"lood en cadmium", r"lead and cadmium", r"cadmium", r"loodafgifte"),
        (r"servies|glazuur|keramiek\w*|aardewerk|tableware|glazes?|ceramics?|crockery|pottery|tafel|table",),
    ),
    LegalRequirement(
        N_("leather free of chromium VI"),
        "Regulation (EC) No 1907/2006 (REACH), Annex XVII, entry 47 (below 3 mg/kg in leather touching the skin)",
        (r"chro(?:om|mium)[ -]?(?:VI|6|zes)\b", r"chromium\(VI\)", r"chroom\(VI\)", r"hexavalent chromium",
         r"zeswaardig chroom"),
    ),
    LegalRequirement(
        N_("due diligence on the legal harvest of timber placed on the market"),
        "Regulation (EU) No 995/2010 (EU Timber Regulation), art. 4 and 6; Regulation (EU) 2023/1115 (EUDR)",
        (r"zorgvuldigheidsonderzoek\w*", r"zorgvuldigheidseis\w*", r"due diligence"),
        (r"hout\w*|timber|wood|kap\b|houtkap|logging|forest\w*|bosbeheer\w*",),
    ),
    LegalRequirement(
        N_("taking back waste batteries free of charge"),
        "Regulation (EU) 2023/1542 (batteries), art. 62; Regeling beheer batterijen en accu's",
        (r"accu(?:'s|s)?", r"batterij\w*", r"batter(?:y|ies)"),
        (r"gratis|kosteloos|free(?: of charge)?|zonder kosten|no charge|at no cost",
         r"\b(?:aan|in|inname|innemen|terug|retour|back|take\w*|collect\w*)\b"),
    ),
    LegalRequirement(
        N_("a break of at least 30 minutes in a shift of more than 5.5 hours"),
        "Arbeidstijdenwet, art. 5:4",
        (r"pauze\w*", r"breaks?"),
        (r"5[.,]5|vijfeneenhalf|vijf en een half|five and a half|5½",
         r"30 minuten|half uur|halfuur|half an hour|30 minutes|30 min"),
    ),
    LegalRequirement(
        N_("no free plastic carrier bags"),
        "Regeling beheer verpakkingen 2014, art. 2a and 2b (since 2016, and for thin bags since 2023); Directive "
        "(EU) 2015/720",
        (r"(?:gratis |free )?plastic (?:draag)?tas(?:je|jes|sen)?", r"plastic (?:carrier |shopping )?bags?"),
        (r"gratis|free|betaal\w*|pay\w*|charge\w*|rekenen|kost\w*",),
    ),
    LegalRequirement(
        N_("taking every recognised energy-saving measure that pays back within five years"),
        "Besluit activiteiten leefomgeving, art. 5.15 to 5.18 (energiebesparingsplicht; formerly "
        "Activiteitenbesluit milieubeheer, art. 2.15)",
        (r"(?:alle )?erkende (?:energiebesparende )?maatregelen", r"energiebesparingsplicht\w*",
         r"informatieplicht energiebesparing", r"recogni[sz]ed energy[- ]saving measures"),
    ),
    LegalRequirement(
        N_("energy label C or better for offices"),
        "Besluit bouwwerken leefomgeving, art. 5.11 (formerly Bouwbesluit 2012, art. 5.11; since 1 January 2023)",
        (r"energielabel C", r"energy label C"),
        (r"kantoor\w*|office\w*",),
    ),
    LegalRequirement(
        N_("access to an occupational physician for every employee"),
        "Arbeidsomstandighedenwet, art. 14 (basiscontract arbodienstverlening, since 2017)",
        (r"bedrijfsarts\w*", r"arbodienst\w*", r"arts voor arbeid en gezondheid",
         r"occupational (?:health )?(?:doctor|physician|service)s?"),
        (r"toegang|access|contract|beschikbaar|available|iedere?|elke|every|alle|all|vrij|freely",),
    ),
    LegalRequirement(
        N_("birth, maternity and parental leave"),
        "Wet arbeid en zorg, chapters 3 and 4 (zwangerschaps-, bevallings- en geboorteverlof) and 6 "
        "(ouderschapsverlof, nine weeks paid since 2022)",
        (r"geboorteverlof\w*", r"zwangerschapsverlof\w*", r"bevallingsverlof\w*", r"ouderschapsverlof\w*",
         r"(?:birth|maternity|paternity|parental) leave"),
    ),
    LegalRequirement(
        N_("at least four weeks of paid holiday a year"),
        "Burgerlijk Wetboek 7:634 (four times the weekly working days)",
        (r"(?:20|twintig) (?:wettelijke )?(?:vakantiedagen|verlofdagen|vrije dagen)", r"wettelijke vakantiedagen",
         r"(?:four weeks'?|20 days'?) (?:of )?(?:paid )?(?:holiday|leave|vacation)", r"statutory (?:holiday|leave)"),
    ),
    LegalRequirement(
        N_("the transition payment at dismissal"),
        "Burgerlijk Wetboek 7:673",
        (r"transitievergoeding\w*", r"transition (?:payment|allowance)"),
    ),
    LegalRequirement(
        N_("an energy label for every home that is sold, rented out or delivered"),
        "Besluit energieprestatie gebouwen, art. 2 and 3; Directive 2010/31/EU, art. 12",
        (r"(?:een|an?) (?:geldig |valid |definitief )?energielabel(?! [a-g]\b)",
         r"(?:an?) (?:valid )?energy (?:performance )?(?:label|certificate)(?! [a-g]\b)"),
        (r"woning\w*|huis|huizen|home\w*|house\w*|apartment\w*|appartement\w*|flat\w*",),
    ),
    LegalRequirement(
        N_("trained emergency response officers (BHV) at work"),
        "Arbeidsomstandighedenwet, art. 15 (bedrijfshulpverlening)",
        (r"BHV\w*", r"bedrijfshulpverlen\w*", r"emergency response officers?", r"first[- ]aiders?"),
        (r"opgeleid|getraind|aanwezig|altijd|elke|iedere|trained|present|always|every|certified|gecertificeerd",),
    ),
    LegalRequirement(
        N_("asking consent before placing tracking cookies"),
        "Telecommunicatiewet, art. 11.7a; Directive 2002/58/EC (ePrivacy), art. 5(3)",
        (r"(?:tracking|third-party|analytische|marketing|volg)?[- ]?cookies?",),
        (r"website|webshop|site|online|app|browser|tracking|volg\w*",
         r"toestemming|consent|vragen|ask\w*|alleen|only|geen|no\b|never|nooit"),
    ),
)
