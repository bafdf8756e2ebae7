"""Demo content: About, Privacy and Contact pages in every language.

Written from shared/seed/ facts. The privacy page states what the code does:
no visitor cookies (no CSRF cookie either: pages/contact_guard.py), no address
in logs or form submissions unless LOG_VISITOR_IP (then truncated,
website/addresses.py), contact messages deleted after
CONTACT_SUBMISSION_RETENTION_DAYS (prune_contact_submissions), the staff audit
trail kept AUDIT_RETENTION_DAYS, two-factor sign-in required in production for
administrators and moderators (TWO_FACTOR_REQUIRED).
"""

from pages.models import ContactFormField, ContactPage, StandardPage
from website.demo import paragraphs, pick, publish, translate_into_written_languages
from website.models import OrganisationSettings

DEMO_MAILBOX = "contact@example.org"  # a demo address: set the real one in the page's Email panel

ABOUT = {
    "title": {
        "en": "About us",
        "fr": "Qui sommes-nous",
        "es": "Quiénes somos",
        "pt": "Quem somos",
        "ar": "من نحن",
    },
    "slug": {
        "en": "about-us",
        "fr": "qui-sommes-nous",
        "es": "quienes-somos",
        "pt": "quem-somos",
        "ar": "man-nahnu",
    },
    "intro": {
        "en": "Protection International is a non-profit organisation that works beside human rights defenders and presses States to protect them.",
        "fr": "Protection International est une organisation à but non lucratif qui travaille aux côtés des défenseurs des droits humains et pousse les États à les protéger.",
        "es": "Protection International es una organización sin ánimo de lucro que trabaja junto a las personas defensoras de derechos humanos e insta a los Estados a protegerlas.",
        "pt": "A Protection International é uma organização sem fins lucrativos que trabalha ao lado de defensoras e defensores de direitos humanos e cobra dos Estados que os protejam.",
        "ar": "Protection International منظمة غير ربحية تعمل إلى جانب المدافعات والمدافعين عن حقوق الإنسان وتحثّ الدول على حمايتهم.",
    },
    "body": [
        (
            "heading",
            {
                "text": {
                    "en": "Where we come from",
                    "fr": "Nos origines",
                    "es": "Nuestros orígenes",
                    "pt": "De onde viemos",
                    "ar": "من أين جئنا",
                },
                "level": "h2",
            },
        ),
        (
            "paragraph",
            [
                {
                    "en": "Our story began in 1998 in the European Office of Peace Brigades International. At the end of 2007 that team became Protection International, with its headquarters in Brussels.",
                    "fr": "Notre histoire commence en 1998 au bureau européen des Brigades de paix internationales. Fin 2007, cette équipe devient Protection International, avec son siège à Bruxelles.",
                    "es": "Nuestra historia empezó en 1998 en la Oficina Europea de Brigadas Internacionales de Paz. A finales de 2007 ese equipo se convirtió en Protection International, con sede en Bruselas.",
                    "pt": "Nossa história começou em 1998, no Escritório Europeu das Brigadas Internacionais de Paz. No fim de 2007, essa equipe se tornou a Protection International, com sede em Bruxelas.",
                    "ar": "بدأت قصتنا عام 1998 في المكتب الأوروبي لألوية السلام الدولية. وفي نهاية عام 2007 أصبح ذلك الفريق Protection International، ومقرّها بروكسل.",
                },
                {
                    "en": "Since our 2019–2023 strategy, we have worked through regional hubs, close to the defenders we support.",
                    "fr": "Depuis notre stratégie 2019-2023, nous travaillons à partir de pôles régionaux, au plus près des défenseurs que nous soutenons.",
                    "es": "Desde nuestra estrategia 2019-2023 trabajamos a través de centros regionales, cerca de las personas defensoras a las que apoyamos.",
                    "pt": "Desde a nossa estratégia 2019–2023, trabalhamos por meio de polos regionais, perto das pessoas defensoras que apoiamos.",
                    "ar": "منذ استراتيجيتنا للفترة 2019–2023، نعمل من خلال مراكز إقليمية قريبة من المدافعين الذين ندعمهم.",
                },
            ],
        ),
        (
            "heading",
            {
                "text": {
                    "en": "What we believe",
                    "fr": "Ce que nous défendons",
                    "es": "Lo que defendemos",
                    "pt": "No que acreditamos",
                    "ar": "ما نؤمن به",
                },
                "level": "h2",
            },
        ),
        (
            "paragraph",
            [
                {
                    "en": "States carry the first responsibility for respecting human rights and for protecting those who defend them. Too many fall short, so we remind ministries, parliaments, the European Union, the United Nations and regional commissions of their duties, and help them turn commitments into action.",
                    "fr": "Les États sont les premiers responsables du respect des droits humains et de la protection de celles et ceux qui les défendent. Beaucoup y manquent : nous rappelons donc leurs devoirs aux ministères, aux parlements, à l'Union européenne, aux Nations unies et aux commissions régionales, et les aidons à traduire leurs engagements en actes.",
                    "es": "Los Estados tienen la primera responsabilidad de respetar los derechos humanos y de proteger a quienes los defienden. Muchos no cumplen, así que recordamos sus deberes a ministerios, parlamentos, la Unión Europea, las Naciones Unidas y las comisiones regionales, y les ayudamos a convertir sus compromisos en hechos.",
                    "pt": "Os Estados têm a responsabilidade primeira de respeitar os direitos humanos e de proteger quem os defende. Muitos falham nisso; por isso lembramos ministérios, parlamentos, a União Europeia, as Nações Unidas e as comissões regionais de seus deveres, e os ajudamos a transformar compromissos em ações.",
                    "ar": "تتحمّل الدول المسؤولية الأولى عن احترام حقوق الإنسان وحماية من يدافعون عنها. وكثير منها يقصّر في ذلك، لذا نذكّر الوزارات والبرلمانات والاتحاد الأوروبي والأمم المتحدة واللجان الإقليمية بواجباتها، ونساعدها على تحويل الالتزامات إلى أفعال.",
                },
                {
                    "en": "We publish in English, French and Spanish above all, and some of our manuals exist in many more languages.",
                    "fr": "Nous publions surtout en anglais, en français et en espagnol, et certains de nos manuels existent dans bien d'autres langues.",
                    "es": "Publicamos sobre todo en inglés, francés y español, y algunos de nuestros manuales existen en muchos más idiomas.",
                    "pt": "Publicamos sobretudo em inglês, francês e espanhol, e alguns dos nossos manuais existem em muitos outros idiomas, entre eles o português.",
                    "ar": "ننشر بالإنجليزية والفرنسية والإسبانية أساسًا، وبعض أدلّتنا متاح بلغات أخرى كثيرة، منها العربية.",
                },
            ],
        ),
    ],
}

PRIVACY = {
    "title": {
        "en": "Privacy",
        "fr": "Confidentialité",
        "es": "Privacidad",
        "pt": "Privacidade",
        "ar": "الخصوصية",
    },
    "slug": {
        "en": "privacy",
        "fr": "confidentialite",
        "es": "privacidad",
        "pt": "privacidade",
        "ar": "al-khususiya",
    },
    "intro": {
        "en": "Many of our readers are defenders on watched connections. This site is built to know as little about you as it can.",
        "fr": "Beaucoup de nos lecteurs sont des défenseurs dont les connexions sont surveillées. Ce site est conçu pour en savoir le moins possible sur vous.",
        "es": "Muchas de las personas que nos leen son defensoras con conexiones vigiladas. Este sitio está hecho para saber de usted lo menos posible.",
        "pt": "Muitos dos nossos leitores são pessoas defensoras com conexões vigiadas. Este site foi feito para saber o mínimo possível sobre você.",
        "ar": "كثير من قرّائنا مدافعون يتصلون عبر شبكات مراقَبة. لذلك صُمّم هذا الموقع ليعرف عنك أقل ما يمكن.",
    },
    "body": [
        (
            "heading",
            {
                "text": {
                    "en": "What we do not keep",
                    "fr": "Ce que nous ne conservons pas",
                    "es": "Lo que no conservamos",
                    "pt": "O que não guardamos",
                    "ar": "ما لا نحتفظ به",
                },
                "level": "h2",
            },
        ),
        (
            "paragraph",
            [
                {
                    "en": "Reading this site sets no cookie in your browser, not even on the contact page. There are no trackers, no analytics and nothing loaded from other sites.",
                    "fr": "La lecture de ce site ne dépose aucun cookie dans votre navigateur, pas même sur la page de contact. Il n'y a ni traceur, ni outil de mesure d'audience, et rien n'est chargé depuis d'autres sites.",
                    "es": "Leer este sitio no instala ninguna cookie en su navegador, ni siquiera en la página de contacto. No hay rastreadores ni herramientas de analítica, y nada se carga desde otros sitios.",
                    "pt": "Ler este site não grava nenhum cookie no seu navegador, nem mesmo na página de contato. Não há rastreadores, nem ferramentas de análise, nem nada carregado de outros sites.",
                    "ar": "لا تضع قراءة هذا الموقع أي ملف تعريف ارتباط في متصفحك، ولا حتى في صفحة التواصل. لا توجد أدوات تتبّع ولا أدوات تحليل، ولا يُحمَّل أي شيء من مواقع أخرى.",
                },
                {
                    "en": "Our server logs do not record your IP address. Only if the site's operators turn that on does a log keep part of it: the network, never the exact address of your device.",
                    "fr": "Les journaux de notre serveur n'enregistrent pas votre adresse IP. Seulement si les responsables du site l'activent, un journal en garde une partie : le réseau, jamais l'adresse exacte de votre appareil.",
                    "es": "Los registros de nuestro servidor no guardan su dirección IP. Solo si quienes gestionan el sitio lo activan, un registro conserva una parte: la red, nunca la dirección exacta de su dispositivo.",
                    "pt": "Os registros do nosso servidor não gravam o seu endereço IP. Só se os operadores do site ativarem essa opção um registro guarda parte dele: a rede, nunca o endereço exato do seu aparelho.",
                    "ar": "لا تسجّل سجلات خادمنا عنوان IP الخاص بك. ولا يحتفظ السجل بجزء منه إلا إذا فعّل القائمون على الموقع ذلك: الشبكة، وليس أبدًا العنوان الدقيق لجهازك.",
                },
            ],
        ),
        (
            "heading",
            {
                "text": {
                    "en": "What the contact form keeps",
                    "fr": "Ce que garde le formulaire de contact",
                    "es": "Lo que guarda el formulario de contacto",
                    "pt": "O que o formulário de contato guarda",
                    "ar": "ما يحتفظ به نموذج التواصل",
                },
                "level": "h2",
            },
        ),
        (
            "paragraph",
            [
                {
                    "en": "When you write to us, we keep what you typed in the form and the time you sent it, and we pass it by email to the staff who answer. Your IP address is not stored with the message.",
                    "fr": "Quand vous nous écrivez, nous conservons ce que vous avez saisi dans le formulaire et l'heure de l'envoi, et nous le transmettons par e-mail à l'équipe qui répond. Votre adresse IP n'est pas enregistrée avec le message.",
                    "es": "Cuando nos escribe, conservamos lo que ha escrito en el formulario y la hora del envío, y lo enviamos por correo electrónico al equipo que responde. Su dirección IP no se guarda con el mensaje.",
                    "pt": "Quando você nos escreve, guardamos o que digitou no formulário e o horário do envio, e repassamos por e-mail à equipe que responde. Seu endereço IP não é armazenado com a mensagem.",
                    "ar": "عندما تراسلنا، نحتفظ بما كتبته في النموذج وبوقت إرساله، ونحيله بالبريد الإلكتروني إلى الموظفين الذين يجيبون. ولا يُخزَّن عنوان IP الخاص بك مع الرسالة.",
                },
                {
                    "en": "To stop floods of spam, the site counts for one hour how many messages come from each connection, under a scrambled code from which the address cannot be read back.",
                    "fr": "Pour arrêter les vagues de spam, le site compte pendant une heure combien de messages arrivent de chaque connexion, sous un code brouillé dont on ne peut pas retrouver l'adresse.",
                    "es": "Para frenar las oleadas de spam, el sitio cuenta durante una hora cuántos mensajes llegan de cada conexión, con un código cifrado del que no se puede recuperar la dirección.",
                    "pt": "Para conter avalanches de spam, o site conta durante uma hora quantas mensagens chegam de cada conexão, sob um código embaralhado do qual não é possível recuperar o endereço.",
                    "ar": "للحدّ من سيل الرسائل المزعجة، يحصي الموقع لمدة ساعة عدد الرسائل الواردة من كل اتصال، تحت رمز مشفّر لا يمكن استرجاع العنوان منه.",
                },
                {
                    "en": "Messages are deleted from the site six months after they arrive. Please do not send anything that could put you or others at risk: if you need to reach us safely, ask us first for a secure channel.",
                    "fr": "Les messages sont supprimés du site six mois après leur arrivée. N'envoyez rien qui puisse vous mettre en danger, vous ou d'autres personnes : si vous devez nous joindre en sécurité, demandez-nous d'abord un canal sûr.",
                    "es": "Los mensajes se borran del sitio seis meses después de llegar. No envíe nada que pueda ponerle en riesgo a usted o a otras personas: si necesita contactarnos de forma segura, pídanos primero un canal seguro.",
                    "pt": "As mensagens são apagadas do site seis meses depois de chegarem. Não envie nada que possa colocar você ou outras pessoas em risco: se precisar nos contatar com segurança, peça-nos primeiro um canal seguro.",
                    "ar": "تُحذف الرسائل من الموقع بعد ستة أشهر من وصولها. يُرجى ألّا ترسل أي شيء قد يعرّضك أو يعرّض غيرك للخطر: إن احتجت إلى التواصل معنا بأمان، فاطلب منا أولًا قناة آمنة.",
                },
            ],
        ),
        (
            "heading",
            {
                "text": {
                    "en": "Our staff",
                    "fr": "Notre équipe",
                    "es": "Nuestro equipo",
                    "pt": "Nossa equipe",
                    "ar": "فريقنا",
                },
                "level": "h2",
            },
        ),
        (
            "paragraph",
            [
                {
                    "en": "The administrators and moderators of the site sign in with two-factor authentication. A record of who signed in, published or downloaded messages is kept for one year, without visitors' addresses.",
                    "fr": "Les administrateurs et modérateurs du site se connectent avec une authentification à deux facteurs. Un registre de qui s'est connecté, a publié ou a téléchargé des messages est conservé un an, sans les adresses des visiteurs.",
                    "es": "Quienes administran y moderan el sitio inician sesión con autenticación de dos factores. Un registro de quién inició sesión, publicó o descargó mensajes se conserva durante un año, sin las direcciones de los visitantes.",
                    "pt": "Os administradores e moderadores do site entram com autenticação em dois fatores. Um registro de quem entrou, publicou ou baixou mensagens é guardado por um ano, sem os endereços dos visitantes.",
                    "ar": "يسجّل مسؤولو الموقع ومشرفوه الدخول باستخدام المصادقة الثنائية. ويُحتفظ لمدة سنة بسجلّ لمن سجّل الدخول أو نشر أو نزّل الرسائل، دون عناوين الزوار.",
                },
                {
                    "en": "For any question about your data, write to us through the contact page.",
                    "fr": "Pour toute question sur vos données, écrivez-nous depuis la page de contact.",
                    "es": "Para cualquier pregunta sobre sus datos, escríbanos desde la página de contacto.",
                    "pt": "Para qualquer dúvida sobre os seus dados, escreva-nos pela página de contato.",
                    "ar": "لأي سؤال عن بياناتك، راسلنا عبر صفحة التواصل.",
                },
            ],
        ),
    ],
}

CONTACT = {
    "title": {
        "en": "Contact us",
        "fr": "Nous contacter",
        "es": "Contacto",
        "pt": "Fale conosco",
        "ar": "تواصل معنا",
    },
    "slug": {"en": "contact", "fr": "contact", "es": "contacto", "pt": "contato", "ar": "tawasul"},
    "intro": {
        "en": "Questions about our programmes or publications? Write to our team in Brussels in English, French or Spanish.",
        "fr": "Une question sur nos programmes ou nos publications ? Écrivez à notre équipe de Bruxelles en anglais, en français ou en espagnol.",
        "es": "¿Preguntas sobre nuestros programas o publicaciones? Escriba a nuestro equipo de Bruselas en inglés, francés o español.",
        "pt": "Dúvidas sobre os nossos programas ou publicações? Escreva à nossa equipe em Bruxelas em inglês, francês ou espanhol.",
        "ar": "هل لديك أسئلة عن برامجنا أو مطبوعاتنا؟ راسل فريقنا في بروكسل بالإنجليزية أو الفرنسية أو الإسبانية.",
    },
    "privacy_note": [
        {
            "en": "We keep your name, email address and message, and the time you sent them, for six months, and only our staff read them. We do not store your IP address and set no cookie.",
            "fr": "Nous conservons votre nom, votre adresse e-mail et votre message, ainsi que l'heure de l'envoi, pendant six mois, et seule notre équipe les lit. Nous n'enregistrons pas votre adresse IP et ne déposons aucun cookie.",
            "es": "Conservamos su nombre, su correo electrónico y su mensaje, y la hora del envío, durante seis meses, y solo nuestro equipo los lee. No guardamos su dirección IP ni instalamos cookies.",
            "pt": "Guardamos seu nome, seu e-mail e sua mensagem, com o horário do envio, por seis meses, e só a nossa equipe os lê. Não armazenamos o seu endereço IP e não gravamos cookies.",
            "ar": "نحتفظ باسمك وعنوان بريدك الإلكتروني ورسالتك ووقت إرسالها لمدة ستة أشهر، ولا يقرؤها إلا موظفونا. ولا نخزّن عنوان IP الخاص بك ولا نضع أي ملف تعريف ارتباط.",
        },
        {
            "en": "Do not share details that could put anyone at risk in this form.",
            "fr": "Ne donnez dans ce formulaire aucun détail qui pourrait mettre quelqu'un en danger.",
            "es": "No comparta en este formulario datos que puedan poner a alguien en riesgo.",
            "pt": "Não compartilhe neste formulário detalhes que possam colocar alguém em risco.",
            "ar": "لا تشارك في هذا النموذج تفاصيل قد تعرّض أي شخص للخطر.",
        },
    ],
    "thank_you_text": [
        {
            "en": "We read every message and answer within a few working days.",
            "fr": "Nous lisons chaque message et répondons en quelques jours ouvrables.",
            "es": "Leemos todos los mensajes y respondemos en pocos días hábiles.",
            "pt": "Lemos todas as mensagens e respondemos em poucos dias úteis.",
            "ar": "نقرأ كل رسالة ونجيب عنها خلال بضعة أيام عمل.",
        }
    ],
    "subject": {
        "en": "Message from the website",
        "fr": "Message depuis le site web",
        "es": "Mensaje desde el sitio web",
        "pt": "Mensagem enviada pelo site",
        "ar": "رسالة من الموقع",
    },
    "fields": [
        (
            {"en": "Your name", "fr": "Votre nom", "es": "Su nombre", "pt": "Seu nome", "ar": "اسمك"},
            "singleline",
        ),
        (
            {
                "en": "Your email address",
                "fr": "Votre adresse e-mail",
                "es": "Su correo electrónico",
                "pt": "Seu e-mail",
                "ar": "عنوان بريدك الإلكتروني",
            },
            "email",
        ),
        (
            {
                "en": "Your message",
                "fr": "Votre message",
                "es": "Su mensaje",
                "pt": "Sua mensagem",
                "ar": "رسالتك",
            },
            "multiline",
        ),
    ],
}


def block_value(kind, value):
    return paragraphs(value) if kind == "paragraph" else value


def translatable_text(content):
    """The leaves wagtail-localize extracts, in any order (website.demo pairs them by English text)."""
    text = {key: content[key] for key in ("title", "slug", "intro")}
    if "body" in content:
        text["body"] = [value for _kind, value in content["body"]]
    for key in ("privacy_note", "thank_you_text", "subject"):
        if key in content:
            text[key] = content[key]
    if "fields" in content:
        text["fields"] = [label for label, _type in content["fields"]]
    return text


def load_standard_page(home, content, log):
    text = pick(content, "en")
    page = StandardPage.objects.child_of(home).filter(slug=text["slug"]).first()
    if page is None:
        page = StandardPage(
            title=text["title"],
            slug=text["slug"],
            intro=text["intro"],
            listing_summary=text["intro"],
            body=[{"type": kind, "value": block_value(kind, value)} for kind, value in text["body"]],
        )
        home.add_child(instance=page)
        publish(page)
        log(f"Page: {page.title}")
    translate_into_written_languages(page, translatable_text(content))
    return page


def load_contact_page(home, log):
    text = pick(CONTACT, "en")
    page = ContactPage.objects.child_of(home).filter(slug=text["slug"]).first()
    if page is None:
        page = ContactPage(
            title=text["title"],
            slug=text["slug"],
            intro=text["intro"],
            listing_summary=text["intro"],
            privacy_note=paragraphs(text["privacy_note"]),
            thank_you_text=paragraphs(text["thank_you_text"]),
            subject=text["subject"],
            to_address=DEMO_MAILBOX,
            from_address=DEMO_MAILBOX,
        )
        for order, (label, field_type) in enumerate(text["fields"]):
            page.form_fields.add(
                ContactFormField(sort_order=order, label=label, field_type=field_type, required=True)
            )
        home.add_child(instance=page)
        publish(page)
        log(f"Page: {page.title}")
    translate_into_written_languages(page, translatable_text(CONTACT))
    return page


def load(home, log):
    """About, Privacy and Contact under the home page, in every language, linked from every page."""
    pages = {
        "about": load_standard_page(home, ABOUT, log),
        "privacy": load_standard_page(home, PRIVACY, log),
        "contact": load_contact_page(home, log),
    }
    link_from_every_page(pages, log)
    return pages


def link_from_every_page(pages, log):
    """The footer's privacy link and the "Contact" buttons lead to the demo's pages; what staff
    already chose stays."""
    organisation = OrganisationSettings.load()
    defaults = {
        "contact_page": pages["contact"],
        "privacy_page": pages["privacy"],
        "contact_email": DEMO_MAILBOX,
        "postal_address": "Brussels, Belgium",
    }
    changed = [name for name, value in defaults.items() if not getattr(organisation, name)]
    for name in changed:
        setattr(organisation, name, defaults[name])
    if changed:
        organisation.save(update_fields=changed)
        log(f"Organisation settings: {', '.join(changed)}")
