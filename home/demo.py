"""Demo content for the home page, written from shared/seed/programmes.md."""

from wagtail_localize.models import TranslationSource

from home.models import FeaturedProgramme
from website.demo import paragraphs, pick, publish, save_translation, translate_into_written_languages

HOME = {
    "title": "Protection International",
    "slug": {"en": "home", "fr": "accueil", "es": "inicio", "pt": "pagina-inicial", "ar": "al-raisiya"},
    "listing_summary": {
        "en": "Protection International supports human rights defenders and presses governments and international institutions to protect them.",
        "fr": "Protection International soutient les défenseurs des droits humains et pousse les gouvernements et les institutions internationales à les protéger.",
        "es": "Protection International apoya a las personas defensoras de derechos humanos e insta a gobiernos e instituciones internacionales a protegerlas.",
        "pt": "A Protection International apoia defensoras e defensores de direitos humanos e cobra de governos e instituições internacionais que os protejam.",
        "ar": "تدعم Protection International المدافعات والمدافعين عن حقوق الإنسان، وتحثّ الحكومات والمؤسسات الدولية على حمايتهم.",
    },
    "introduction": [
        {
            "en": "Protection International is a non-profit organisation, based in Brussels, that stands beside human rights defenders. Alongside our work in the field, we take defenders' protection to the places where States make and keep their commitments: ministries, parliaments, the European Union, the United Nations and regional human rights commissions.",
            "fr": "Protection International est une organisation à but non lucratif, basée à Bruxelles, aux côtés des défenseurs des droits humains. En plus de notre travail sur le terrain, nous portons la protection des défenseurs là où les États prennent et tiennent leurs engagements : ministères, parlements, Union européenne, Nations unies et commissions régionales des droits humains.",
            "es": "Protection International es una organización sin ánimo de lucro, con sede en Bruselas, que acompaña a las personas defensoras de derechos humanos. Además de nuestro trabajo sobre el terreno, llevamos su protección allí donde los Estados asumen y cumplen sus compromisos: ministerios, parlamentos, la Unión Europea, las Naciones Unidas y las comisiones regionales de derechos humanos.",
            "pt": "A Protection International é uma organização sem fins lucrativos, sediada em Bruxelas, que caminha ao lado de quem defende os direitos humanos. Além do trabalho em campo, levamos a proteção das defensoras e dos defensores aos lugares onde os Estados assumem e cumprem seus compromissos: ministérios, parlamentos, a União Europeia, as Nações Unidas e as comissões regionais de direitos humanos.",
            "ar": "Protection International منظمة غير ربحية مقرّها بروكسل، تقف إلى جانب المدافعات والمدافعين عن حقوق الإنسان. وإلى جانب عملنا الميداني، نحمل قضية حمايتهم إلى حيث تتعهّد الدول بالتزاماتها وتفي بها: الوزارات والبرلمانات والاتحاد الأوروبي والأمم المتحدة واللجان الإقليمية لحقوق الإنسان.",
        },
    ],
    "featured_heading": {
        "en": "Our international advocacy",
        "fr": "Notre plaidoyer international",
        "es": "Nuestra incidencia internacional",
        "pt": "Nossa incidência internacional",
        "ar": "مناصرتنا على الصعيد الدولي",
    },
    "call_to_action_heading": {
        "en": "Find out how we work",
        "fr": "Découvrez notre façon de travailler",
        "es": "Conozca cómo trabajamos",
        "pt": "Conheça a nossa forma de trabalhar",
        "ar": "تعرّف على طريقة عملنا",
    },
    "call_to_action_text": {
        "en": "Five programmes, one aim: States that keep their promise to protect those who defend human rights.",
        "fr": "Cinq programmes, un seul but : des États qui tiennent leur promesse de protéger celles et ceux qui défendent les droits humains.",
        "es": "Cinco programas, un solo objetivo: Estados que cumplan su promesa de proteger a quienes defienden los derechos humanos.",
        "pt": "Cinco programas, um só objetivo: Estados que cumpram a promessa de proteger quem defende os direitos humanos.",
        "ar": "خمسة برامج وهدف واحد: دول تفي بوعدها بحماية من يدافعون عن حقوق الإنسان.",
    },
    "call_to_action_link_text": {
        "en": "See the programmes",
        "fr": "Voir les programmes",
        "es": "Ver los programas",
        "pt": "Ver os programas",
        "ar": "الاطّلاع على البرامج",
    },
}


def load_home(home, log):
    """Fill the home page the first migration created, and translate it."""
    if not home.introduction:
        text = pick(HOME, "en")
        home.introduction = paragraphs(text["introduction"])
        home.slug = text["slug"]
        home.listing_summary = text["listing_summary"]
        home.featured_heading = text["featured_heading"]
        home.call_to_action_heading = text["call_to_action_heading"]
        home.call_to_action_text = text["call_to_action_text"]
        home.call_to_action_link_text = text["call_to_action_link_text"]
        publish(home)
        log("Page: home")
    translate_into_written_languages(home, HOME)


def feature_programmes(home, index, programmes, log):
    """Feature the programmes on the home page, then sync the translations."""
    if home.featured_programmes.exists():
        return
    home.call_to_action_page = index
    for order, programme in enumerate(programmes):
        home.featured_programmes.add(FeaturedProgramme(programme=programme, sort_order=order))
    publish(home)
    source = TranslationSource.objects.get_for_instance_or_none(home)
    source.update_from_db()
    for translation in source.translations.all():
        save_translation(translation)
    log("Home page: programmes featured")
