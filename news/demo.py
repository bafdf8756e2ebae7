"""Demo content: the news index and six news items and statements, in every language.

Written from shared/seed/ facts (programmes.md, reference-documents.md). Each item is
tagged to the demo programmes and linked to the library's demo publications, so
programme pages list their latest news and news pages their related publications.
"""

import datetime
from uuid import uuid4

from news.models import NewsIndexPage, NewsPage
from resources.models import ResourcePage
from website.demo import load_listing_index, paragraphs, pick, publish, translate_into_written_languages

INDEX = {
    "title": {
        "en": "News and statements",
        "fr": "Actualités et déclarations",
        "es": "Noticias y declaraciones",
        "pt": "Notícias e declarações",
        "ar": "الأخبار والبيانات",
    },
    "slug": {"en": "news", "fr": "actualites", "es": "noticias", "pt": "noticias", "ar": "al-akhbar"},
    "introduction": {
        "en": "What we are doing for human rights defenders, and where we stand.",
        "fr": "Ce que nous faisons pour les défenseurs des droits humains, et nos prises de position.",
        "es": "Lo que hacemos por las personas defensoras de derechos humanos y nuestras posiciones.",
        "pt": "O que estamos fazendo pelas pessoas defensoras de direitos humanos, e o que defendemos.",
        "ar": "ما نقوم به من أجل المدافعين عن حقوق الإنسان، ومواقفنا.",
    },
}

ITEMS = [
    {
        "slug": {
            "en": "un-declaration-25-years",
            "fr": "declaration-onu-25-ans",
            "es": "declaracion-onu-25-anos",
            "pt": "declaracao-da-onu-25-anos",
            "ar": "ilan-al-umam-al-muttahida-25-aman",
        },
        "date": datetime.date(2023, 12, 9),
        "kind": "statement",
        "programmes": ["un-rapporteur"],
        "publications": ["un-declaration-on-human-rights-defenders"],
        "title": {
            "en": "Twenty-five years on, States must keep the promise of the UN Declaration",
            "fr": "Vingt-cinq ans après, les États doivent tenir la promesse de la Déclaration de l'ONU",
            "es": "Veinticinco años después, los Estados deben cumplir la promesa de la Declaración de la ONU",
            "pt": "Vinte e cinco anos depois, os Estados devem cumprir a promessa da Declaração da ONU",
            "ar": "بعد خمسة وعشرين عامًا، على الدول أن تفي بوعد إعلان الأمم المتحدة",
        },
        "summary": {
            "en": "On 9 December 1998 the General Assembly adopted the Declaration on Human Rights Defenders by consensus. A quarter of a century later, too many defenders still work at risk.",
            "fr": "Le 9 décembre 1998, l'Assemblée générale adoptait par consensus la Déclaration sur les défenseurs des droits de l'homme. Un quart de siècle plus tard, trop de défenseurs travaillent encore en danger.",
            "es": "El 9 de diciembre de 1998 la Asamblea General aprobó por consenso la Declaración sobre los defensores de los derechos humanos. Un cuarto de siglo después, demasiadas personas defensoras siguen trabajando en peligro.",
            "pt": "Em 9 de dezembro de 1998, a Assembleia Geral adotou por consenso a Declaração sobre os Defensores de Direitos Humanos. Um quarto de século depois, muitas pessoas defensoras ainda trabalham em risco.",
            "ar": "في 9 ديسمبر 1998 اعتمدت الجمعية العامة بتوافق الآراء الإعلان المتعلق بالمدافعين عن حقوق الإنسان. وبعد ربع قرن، ما زال كثير من المدافعين يعملون تحت الخطر.",
        },
        "body": [
            (
                "paragraph",
                [
                    {
                        "en": "Every member State of the United Nations stood behind resolution A/RES/53/144. By adopting it, States accepted that defending human rights is a right in itself, and that protecting those who do it is their duty.",
                        "fr": "Tous les États membres des Nations unies ont soutenu la résolution A/RES/53/144. En l'adoptant, ils ont reconnu que défendre les droits humains est un droit en soi, et que protéger celles et ceux qui le font est leur devoir.",
                        "es": "Todos los Estados miembros de las Naciones Unidas respaldaron la resolución A/RES/53/144. Al aprobarla, aceptaron que defender los derechos humanos es un derecho en sí mismo, y que proteger a quienes lo hacen es su deber.",
                        "pt": "Todos os Estados-membros das Nações Unidas apoiaram a resolução A/RES/53/144. Ao adotá-la, os Estados aceitaram que defender os direitos humanos é um direito em si, e que proteger quem o faz é dever deles.",
                        "ar": "وقفت جميع الدول الأعضاء في الأمم المتحدة وراء القرار A/RES/53/144. وباعتماده، قبلت الدول بأن الدفاع عن حقوق الإنسان حق في حد ذاته، وبأن حماية من يقومون به واجب عليها.",
                    },
                    {
                        "en": "Protection International calls on governments to measure themselves against that commitment: to recognise defenders publicly, to end their criminalisation and to fund national protection policies that work.",
                        "fr": "Protection International appelle les gouvernements à se mesurer à cet engagement : reconnaître publiquement les défenseurs, mettre fin à leur criminalisation et financer des politiques nationales de protection efficaces.",
                        "es": "Protection International pide a los gobiernos que se midan con ese compromiso: reconocer públicamente a las personas defensoras, poner fin a su criminalización y financiar políticas nacionales de protección que funcionen.",
                        "pt": "A Protection International pede aos governos que se meçam por esse compromisso: reconhecer publicamente as pessoas defensoras, pôr fim à sua criminalização e financiar políticas nacionais de proteção que funcionem.",
                        "ar": "تدعو Protection International الحكومات إلى أن تقيس أداءها بذلك الالتزام: أن تعترف بالمدافعين علنًا، وأن تضع حدًّا لتجريمهم، وأن تموّل سياسات حماية وطنية فعّالة.",
                    },
                ],
            ),
        ],
    },
    {
        "slug": {
            "en": "special-rapporteur-mandate-renewed",
            "fr": "mandat-rapporteuse-speciale-renouvele",
            "es": "mandato-relatora-especial-renovado",
        },
        "date": datetime.date(2023, 4, 14),
        "kind": "news",
        "programmes": ["un-rapporteur"],
        "publications": ["fact-sheet-29-protecting-the-right-to-defend-human-rights"],
        "title": {
            "en": "The UN mandate on human rights defenders is renewed",
            "fr": "Le mandat de l'ONU sur les défenseurs des droits humains est renouvelé",
            "es": "Se renueva el mandato de la ONU sobre las personas defensoras",
        },
        "summary": {
            "en": "Mary Lawlor, Special Rapporteur since May 2020, continues her work with a renewed mandate. We will keep bringing defenders' cases to her.",
            "fr": "Mary Lawlor, rapporteuse spéciale depuis mai 2020, poursuit son travail avec un mandat renouvelé. Nous continuerons à lui transmettre les situations des défenseurs.",
            "es": "Mary Lawlor, relatora especial desde mayo de 2020, continúa su trabajo con un mandato renovado. Seguiremos llevándole los casos de las personas defensoras.",
        },
        "body": [
            (
                "paragraph",
                [
                    {
                        "en": "The mandate was created in 2000 to support the implementation of the UN Declaration. Hina Jilani, Margaret Sekaggya and Michel Forst held it before Mary Lawlor.",
                        "fr": "Le mandat a été créé en 2000 pour soutenir la mise en œuvre de la Déclaration de l'ONU. Hina Jilani, Margaret Sekaggya et Michel Forst l'ont exercé avant Mary Lawlor.",
                        "es": "El mandato se creó en 2000 para apoyar la aplicación de la Declaración de la ONU. Hina Jilani, Margaret Sekaggya y Michel Forst lo ejercieron antes que Mary Lawlor.",
                    },
                    {
                        "en": "For defenders whose own authorities do not listen, a communication to the Special Rapporteur can open a door. We help them prepare it and follow it up.",
                        "fr": "Pour les défenseurs que leurs propres autorités n'écoutent pas, une communication à la rapporteuse spéciale peut ouvrir une porte. Nous les aidons à la préparer et à en assurer le suivi.",
                        "es": "Para las personas defensoras a quienes sus propias autoridades no escuchan, una comunicación a la relatora especial puede abrir una puerta. Les ayudamos a prepararla y a darle seguimiento.",
                    },
                ],
            ),
        ],
    },
    {
        "slug": {
            "en": "national-protection-policies-2022",
            "fr": "politiques-nationales-de-protection-2022",
            "es": "politicas-nacionales-de-proteccion-2022",
        },
        "date": datetime.date(2022, 11, 8),
        "kind": "news",
        "programmes": ["legislation"],
        "publications": [
            "worldwide-growth-of-national-policies-for-the-protection-of-defenders",
            "focus-report-2017",
        ],
        "title": {
            "en": "Fifteen countries now have a national policy to protect defenders",
            "fr": "Quinze pays ont désormais une politique nationale de protection des défenseurs",
            "es": "Quince países tienen ya una política nacional de protección de las personas defensoras",
        },
        "summary": {
            "en": "Our 2022 report follows the growth of national protection mechanisms since Colombia created the first one, and the challenges that remain.",
            "fr": "Notre rapport 2022 retrace l'essor des mécanismes nationaux de protection depuis que la Colombie a créé le premier, et les défis qui restent.",
            "es": "Nuestro informe de 2022 sigue el crecimiento de los mecanismos nacionales de protección desde que Colombia creó el primero, y los retos pendientes.",
        },
        "body": [
            (
                "paragraph",
                [
                    {
                        "en": "By the end of 2021, 29 countries had adopted some kind of policy or started a process towards one. Fifteen have a national policy in place.",
                        "fr": "Fin 2021, 29 pays avaient adopté une forme de politique ou engagé un processus pour s'en doter. Quinze disposent d'une politique nationale.",
                        "es": "A finales de 2021, 29 países habían adoptado algún tipo de política o iniciado un proceso para tenerla. Quince cuentan con una política nacional.",
                    },
                ],
            ),
            (
                "table",
                {
                    "caption": {
                        "en": "The first national protection mechanisms",
                        "fr": "Les premiers mécanismes nationaux de protection",
                        "es": "Los primeros mecanismos nacionales de protección",
                    },
                    "column_headings": [
                        {"en": "Country", "fr": "Pays", "es": "País"},
                        {"en": "Year", "fr": "Année", "es": "Año"},
                    ],
                    "rows": [
                        [{"en": "Colombia", "fr": "Colombie", "es": "Colombia"}, "1997"],
                        [{"en": "Brazil", "fr": "Brésil", "es": "Brasil"}, "2007"],
                        [
                            {"en": "Mexico (a law)", "fr": "Mexique (une loi)", "es": "México (una ley)"},
                            "2012",
                        ],
                    ],
                    "first_column_is_heading": True,
                },
            ),
            (
                "paragraph",
                [
                    {
                        "en": "A mechanism on paper is not enough: the report asks whether defenders are consulted, whether the mechanism has a budget, and whether it tackles the causes of the attacks.",
                        "fr": "Un mécanisme sur le papier ne suffit pas : le rapport examine si les défenseurs sont consultés, si le mécanisme a un budget et s'il s'attaque aux causes des agressions.",
                        "es": "Un mecanismo sobre el papel no basta: el informe examina si se consulta a las personas defensoras, si el mecanismo tiene presupuesto y si aborda las causas de las agresiones.",
                    },
                ],
            ),
        ],
    },
    {
        "slug": {
            "en": "eu-guidelines-twenty-years",
            "fr": "orientations-ue-vingt-ans",
            "es": "directrices-ue-veinte-anos",
        },
        "date": datetime.date(2024, 6, 14),
        "kind": "statement",
        "programmes": ["eu-guidelines"],
        "publications": ["eu-guidelines-on-human-rights-defenders"],
        "title": {
            "en": "Twenty years of the EU Guidelines: diplomats must act where defenders are",
            "fr": "Vingt ans d'orientations de l'UE : les diplomates doivent agir là où sont les défenseurs",
            "es": "Veinte años de directrices de la UE: la diplomacia debe actuar donde están las personas defensoras",
        },
        "summary": {
            "en": "The EU adopted its Guidelines on Human Rights Defenders in June 2004. We ask EU delegations and embassies to use them fully, in the country and in international forums.",
            "fr": "L'UE a adopté ses orientations sur les défenseurs des droits de l'homme en juin 2004. Nous demandons aux délégations et ambassades de l'UE de les appliquer pleinement, dans le pays comme dans les enceintes internationales.",
            "es": "La UE adoptó sus directrices sobre defensores de derechos humanos en junio de 2004. Pedimos a las delegaciones y embajadas de la UE que las apliquen plenamente, en el país y en los foros internacionales.",
        },
        "body": [
            (
                "paragraph",
                [
                    {
                        "en": "Revised in 2006 and 2008, the Guidelines tell diplomats what they can do: meet defenders, observe trials, visit those in detention and raise cases with the authorities.",
                        "fr": "Révisées en 2006 et 2008, les orientations disent aux diplomates ce qu'ils peuvent faire : rencontrer les défenseurs, observer les procès, rendre visite aux personnes détenues et soulever les cas auprès des autorités.",
                        "es": "Revisadas en 2006 y 2008, las directrices indican a la diplomacia lo que puede hacer: reunirse con personas defensoras, observar juicios, visitar a quienes están detenidos y plantear los casos ante las autoridades.",
                    },
                    {
                        "en": "Too often these tools stay unused. We will keep training diplomats and helping defenders to ask for the support the Guidelines promise.",
                        "fr": "Trop souvent, ces outils restent inutilisés. Nous continuerons à former les diplomates et à aider les défenseurs à demander le soutien promis par les orientations.",
                        "es": "Con demasiada frecuencia estas herramientas no se usan. Seguiremos formando a diplomáticos y ayudando a las personas defensoras a pedir el apoyo que prometen las directrices.",
                    },
                ],
            ),
        ],
    },
    {
        "slug": {
            "en": "model-law-for-legislators",
            "fr": "loi-type-pour-les-legislateurs",
            "es": "ley-modelo-para-legisladores",
        },
        "date": datetime.date(2016, 6, 21),
        "kind": "news",
        "programmes": ["legislation", "legal-advocacy"],
        "publications": ["ishr-model-law-for-the-recognition-and-protection-of-human-rights-defenders"],
        "title": {
            "en": "A model law to recognise and protect defenders",
            "fr": "Une loi type pour reconnaître et protéger les défenseurs",
            "es": "Una ley modelo para reconocer y proteger a las personas defensoras",
        },
        "summary": {
            "en": "Launched in Geneva by the International Service for Human Rights, the Model Law gives legislators a tested starting point for national protection laws.",
            "fr": "Lancée à Genève par le Service international pour les droits de l'homme, la loi type offre aux législateurs une base éprouvée pour des lois nationales de protection.",
            "es": "Presentada en Ginebra por el Servicio Internacional para los Derechos Humanos, la ley modelo ofrece a los legisladores un punto de partida sólido para leyes nacionales de protección.",
        },
        "body": [
            (
                "paragraph",
                [
                    {
                        "en": "We use the Model Law in our legal work: when we analyse a draft law, we compare it with the Model Law and suggest where it can protect defenders better.",
                        "fr": "Nous utilisons la loi type dans notre travail juridique : quand nous analysons un projet de loi, nous le comparons à la loi type et proposons où il peut mieux protéger les défenseurs.",
                        "es": "Usamos la ley modelo en nuestro trabajo jurídico: cuando analizamos un proyecto de ley, lo comparamos con ella y proponemos dónde puede proteger mejor a las personas defensoras.",
                    },
                ],
            ),
        ],
    },
    {
        "slug": {
            "en": "mps-twin-with-defenders",
            "fr": "parlementaires-parrainent-defenseurs",
            "es": "parlamentarios-apadrinan-defensores",
        },
        "date": datetime.date(2024, 3, 12),
        "kind": "news",
        "programmes": ["parliaments"],
        "publications": ["legislators-and-human-rights-defenders"],
        "title": {
            "en": "Members of parliament pair up with defenders at risk",
            "fr": "Des parlementaires s'associent à des défenseurs en danger",
            "es": "Parlamentarias y parlamentarios se asocian con personas defensoras en riesgo",
        },
        "summary": {
            "en": "Through the twinning scheme of the MPforHRD network, an MP stands beside one defender, in public or quietly, as the defender chooses.",
            "fr": "Grâce au parrainage du réseau MPforHRD, un parlementaire se tient aux côtés d'un défenseur, publiquement ou discrètement, selon le choix du défenseur.",
            "es": "Gracias al hermanamiento de la red MPforHRD, un parlamentario acompaña a una persona defensora, en público o con discreción, según lo que ella elija.",
        },
        "body": [
            (
                "paragraph",
                [
                    {
                        "en": "MPs from many countries meet on MPforHRD, the platform that PI moderates, to find the protection actions that work best, at home and abroad.",
                        "fr": "Des parlementaires de nombreux pays se retrouvent sur MPforHRD, la plateforme animée par PI, pour trouver les actions de protection les plus efficaces, dans leur pays et à l'étranger.",
                        "es": "Parlamentarios de muchos países se encuentran en MPforHRD, la plataforma que modera PI, para encontrar las acciones de protección más eficaces, en su país y en el extranjero.",
                    },
                ],
            ),
            (
                "accordion",
                {
                    "heading": {
                        "en": "Twinning in practice",
                        "fr": "Le parrainage en pratique",
                        "es": "El hermanamiento en la práctica",
                    },
                    "items": [
                        {
                            "question": {
                                "en": "Who decides how the MP acts?",
                                "fr": "Qui décide de la façon dont le parlementaire agit ?",
                                "es": "¿Quién decide cómo actúa el parlamentario?",
                            },
                            "answer": [
                                {
                                    "en": "The defender. Some want public visibility; for others, quiet letters and calls are safer.",
                                    "fr": "Le défenseur. Certains veulent de la visibilité ; pour d'autres, des lettres et des appels discrets sont plus sûrs.",
                                    "es": "La persona defensora. Algunas quieren visibilidad pública; para otras, las cartas y llamadas discretas son más seguras.",
                                }
                            ],
                        },
                        {
                            "question": {
                                "en": "How can an MP join?",
                                "fr": "Comment un parlementaire peut-il participer ?",
                                "es": "¿Cómo puede participar un parlamentario?",
                            },
                            "answer": [
                                {
                                    "en": "By writing to us through the contact page: we will explain the network and its commitments.",
                                    "fr": "En nous écrivant depuis la page de contact : nous présenterons le réseau et ses engagements.",
                                    "es": "Escribiéndonos desde la página de contacto: le presentaremos la red y sus compromisos.",
                                }
                            ],
                        },
                    ],
                },
            ),
        ],
    },
]


def list_items(values):
    """ListBlock items as wagtail-localize extracts them: with a type and an id each."""
    return [{"type": "item", "value": value, "id": str(uuid4())} for value in values]


def block_value(kind, value):
    if kind == "paragraph":
        return paragraphs(value)
    if kind == "table":
        return {
            **value,
            "column_headings": list_items(value["column_headings"]),
            "rows": list_items([list_items(row) for row in value["rows"]]),
        }
    if kind == "accordion":
        return {
            **value,
            "items": list_items(
                [
                    {"question": item["question"], "answer": paragraphs(item["answer"])}
                    for item in value["items"]
                ]
            ),
        }
    return value


def translatable_text(content):
    text = {key: content[key] for key in ("title", "slug", "summary")}
    text["body"] = [value for _kind, value in content["body"]]
    return text


def load_item(index, content, programmes, log):
    text = pick(content, "en")
    page = NewsPage.objects.child_of(index).filter(slug=text["slug"]).first()
    if page is None:
        page = NewsPage(
            title=text["title"],
            slug=text["slug"],
            date=content["date"],
            kind=content["kind"],
            summary=text["summary"],
            listing_summary=text["summary"],
            body=[{"type": kind, "value": block_value(kind, value)} for kind, value in text["body"]],
        )
        page.related_programmes = [programmes[key] for key in content["programmes"]]
        page.related_publications = list(
            ResourcePage.objects.filter(locale=index.locale, slug__in=content["publications"])
        )
        index.add_child(instance=page)
        publish(page)
        log(f"Page: {page.title}")
    translate_into_written_languages(page, translatable_text(content))
    return page


def load(home, programmes, log):
    """The news index under the home page, and the news items, in every language."""
    index = load_listing_index(NewsIndexPage, home, INDEX, log)
    return [load_item(index, content, programmes, log) for content in ITEMS]
