"""The synonym groups a new site starts with (search/migrations/0006); staff edit them in the admin.

No imports: the data migration reads this module.
"""

# The seeded groups: the same idea in each language (one translation key per row).
SEED = [
    {
        "en": "HRD, HRDs, human rights defender, human rights defenders",
        "fr": "DDH, défenseur des droits humains, défenseurs des droits humains, "
        "défenseuse des droits humains, défenseuses des droits humains, "
        "défenseur des droits de l'homme, défenseurs des droits de l'homme",
        "es": "DDH, defensor de derechos humanos, defensores de derechos humanos, "
        "defensora de derechos humanos, defensoras de derechos humanos, "
        "persona defensora, personas defensoras",
    },
    {
        "en": "criminalisation, criminalization",
        "fr": "criminalisation, criminalization",
        "es": "criminalización, criminalisation, criminalization",
    },
    {"en": "EU, European Union", "fr": "UE, EU, Union européenne", "es": "UE, EU, Unión Europea"},
    {"en": "UN, United Nations", "fr": "ONU, UN, Nations unies", "es": "ONU, UN, Naciones Unidas"},
    {
        "en": "guidelines, guideline",
        "fr": "lignes directrices, orientations",
        "es": "directrices, lineamientos",
    },
    {
        "en": "MP, MPs, member of parliament, members of parliament, parliamentarian, "
        "parliamentarians, legislator, legislators",
        "fr": "député, députés, députée, députées, parlementaire, parlementaires, législateur, législateurs",
        "es": "diputado, diputados, diputada, diputadas, parlamentario, parlamentarios, "
        "parlamentaria, parlamentarias, legislador, legisladores",
    },
    {
        "en": "OHCHR, Office of the High Commissioner for Human Rights, UN Human Rights",
        "fr": "HCDH, OHCHR, Haut-Commissariat des Nations unies aux droits de l'homme",
        "es": "ACNUDH, OHCHR, Oficina del Alto Comisionado para los Derechos Humanos",
    },
    {
        "en": "ACHPR, African Commission, African Commission on Human and Peoples' Rights",
        "fr": "CADHP, ACHPR, Commission africaine, Commission africaine des droits de l'homme et des peuples",
        "es": "CADHP, ACHPR, Comisión Africana, Comisión Africana de Derechos Humanos y de los Pueblos",
    },
    {
        "en": "IACHR, Inter-American Commission, Inter-American Commission on Human Rights",
        "fr": "CIDH, IACHR, Commission interaméricaine, Commission interaméricaine des droits de l'homme",
        "es": "CIDH, IACHR, Comisión Interamericana, Comisión Interamericana de Derechos Humanos",
    },
]
