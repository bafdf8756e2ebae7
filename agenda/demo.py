"""Demo content: the events index and three events, one past and two upcoming, in every language.

Written from shared/seed/ facts. The dates are counted from the day the demo is
loaded (the texts name no date), so the demo always shows both lists.
"""

import datetime

from agenda.models import EventIndexPage, EventPage
from website.demo import load_listing_index, paragraphs, pick, publish, translate_into_written_languages

INDEX = {
    "title": {"en": "Events", "fr": "Événements", "es": "Eventos", "pt": "Eventos", "ar": "الفعاليات"},
    "slug": {"en": "events", "fr": "evenements", "es": "eventos", "pt": "eventos", "ar": "al-faaliyat"},
    "introduction": {
        "en": "Meetings, hearings and webinars where we bring defenders' protection to decision-makers.",
        "fr": "Réunions, auditions et webinaires où nous portons la protection des défenseurs auprès des décideurs.",
        "es": "Reuniones, audiencias y seminarios web en los que llevamos la protección de las personas defensoras ante quienes deciden.",
        "pt": "Reuniões, audiências e webinários em que levamos a proteção das pessoas defensoras a quem toma as decisões.",
        "ar": "اجتماعات وجلسات استماع وندوات عبر الإنترنت نحمل فيها قضية حماية المدافعين إلى صانعي القرار.",
    },
}

EVENTS = [
    {
        "slug": {
            "en": "webinar-national-protection-policies",
            "fr": "webinaire-politiques-nationales-de-protection",
            "es": "seminario-web-politicas-nacionales-de-proteccion",
            "pt": "webinario-politicas-nacionais-de-protecao",
            "ar": "nadwa-siyasat-al-himaya-al-wataniya",
        },
        "days_from_now": 21,
        "start": datetime.time(15, 0),
        "end": datetime.time(16, 30),
        "time_zone": "Europe/Brussels",
        "online_url": "https://video.example.org/pi-national-protection-policies",
        "title": {
            "en": "Webinar: national protection policies, where do they stand?",
            "fr": "Webinaire : où en sont les politiques nationales de protection ?",
            "es": "Seminario web: ¿en qué punto están las políticas nacionales de protección?",
            "pt": "Webinário: as políticas nacionais de proteção, em que pé estão?",
            "ar": "ندوة عبر الإنترنت: سياسات الحماية الوطنية، إلى أين وصلت؟",
        },
        "summary": {
            "en": "An hour and a half with the authors of our report on national protection policies, for officials, MPs and civil society.",
            "fr": "Une heure et demie avec les auteurs de notre rapport sur les politiques nationales de protection, pour les fonctionnaires, parlementaires et la société civile.",
            "es": "Una hora y media con quienes escribieron nuestro informe sobre políticas nacionales de protección, para funcionariado, parlamentarios y sociedad civil.",
            "pt": "Uma hora e meia com os autores do nosso relatório sobre as políticas nacionais de proteção, para autoridades, parlamentares e sociedade civil.",
            "ar": "ساعة ونصف مع مؤلّفي تقريرنا عن سياسات الحماية الوطنية، للمسؤولين والبرلمانيين والمجتمع المدني.",
        },
        "venue": {"en": "", "fr": "", "es": ""},
        "body": [
            {
                "en": "We will present what has changed since Colombia created the first mechanism in 1997, and what makes a policy protect defenders in practice. Questions are welcome in English, French and Spanish.",
                "fr": "Nous présenterons ce qui a changé depuis que la Colombie a créé le premier mécanisme en 1997, et ce qui fait qu'une politique protège vraiment les défenseurs. Les questions sont bienvenues en anglais, en français et en espagnol.",
                "es": "Presentaremos lo que ha cambiado desde que Colombia creó el primer mecanismo en 1997 y lo que hace que una política proteja de verdad a las personas defensoras. Se aceptan preguntas en inglés, francés y español.",
                "pt": "Vamos apresentar o que mudou desde que a Colômbia criou o primeiro mecanismo, em 1997, e o que faz uma política proteger as pessoas defensoras na prática. Perguntas são bem-vindas em inglês, francês e espanhol.",
                "ar": "سنعرض ما تغيّر منذ أن أنشأت كولومبيا أول آلية عام 1997، وما الذي يجعل سياسةً ما تحمي المدافعين فعلًا. ونرحّب بالأسئلة بالإنجليزية والفرنسية والإسبانية.",
            }
        ],
    },
    {
        "slug": {
            "en": "mpforhrd-network-meeting-brussels",
            "fr": "reunion-reseau-mpforhrd-bruxelles",
            "es": "reunion-red-mpforhrd-bruselas",
        },
        "days_from_now": 45,
        "start": datetime.time(9, 30),
        "end": datetime.time(17, 0),
        "time_zone": "Europe/Brussels",
        "online_url": "",
        "title": {
            "en": "Meeting of the MPforHRD network",
            "fr": "Rencontre du réseau MPforHRD",
            "es": "Encuentro de la red MPforHRD",
        },
        "summary": {
            "en": "Members of parliament from the network meet to share protection actions that worked and to plan new twinnings with defenders.",
            "fr": "Les parlementaires du réseau se réunissent pour partager les actions de protection qui ont fonctionné et préparer de nouveaux parrainages de défenseurs.",
            "es": "Los parlamentarios de la red se reúnen para compartir las acciones de protección que funcionaron y preparar nuevos hermanamientos con personas defensoras.",
        },
        "venue": {
            "en": "Brussels, Belgium (the address is sent to registered participants)",
            "fr": "Bruxelles, Belgique (l'adresse est envoyée aux participants inscrits)",
            "es": "Bruselas, Bélgica (la dirección se envía a quienes se inscriban)",
        },
        "body": [
            {
                "en": "The meeting is open to members of parliament and their staff. To protect the defenders who take part, no list of participants is published.",
                "fr": "La rencontre est ouverte aux parlementaires et à leurs équipes. Pour protéger les défenseurs qui y participent, aucune liste de participants n'est publiée.",
                "es": "El encuentro está abierto a parlamentarios y a sus equipos. Para proteger a las personas defensoras que participan, no se publica ninguna lista de asistentes.",
            }
        ],
    },
    {
        "slug": {
            "en": "achpr-side-event-defenders-in-africa",
            "fr": "evenement-parallele-cadhp-defenseurs-en-afrique",
            "es": "evento-paralelo-cadhp-defensores-en-africa",
        },
        "days_from_now": -60,
        "start": datetime.time(13, 0),
        "end": datetime.time(14, 30),
        "time_zone": "Africa/Banjul",
        "online_url": "",
        "title": {
            "en": "Side event at the African Commission: protecting defenders in Africa",
            "fr": "Événement parallèle à la Commission africaine : protéger les défenseurs en Afrique",
            "es": "Evento paralelo en la Comisión Africana: proteger a las personas defensoras en África",
        },
        "summary": {
            "en": "During the session of the African Commission on Human and Peoples' Rights, we discussed with the Special Rapporteur's team how States follow its resolutions.",
            "fr": "Pendant la session de la Commission africaine des droits de l'homme et des peuples, nous avons échangé avec l'équipe du rapporteur spécial sur la façon dont les États suivent ses résolutions.",
            "es": "Durante la sesión de la Comisión Africana de Derechos Humanos y de los Pueblos, conversamos con el equipo de la relatoría especial sobre cómo aplican los Estados sus resoluciones.",
        },
        "venue": {"en": "Banjul, the Gambia", "fr": "Banjul, Gambie", "es": "Banjul, Gambia"},
        "body": [
            {
                "en": "Since its resolution of 2004, the Commission has a Special Rapporteur on human rights defenders in Africa; in 2014 it extended the mandate to reprisals. Defenders from several regions shared what protection they still lack.",
                "fr": "Depuis sa résolution de 2004, la Commission a un rapporteur spécial sur les défenseurs des droits de l'homme en Afrique ; en 2014, elle a étendu son mandat aux représailles. Des défenseurs de plusieurs régions ont dit la protection qui leur manque encore.",
                "es": "Desde su resolución de 2004, la Comisión tiene una relatoría especial sobre defensores de derechos humanos en África; en 2014 amplió el mandato a las represalias. Personas defensoras de varias regiones contaron la protección que aún les falta.",
            }
        ],
    },
]


def translatable_text(content):
    text = {key: content[key] for key in ("title", "slug", "summary", "body")}
    if content["venue"]["en"]:
        text["venue"] = content["venue"]
    return text


def load_event(index, content, today, log):
    text = pick(content, "en")
    page = EventPage.objects.child_of(index).filter(slug=text["slug"]).first()
    if page is None:
        day = today + datetime.timedelta(days=content["days_from_now"])
        page = EventPage(
            title=text["title"],
            slug=text["slug"],
            summary=text["summary"],
            listing_summary=text["summary"],
            start_date=day,
            start_time=content["start"],
            end_date=day,
            end_time=content["end"],
            time_zone=content["time_zone"],
            venue=text["venue"],
            online_url=content["online_url"],
            body=[{"type": "paragraph", "value": paragraphs(text["body"])}],
        )
        index.add_child(instance=page)
        publish(page)
        log(f"Page: {page.title}")
    translate_into_written_languages(page, translatable_text(content))
    return page


def load(home, log, today=None):
    """The events index under the home page and its events, in every language."""
    today = today or datetime.date.today()
    index = load_listing_index(EventIndexPage, home, INDEX, log)
    return [load_event(index, content, today, log) for content in EVENTS]
