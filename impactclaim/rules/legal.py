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
        N_("reusable cups and containers for food and drink consumed on the premises"),
        "Besluit kunststofproducten voor eenmalig gebruik, art. 6a (since 1 January 2024)",
        (r"(?:(?<=echt\s)|(?<=echte\s))(?:kopje|kopjes|kop|koppen|beker|bekers|mok|mokken|servies)",
         r"herbruikbare? (?:bekers?|kopjes?|servies|bakjes)", r"reusable (?:cups|mugs|tableware) for (?:drinks|food)"
         r" (?:consumed )?on the premises", r"(?:real|proper) (?:cups|mugs|china)"),
    ),
    LegalRequirement(
        N_("the deposit on plastic bottles and cans"),
        "Besluit beheer verpakkingen 2014, art. 7a",
        (r"statiegeld op (?:\w+ )?(?:flesjes|flessen|blikjes|blik)", r"deposit on (?:\w+ )?(?:bottles|cans)"),
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
        (r"RoHS-?(?:conform|proof|compliant|gecertificeerd|certified)",),
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
        (r"asbestvrij\w*", r"asbestos[- ]free"),
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
         r"veiligheidsbril", r"persoonlijke beschermingsmiddelen", r"pbm", r"safety (?:shoes|boots|helmets?|glasses)",
         r"hard hats?", r"hearing protection", r"ear ?plugs", r"protective (?:equipment|clothing|gear)", r"ppe"),
        (r"kosteloos|kosteloze|gratis|geen cent|op onze kosten|free of charge|for free|at no cost|no charge"
         r"|at our expense|(?<!\w)free(?!\w)",),
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
         r"|menu",),
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
)
