"""Demo content: the five advocacy programmes, their index and the institutions.

Written for this project from the facts in shared/seed/programmes.md.
"""

from uuid import uuid4

from programmes.models import Institution, ProgrammeIndexPage, ProgrammePage
from website.demo import paragraphs, pick, publish, translate_into_written_languages

INSTITUTIONS = [
    {
        "key": "foreign-affairs",
        "name": {
            "en": "Ministries of Foreign Affairs",
            "fr": "Ministères des Affaires étrangères",
            "es": "Ministerios de Asuntos Exteriores",
            "pt": "Ministérios das Relações Exteriores",
            "ar": "وزارات الخارجية",
        },
        "description": {
            "en": "Their embassies can watch trials, visit defenders and raise cases with host governments.",
            "fr": "Leurs ambassades peuvent observer des procès, rendre visite aux défenseurs et soulever des cas auprès des gouvernements hôtes.",
            "es": "Sus embajadas pueden observar juicios, visitar a las personas defensoras y plantear casos ante los gobiernos anfitriones.",
            "pt": "Suas embaixadas podem acompanhar julgamentos, visitar defensoras e defensores e levar casos aos governos dos países onde estão.",
            "ar": "يمكن لسفاراتها حضور المحاكمات وزيارة المدافعين وإثارة القضايا لدى حكومات البلدان المضيفة.",
        },
    },
    {
        "key": "parliaments",
        "name": {
            "en": "Parliaments",
            "fr": "Parlements",
            "es": "Parlamentos",
            "pt": "Parlamentos",
            "ar": "البرلمانات",
        },
        "description": {
            "en": "Members of parliament question governments, pass protection laws and speak up for defenders at risk.",
            "fr": "Les parlementaires interpellent les gouvernements, votent des lois de protection et prennent la parole pour les défenseurs menacés.",
            "es": "Las y los parlamentarios interpelan a los gobiernos, aprueban leyes de protección y alzan la voz por quienes defienden derechos en riesgo.",
            "pt": "Parlamentares questionam governos, aprovam leis de proteção e se manifestam em favor de defensoras e defensores em risco.",
            "ar": "يسائل أعضاء البرلمان الحكومات، ويقرّون قوانين الحماية، ويرفعون أصواتهم دفاعًا عن المدافعين المعرّضين للخطر.",
        },
    },
    {
        "key": "european-union",
        "name": {
            "en": "European Union institutions",
            "fr": "Institutions de l'Union européenne",
            "es": "Instituciones de la Unión Europea",
            "pt": "Instituições da União Europeia",
            "ar": "مؤسسات الاتحاد الأوروبي",
        },
        "description": {
            "en": "The Council, the External Action Service and EU delegations apply the EU Guidelines on defenders.",
            "fr": "Le Conseil, le Service européen pour l'action extérieure et les délégations de l'UE appliquent les Orientations de l'UE sur les défenseurs.",
            "es": "El Consejo, el Servicio Europeo de Acción Exterior y las delegaciones de la UE aplican las Directrices de la UE sobre defensores.",
            "pt": "O Conselho, o Serviço Europeu de Ação Externa e as delegações da UE aplicam as Diretrizes da UE sobre defensores.",
            "ar": "يطبّق المجلس ودائرة العمل الخارجي وبعثات الاتحاد الأوروبي المبادئ التوجيهية للاتحاد الأوروبي بشأن المدافعين.",
        },
    },
    {
        "key": "united-nations",
        "name": {
            "en": "United Nations institutions",
            "fr": "Institutions des Nations unies",
            "es": "Instituciones de las Naciones Unidas",
            "pt": "Instituições das Nações Unidas",
            "ar": "مؤسسات الأمم المتحدة",
        },
        "description": {
            "en": "Above all the Special Rapporteur on the situation of human rights defenders and the Human Rights Council.",
            "fr": "Avant tout le Rapporteur spécial sur la situation des défenseurs des droits humains et le Conseil des droits de l'homme.",
            "es": "Sobre todo la Relatoría Especial sobre la situación de los defensores de derechos humanos y el Consejo de Derechos Humanos.",
            "pt": "Sobretudo a Relatoria Especial sobre a situação dos defensores de direitos humanos e o Conselho de Direitos Humanos.",
            "ar": "ولا سيما المقرّر الخاص المعني بحالة المدافعين عن حقوق الإنسان ومجلس حقوق الإنسان.",
        },
    },
    {
        "key": "regional-mechanisms",
        "name": {
            "en": "Regional human rights mechanisms",
            "fr": "Mécanismes régionaux des droits humains",
            "es": "Mecanismos regionales de derechos humanos",
            "pt": "Mecanismos regionais de direitos humanos",
            "ar": "الآليات الإقليمية لحقوق الإنسان",
        },
        "description": {
            "en": "Such as the African Commission on Human and Peoples' Rights and the Inter-American Commission on Human Rights.",
            "fr": "Comme la Commission africaine des droits de l'homme et des peuples et la Commission interaméricaine des droits de l'homme.",
            "es": "Como la Comisión Africana de Derechos Humanos y de los Pueblos y la Comisión Interamericana de Derechos Humanos.",
            "pt": "Como a Comissão Africana dos Direitos Humanos e dos Povos e a Comissão Interamericana de Direitos Humanos.",
            "ar": "مثل اللجنة الأفريقية لحقوق الإنسان والشعوب ولجنة البلدان الأمريكية لحقوق الإنسان.",
        },
    },
]

INDEX = {
    "title": {
        "en": "International advocacy",
        "fr": "Plaidoyer international",
        "es": "Incidencia internacional",
        "pt": "Incidência internacional",
        "ar": "المناصرة الدولية",
    },
    "slug": {
        "en": "international-advocacy",
        "fr": "plaidoyer-international",
        "es": "incidencia-internacional",
        "pt": "incidencia-internacional",
        "ar": "al-munasara-al-dawliya",
    },
    "listing_summary": {
        "en": "How PI brings the protection of human rights defenders before governments, parliaments and international bodies.",
        "fr": "Comment PI porte la protection des défenseurs des droits humains devant les gouvernements, les parlements et les instances internationales.",
        "es": "Cómo PI lleva la protección de las personas defensoras ante gobiernos, parlamentos y organismos internacionales.",
        "pt": "Como a PI leva a proteção de defensoras e defensores de direitos humanos a governos, parlamentos e organismos internacionais.",
        "ar": "كيف تحمل PI قضية حماية المدافعين عن حقوق الإنسان إلى الحكومات والبرلمانات والهيئات الدولية.",
    },
    "introduction": [
        {
            "en": "Protecting human rights defenders is first the duty of States, and too many States fall short of it. Working with partners at home and abroad, Protection International reminds State institutions and intergovernmental bodies of what they have promised, and helps them turn those promises into action.",
            "fr": "Protéger les défenseurs des droits humains est d'abord le devoir des États, et trop d'États y manquent. Avec ses partenaires locaux et internationaux, Protection International rappelle aux institutions publiques et aux organisations intergouvernementales leurs engagements, et les aide à les traduire en actes.",
            "es": "Proteger a las personas defensoras de derechos humanos es ante todo un deber de los Estados, y demasiados Estados lo incumplen. Junto con aliados locales e internacionales, Protection International recuerda sus compromisos a las instituciones estatales y a los organismos intergubernamentales, y les ayuda a convertirlos en acciones.",
            "pt": "Proteger quem defende os direitos humanos é, antes de tudo, um dever dos Estados, e muitos Estados deixam de cumpri-lo. Com parceiros locais e internacionais, a Protection International lembra às instituições públicas e aos organismos intergovernamentais o que eles prometeram, e os ajuda a transformar essas promessas em ações.",
            "ar": "حماية المدافعين عن حقوق الإنسان واجب على الدول قبل كل شيء، وكثير من الدول تقصّر فيه. وتعمل Protection International مع شركائها داخل البلدان وخارجها على تذكير مؤسسات الدولة والهيئات الحكومية الدولية بما وعدت به، وتساعدها على تحويل تلك الوعود إلى أفعال.",
        },
        {
            "en": "Taking a defender's case to the international level adds weight to protection at home. These five programmes are how we do it.",
            "fr": "Porter la situation d'un défenseur au niveau international renforce sa protection dans son pays. Voici les cinq programmes qui nous le permettent.",
            "es": "Llevar el caso de una persona defensora al ámbito internacional refuerza su protección en su país. Estos son los cinco programas con los que lo hacemos.",
            "pt": "Levar o caso de uma defensora ou de um defensor ao plano internacional fortalece sua proteção no próprio país. Estes são os cinco programas com os quais fazemos isso.",
            "ar": "إن رفع قضية مدافع أو مدافعة إلى المستوى الدولي يعزّز حمايتهم في بلدهم. وهذه هي البرامج الخمسة التي نقوم بذلك من خلالها.",
        },
    ],
    "institutions_heading": {
        "en": "Who we work to influence",
        "fr": "Les institutions que nous cherchons à influencer",
        "es": "Las instituciones en las que buscamos influir",
        "pt": "As instituições que buscamos influenciar",
        "ar": "الجهات التي نسعى إلى التأثير فيها",
    },
}

PROGRAMMES = [
    {
        "key": "parliaments",
        "slug": {
            "en": "parliaments-for-defenders",
            "fr": "parlements-pour-les-defenseurs",
            "es": "parlamentos-por-las-personas-defensoras",
            "pt": "parlamentos-pelos-defensores",
            "ar": "barlamanat-min-ajl-al-mudafiin",
        },
        "title": {
            "en": "Parliaments for human rights defenders",
            "fr": "Des parlements pour les défenseurs des droits humains",
            "es": "Parlamentos por las personas defensoras de derechos humanos",
            "pt": "Parlamentos pelos defensores de direitos humanos",
            "ar": "برلمانات من أجل المدافعين عن حقوق الإنسان",
        },
        "summary": {
            "en": "A network of members of parliament from many countries, brought together on the MPforHRD platform, who act to protect defenders.",
            "fr": "Un réseau de parlementaires de nombreux pays, réunis sur la plateforme MPforHRD, qui agissent pour protéger les défenseurs.",
            "es": "Una red de parlamentarias y parlamentarios de muchos países, reunidos en la plataforma MPforHRD, que actúan para proteger a las personas defensoras.",
            "pt": "Uma rede de parlamentares de muitos países, reunidos na plataforma MPforHRD, que agem para proteger defensoras e defensores.",
            "ar": "شبكة من أعضاء البرلمانات من بلدان عديدة، تجمعهم منصة MPforHRD، يعملون على حماية المدافعين.",
        },
        "body": [
            (
                "heading",
                {
                    "text": {
                        "en": "A network that PI moderates",
                        "fr": "Un réseau animé par PI",
                        "es": "Una red moderada por PI",
                        "pt": "Uma rede moderada pela PI",
                        "ar": "شبكة تديرها PI",
                    },
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                [
                    {
                        "en": "Protection International moderates a network of members of parliament who take an active part in protecting human rights defenders. MPforHRD, its online platform, is where these MPs, whatever their country, exchange information and plan action together.",
                        "fr": "Protection International anime un réseau de parlementaires qui participent activement à la protection des défenseurs des droits humains. MPforHRD, sa plateforme en ligne, est l'espace où ces élus, quel que soit leur pays, échangent des informations et préparent des actions communes.",
                        "es": "Protection International modera una red de parlamentarias y parlamentarios que participan activamente en la protección de las personas defensoras. MPforHRD, su plataforma en línea, es el espacio donde, sea cual sea su país, intercambian información y preparan acciones conjuntas.",
                        "pt": "A Protection International modera uma rede de parlamentares que participam ativamente da proteção de defensoras e defensores de direitos humanos. Na MPforHRD, sua plataforma on-line, esses parlamentares, seja qual for o seu país, trocam informações e planejam ações em conjunto.",
                        "ar": "تدير Protection International شبكة من أعضاء البرلمانات يشاركون مشاركة فعّالة في حماية المدافعين عن حقوق الإنسان. وعلى منصتها الإلكترونية MPforHRD يتبادل هؤلاء البرلمانيون، أيًّا كان بلدهم، المعلومات ويخطّطون معًا لتحركاتهم.",
                    },
                    {
                        "en": "The platform helps MPs choose the protection actions that work best, at home and abroad, and supports them as they draft protection policies.",
                        "fr": "La plateforme aide les parlementaires à choisir les actions de protection les plus efficaces, dans leur pays comme à l'étranger, et les accompagne dans l'élaboration de politiques de protection.",
                        "es": "La plataforma ayuda a elegir las acciones de protección más eficaces, en el propio país y en el extranjero, y acompaña la elaboración de políticas de protección.",
                        "pt": "A plataforma ajuda os parlamentares a escolher as ações de proteção mais eficazes, no próprio país e no exterior, e os apoia na elaboração de políticas de proteção.",
                        "ar": "تساعد المنصة البرلمانيين على اختيار أنجع إجراءات الحماية، داخل بلدانهم وخارجها، وتدعمهم في صياغة سياسات الحماية.",
                    },
                ],
            ),
            (
                "heading",
                {
                    "text": {
                        "en": "Twinning an MP with a defender",
                        "fr": "Le jumelage entre un parlementaire et un défenseur",
                        "es": "El hermanamiento entre parlamentarios y personas defensoras",
                        "pt": "A parceria entre um parlamentar e uma pessoa defensora",
                        "ar": "التوأمة بين برلماني ومدافع",
                    },
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                [
                    {
                        "en": "Through twinning, a member of parliament is paired with a defender at risk and acts for them, in public or discreetly, as the defender chooses.",
                        "fr": "Par le jumelage, un parlementaire est associé à un défenseur en danger et agit en sa faveur, publiquement ou discrètement, selon le choix du défenseur.",
                        "es": "Con el hermanamiento, una parlamentaria o un parlamentario se vincula con una persona defensora en riesgo y actúa a su favor, en público o con discreción, según lo que ella decida.",
                        "pt": "Na parceria, um parlamentar é vinculado a uma defensora ou a um defensor em risco e age em seu favor, em público ou com discrição, conforme a escolha da pessoa defensora.",
                        "ar": "في إطار التوأمة، يرتبط عضو في البرلمان بمدافع أو مدافعة معرّضين للخطر ويتحرّك لصالحهم، علنًا أو بتكتّم، بحسب ما يختاره المدافع.",
                    },
                ],
            ),
            (
                "key_facts",
                {
                    "heading": {
                        "en": "In brief",
                        "fr": "En bref",
                        "es": "En resumen",
                        "pt": "Em resumo",
                        "ar": "باختصار",
                    },
                    "facts": [
                        {
                            "figure": "MPforHRD",
                            "label": {
                                "en": "The network's platform for exchange and action",
                                "fr": "La plateforme d'échange et d'action du réseau",
                                "es": "La plataforma de intercambio y acción de la red",
                                "pt": "A plataforma de troca e ação da rede",
                                "ar": "منصة الشبكة للتبادل والعمل",
                            },
                        },
                        {
                            "figure": "2011",
                            "label": {
                                "en": "PI publishes its guide for legislators, in three languages",
                                "fr": "PI publie son guide pour les parlementaires, en trois langues",
                                "es": "PI publica su guía para parlamentarios, en tres idiomas",
                                "pt": "A PI publica seu guia para legisladores, em três idiomas",
                                "ar": "PI تنشر دليلها للمشرّعين بثلاث لغات",
                            },
                        },
                    ],
                },
            ),
        ],
        "institutions": ["parliaments"],
        "related": ["legislation"],
    },
    {
        "key": "eu-guidelines",
        "slug": {
            "en": "eu-guidelines-on-defenders",
            "fr": "orientations-de-l-ue-sur-les-defenseurs",
            "es": "directrices-de-la-ue-sobre-defensores",
            "pt": "diretrizes-da-ue-sobre-defensores",
            "ar": "al-mabadi-al-tawjihiya-lil-ittihad-al-urubbi",
        },
        "title": {
            "en": "Promoting the EU Guidelines on human rights defenders",
            "fr": "Promouvoir les Orientations de l'UE sur les défenseurs des droits humains",
            "es": "Promover las Directrices de la UE sobre defensores de derechos humanos",
            "pt": "Promover as Diretrizes da UE sobre defensores de direitos humanos",
            "ar": "التعريف بالمبادئ التوجيهية للاتحاد الأوروبي بشأن المدافعين عن حقوق الإنسان",
        },
        "summary": {
            "en": "The EU Guidelines set concrete standards for European diplomats. PI helps diplomats and defenders make them work where it matters.",
            "fr": "Les Orientations de l'UE fixent des normes concrètes aux diplomates européens. PI aide diplomates et défenseurs à les appliquer là où cela compte.",
            "es": "Las Directrices de la UE fijan normas concretas para la diplomacia europea. PI ayuda a diplomáticos y personas defensoras a aplicarlas donde importa.",
            "pt": "As Diretrizes da UE fixam normas concretas para os diplomatas europeus. A PI ajuda diplomatas e defensores a aplicá-las onde elas fazem diferença.",
            "ar": "تضع المبادئ التوجيهية للاتحاد الأوروبي معايير ملموسة للدبلوماسيين الأوروبيين. وتساعد PI الدبلوماسيين والمدافعين على تفعيلها حيث تكون الحاجة إليها.",
        },
        "body": [
            (
                "paragraph",
                [
                    {
                        "en": "Adopted by the Council of the European Union in June 2004 under the title Ensuring protection, and revised in 2006 and December 2008, the Guidelines tell EU diplomats what they are expected to do to protect human rights defenders.",
                        "fr": "Adoptées par le Conseil de l'Union européenne en juin 2004 sous le titre Garantir la protection, puis révisées en 2006 et en décembre 2008, les Orientations précisent ce que l'on attend des diplomates de l'UE pour protéger les défenseurs des droits humains.",
                        "es": "Adoptadas por el Consejo de la Unión Europea en junio de 2004 con el título Garantizar la protección, y revisadas en 2006 y en diciembre de 2008, las Directrices indican lo que se espera de la diplomacia de la UE para proteger a las personas defensoras.",
                        "pt": "Adotadas pelo Conselho da União Europeia em junho de 2004 com o título Garantir a proteção, e revisadas em 2006 e em dezembro de 2008, as Diretrizes dizem aos diplomatas da UE o que se espera deles para proteger defensoras e defensores de direitos humanos.",
                        "ar": "اعتمد مجلس الاتحاد الأوروبي هذه المبادئ التوجيهية في يونيو 2004 تحت عنوان «ضمان الحماية»، ونُقّحت في 2006 وفي ديسمبر 2008، وهي تبيّن لدبلوماسيي الاتحاد ما يُنتظر منهم لحماية المدافعين عن حقوق الإنسان.",
                    },
                    {
                        "en": "PI supports both diplomats and defenders, and encourages them to act together in the country concerned and in international forums. PI contributed to strengthening the Guidelines and to a toolkit for diplomats produced by the Dutch Ministry of Foreign Affairs.",
                        "fr": "PI soutient à la fois les diplomates et les défenseurs, et les encourage à agir ensemble dans le pays concerné et dans les enceintes internationales. PI a contribué au renforcement des Orientations et à une boîte à outils pour diplomates publiée par le ministère néerlandais des Affaires étrangères.",
                        "es": "PI apoya tanto a diplomáticos como a personas defensoras, y les anima a actuar juntos en el país y en los foros internacionales. PI contribuyó al fortalecimiento de las Directrices y a una caja de herramientas para diplomáticos del Ministerio de Asuntos Exteriores de los Países Bajos.",
                        "pt": "A PI apoia tanto os diplomatas quanto as pessoas defensoras e os incentiva a agir juntos no país em questão e nos fóruns internacionais. A PI contribuiu para o fortalecimento das Diretrizes e para um conjunto de ferramentas para diplomatas produzido pelo Ministério das Relações Exteriores dos Países Baixos.",
                        "ar": "تدعم PI الدبلوماسيين والمدافعين معًا، وتشجّعهم على العمل المشترك في البلد المعني وفي المحافل الدولية. وقد أسهمت PI في تعزيز المبادئ التوجيهية وفي مجموعة أدوات للدبلوماسيين أعدّتها وزارة الخارجية الهولندية.",
                    },
                ],
            ),
            (
                "key_facts",
                {
                    "heading": {
                        "en": "Milestones",
                        "fr": "Étapes clés",
                        "es": "Hitos",
                        "pt": "Marcos",
                        "ar": "محطات بارزة",
                    },
                    "facts": [
                        {
                            "figure": "2004",
                            "label": {
                                "en": "The Council adopts the Guidelines",
                                "fr": "Le Conseil adopte les Orientations",
                                "es": "El Consejo adopta las Directrices",
                                "pt": "O Conselho adota as Diretrizes",
                                "ar": "المجلس يعتمد المبادئ التوجيهية",
                            },
                        },
                        {
                            "figure": "2008",
                            "label": {
                                "en": "Second revision, in December",
                                "fr": "Deuxième révision, en décembre",
                                "es": "Segunda revisión, en diciembre",
                                "pt": "Segunda revisão, em dezembro",
                                "ar": "التنقيح الثاني في ديسمبر",
                            },
                        },
                    ],
                },
            ),
        ],
        "institutions": ["european-union", "foreign-affairs"],
        "related": ["un-rapporteur"],
    },
    {
        "key": "un-rapporteur",
        "slug": {
            "en": "un-special-rapporteur",
            "fr": "rapporteur-special-de-l-onu",
            "es": "relatoria-especial-de-la-onu",
            "pt": "relatoria-especial-da-onu",
            "ar": "al-muqarrir-al-khass",
        },
        "title": {
            "en": "Supporting the UN Special Rapporteur",
            "fr": "Soutenir le Rapporteur spécial de l'ONU",
            "es": "Apoyar a la Relatoría Especial de la ONU",
            "pt": "Apoio à Relatoria Especial da ONU",
            "ar": "دعم المقرّر الخاص للأمم المتحدة",
        },
        "summary": {
            "en": "Since 2000 a UN mandate has watched over the Declaration on Human Rights Defenders. PI supports its work.",
            "fr": "Depuis 2000, un mandat de l'ONU veille à la mise en œuvre de la Déclaration sur les défenseurs des droits de l'homme. PI soutient son travail.",
            "es": "Desde 2000, un mandato de la ONU vela por la aplicación de la Declaración sobre los defensores de los derechos humanos. PI apoya su labor.",
            "pt": "Desde 2000, um mandato da ONU zela pela Declaração sobre os Defensores de Direitos Humanos. A PI apoia o seu trabalho.",
            "ar": "منذ عام 2000 تسهر ولاية أممية على إعلان المدافعين عن حقوق الإنسان. وتدعم PI عملها.",
        },
        "body": [
            (
                "paragraph",
                [
                    {
                        "en": "The Commission on Human Rights created the mandate on the situation of human rights defenders in 2000, by resolution 2000/61, to support the implementation of the UN Declaration on Human Rights Defenders.",
                        "fr": "La Commission des droits de l'homme a créé en 2000, par sa résolution 2000/61, le mandat sur la situation des défenseurs des droits de l'homme, afin de soutenir la mise en œuvre de la Déclaration des Nations unies sur les défenseurs.",
                        "es": "La Comisión de Derechos Humanos creó en 2000, mediante su resolución 2000/61, el mandato sobre la situación de los defensores de los derechos humanos, para apoyar la aplicación de la Declaración de la ONU sobre los defensores.",
                        "pt": "A Comissão de Direitos Humanos criou em 2000, pela resolução 2000/61, o mandato sobre a situação dos defensores de direitos humanos, para apoiar a aplicação da Declaração da ONU sobre os Defensores de Direitos Humanos.",
                        "ar": "أنشأت لجنة حقوق الإنسان الولاية المعنية بحالة المدافعين عن حقوق الإنسان عام 2000 بموجب القرار 2000/61، لدعم تنفيذ إعلان الأمم المتحدة بشأن المدافعين عن حقوق الإنسان.",
                    },
                    {
                        "en": "The General Assembly adopted that Declaration by consensus on 9 December 1998, as resolution A/RES/53/144. Its full title speaks of the right and responsibility of individuals, groups and organs of society to promote and protect universally recognised human rights.",
                        "fr": "L'Assemblée générale a adopté cette Déclaration par consensus le 9 décembre 1998 (résolution A/RES/53/144). Son titre complet évoque le droit et la responsabilité des individus, groupes et organes de la société de promouvoir et protéger les droits de l'homme universellement reconnus.",
                        "es": "La Asamblea General aprobó esa Declaración por consenso el 9 de diciembre de 1998 (resolución A/RES/53/144). Su título completo habla del derecho y el deber de los individuos, los grupos y las instituciones de promover y proteger los derechos humanos universalmente reconocidos.",
                        "pt": "A Assembleia Geral adotou essa Declaração por consenso em 9 de dezembro de 1998, como resolução A/RES/53/144. Seu título completo fala do direito e da responsabilidade dos indivíduos, grupos e órgãos da sociedade de promover e proteger os direitos humanos universalmente reconhecidos.",
                        "ar": "اعتمدت الجمعية العامة ذلك الإعلان بتوافق الآراء في 9 ديسمبر 1998 بوصفه القرار A/RES/53/144. ويتحدث عنوانه الكامل عن حق الأفراد والجماعات وهيئات المجتمع ومسؤوليتهم في تعزيز حقوق الإنسان المعترف بها عالميًّا وحمايتها.",
                    },
                ],
            ),
            (
                "key_facts",
                {
                    "heading": {
                        "en": "Mandate holders",
                        "fr": "Titulaires du mandat",
                        "es": "Titulares del mandato",
                        "pt": "Titulares do mandato",
                        "ar": "المكلّفون بالولاية",
                    },
                    "facts": [
                        {
                            "figure": "2000–2008",
                            "label": {
                                "en": "Hina Jilani, Special Representative of the Secretary-General",
                                "fr": "Hina Jilani, Représentante spéciale du Secrétaire général",
                                "es": "Hina Jilani, Representante Especial del Secretario General",
                                "pt": "Hina Jilani, Representante Especial do Secretário-Geral",
                                "ar": "هينا جيلاني، الممثلة الخاصة للأمين العام",
                            },
                        },
                        {
                            "figure": "2008–2014",
                            "label": {
                                "en": "Margaret Sekaggya, Special Rapporteur",
                                "fr": "Margaret Sekaggya, Rapporteuse spéciale",
                                "es": "Margaret Sekaggya, Relatora Especial",
                                "pt": "Margaret Sekaggya, Relatora Especial",
                                "ar": "مارغريت سيكاغيا، المقرّرة الخاصة",
                            },
                        },
                        {
                            "figure": "2014–2020",
                            "label": {
                                "en": "Michel Forst, Special Rapporteur",
                                "fr": "Michel Forst, Rapporteur spécial",
                                "es": "Michel Forst, Relator Especial",
                                "pt": "Michel Forst, Relator Especial",
                                "ar": "ميشيل فورست، المقرّر الخاص",
                            },
                        },
                        {
                            "figure": {
                                "en": "Since 2020",
                                "fr": "Depuis 2020",
                                "es": "Desde 2020",
                                "pt": "Desde 2020",
                                "ar": "منذ 2020",
                            },
                            "label": {
                                "en": "Mary Lawlor, Special Rapporteur, renewed in 2023",
                                "fr": "Mary Lawlor, Rapporteuse spéciale, reconduite en 2023",
                                "es": "Mary Lawlor, Relatora Especial, renovada en 2023",
                                "pt": "Mary Lawlor, Relatora Especial, reconduzida em 2023",
                                "ar": "ماري لولور، المقرّرة الخاصة، جُدّدت ولايتها في 2023",
                            },
                        },
                    ],
                },
            ),
        ],
        "institutions": ["united-nations"],
        "related": ["eu-guidelines"],
    },
    {
        "key": "legislation",
        "slug": {
            "en": "national-legislation-and-public-policies",
            "fr": "legislation-et-politiques-publiques-nationales",
            "es": "legislacion-y-politicas-publicas-nacionales",
            "pt": "legislacao-e-politicas-publicas-nacionais",
            "ar": "al-tashriat-wal-siyasat-al-amma",
        },
        "title": {
            "en": "National legislation and public policies for the protection of defenders",
            "fr": "Législations et politiques publiques nationales de protection des défenseurs",
            "es": "Legislación y políticas públicas nacionales de protección de personas defensoras",
            "pt": "Legislação e políticas públicas nacionais de proteção de defensores",
            "ar": "التشريعات والسياسات العامة الوطنية لحماية المدافعين",
        },
        "summary": {
            "en": "National protection mechanisms are public policies that protect defenders where they are attacked for their work. PI tracks and promotes them.",
            "fr": "Les mécanismes nationaux de protection sont des politiques publiques qui protègent les défenseurs là où ils sont attaqués pour leur travail. PI les suit et les promeut.",
            "es": "Los mecanismos nacionales de protección son políticas públicas que protegen a las personas defensoras donde se las ataca por su labor. PI los sigue y los promueve.",
            "pt": "Os mecanismos nacionais de proteção são políticas públicas que protegem as pessoas defensoras onde elas são atacadas por seu trabalho. A PI os acompanha e os promove.",
            "ar": "آليات الحماية الوطنية سياسات عامة تحمي المدافعين حيث يتعرّضون للاعتداء بسبب عملهم. وتتابعها PI وتروّج لها.",
        },
        "body": [
            (
                "paragraph",
                [
                    {
                        "en": "PI holds that guaranteeing the protection of defenders is the job of the executive and the judiciary. National protection mechanisms are the public policies that States design for this, in countries where defenders are attacked because of what they do.",
                        "fr": "Pour PI, garantir la protection des défenseurs relève du pouvoir exécutif et du pouvoir judiciaire. Les mécanismes nationaux de protection sont les politiques publiques que les États conçoivent à cette fin, dans les pays où les défenseurs sont attaqués en raison de leur action.",
                        "es": "Para PI, garantizar la protección de las personas defensoras corresponde al poder ejecutivo y al judicial. Los mecanismos nacionales de protección son las políticas públicas que los Estados diseñan con ese fin, en países donde se ataca a las personas defensoras por lo que hacen.",
                        "pt": "Para a PI, garantir a proteção das pessoas defensoras cabe ao Poder Executivo e ao Poder Judiciário. Os mecanismos nacionais de proteção são as políticas públicas que os Estados criam para isso, em países onde defensoras e defensores são atacados por causa do que fazem.",
                        "ar": "ترى PI أن ضمان حماية المدافعين من مهام السلطتين التنفيذية والقضائية. وآليات الحماية الوطنية هي السياسات العامة التي تضعها الدول لهذا الغرض، في البلدان التي يتعرّض فيها المدافعون للاعتداء بسبب ما يقومون به.",
                    },
                    {
                        "en": "Colombia set up the first such mechanism in 1997, Brazil followed in 2007 and Mexico passed a law in 2012. PI's Focus reports follow these policies year after year.",
                        "fr": "La Colombie a créé le premier mécanisme de ce type en 1997, le Brésil a suivi en 2007 et le Mexique a adopté une loi en 2012. Les rapports Focus de PI suivent ces politiques d'année en année.",
                        "es": "Colombia creó el primer mecanismo de este tipo en 1997, Brasil le siguió en 2007 y México aprobó una ley en 2012. Los informes Focus de PI siguen estas políticas año tras año.",
                        "pt": "A Colômbia criou o primeiro mecanismo desse tipo em 1997, o Brasil veio em seguida, em 2007, e o México aprovou uma lei em 2012. Os relatórios Focus da PI acompanham essas políticas ano após ano.",
                        "ar": "أنشأت كولومبيا أول آلية من هذا النوع عام 1997، ثم تبعتها البرازيل عام 2007، وأقرّت المكسيك قانونًا عام 2012. وتتابع تقارير Focus الصادرة عن PI هذه السياسات عامًا بعد عام.",
                    },
                ],
            ),
            (
                "key_facts",
                {
                    "heading": {
                        "en": "Figures",
                        "fr": "Chiffres",
                        "es": "Cifras",
                        "pt": "Números",
                        "ar": "أرقام",
                    },
                    "facts": [
                        {
                            "figure": "15",
                            "label": {
                                "en": "countries with a national policy, according to PI's 2022 report",
                                "fr": "pays dotés d'une politique nationale, selon le rapport 2022 de PI",
                                "es": "países con una política nacional, según el informe de 2022 de PI",
                                "pt": "países com uma política nacional, segundo o relatório de 2022 da PI",
                                "ar": "بلدًا لديه سياسة وطنية، بحسب تقرير PI لعام 2022",
                            },
                        },
                        {
                            "figure": "29",
                            "label": {
                                "en": "countries with a policy or a process under way by the end of 2021",
                                "fr": "pays dotés d'une politique ou engagés dans un processus fin 2021",
                                "es": "países con una política o un proceso en marcha a finales de 2021",
                                "pt": "países com uma política ou um processo em andamento no fim de 2021",
                                "ar": "بلدًا لديه سياسة أو مسار جارٍ في نهاية 2021",
                            },
                        },
                        {
                            "figure": "2016",
                            "label": {
                                "en": "ISHR launches its Model Law in Geneva",
                                "fr": "L'ISHR lance sa loi type à Genève",
                                "es": "ISHR presenta su Ley Modelo en Ginebra",
                                "pt": "O ISHR lança sua Lei Modelo em Genebra",
                                "ar": "ISHR تطلق قانونها النموذجي في جنيف",
                            },
                        },
                    ],
                },
            ),
        ],
        "institutions": ["parliaments", "foreign-affairs", "regional-mechanisms"],
        "related": ["legal-advocacy", "parliaments"],
    },
    {
        "key": "legal-advocacy",
        "slug": {
            "en": "legal-advocacy",
            "fr": "plaidoyer-juridique",
            "es": "incidencia-juridica",
            "pt": "incidencia-juridica",
            "ar": "al-munasara-al-qanuniya",
        },
        "title": {
            "en": "Legal advocacy",
            "fr": "Plaidoyer juridique",
            "es": "Incidencia jurídica",
            "pt": "Incidência jurídica",
            "ar": "المناصرة القانونية",
        },
        "summary": {
            "en": "Legal work for protection laws: analysing bills, supporting the adoption and use of protection laws, and answering the criminalisation of defenders.",
            "fr": "Un travail juridique au service des lois de protection : analyser les projets de loi, soutenir l'adoption et l'application des lois de protection, répondre à la criminalisation des défenseurs.",
            "es": "Trabajo jurídico al servicio de las leyes de protección: analizar proyectos de ley, apoyar la adopción y aplicación de leyes de protección y responder a la criminalización de las personas defensoras.",
            "pt": "Trabalho jurídico a serviço das leis de proteção: analisar projetos de lei, apoiar a adoção e a aplicação de leis de proteção e responder à criminalização de defensoras e defensores.",
            "ar": "عمل قانوني في خدمة قوانين الحماية: تحليل مشاريع القوانين، ودعم اعتماد قوانين الحماية وتطبيقها، والتصدّي لتجريم المدافعين.",
        },
        "body": [
            (
                "paragraph",
                [
                    {
                        "en": "Laws can protect defenders or be turned against them. PI reads draft laws with partners, explains what they would change for defenders, and supports lawmakers and officials who adopt and apply protection laws.",
                        "fr": "Les lois peuvent protéger les défenseurs ou être retournées contre eux. PI analyse les projets de loi avec ses partenaires, explique ce qu'ils changeraient pour les défenseurs et soutient les élus et les responsables qui adoptent et appliquent des lois de protection.",
                        "es": "Las leyes pueden proteger a las personas defensoras o volverse en su contra. PI analiza proyectos de ley con sus aliados, explica lo que cambiarían para quienes defienden derechos y apoya a legisladores y autoridades que adoptan y aplican leyes de protección.",
                        "pt": "As leis podem proteger as pessoas defensoras ou ser usadas contra elas. A PI analisa projetos de lei com seus parceiros, explica o que eles mudariam para quem defende direitos e apoia legisladores e autoridades que adotam e aplicam leis de proteção.",
                        "ar": "يمكن للقوانين أن تحمي المدافعين أو أن تُستخدم ضدهم. تدرس PI مشاريع القوانين مع شركائها، وتشرح ما ستغيّره بالنسبة إلى المدافعين، وتدعم المشرّعين والمسؤولين الذين يعتمدون قوانين الحماية ويطبّقونها.",
                    },
                    {
                        "en": "When defenders are prosecuted for their work, PI helps partners name the problem and respond. Its 2015 report on criminalisation sets out a way to categorise the problem and the measures that answer it.",
                        "fr": "Lorsque des défenseurs sont poursuivis pour leur travail, PI aide ses partenaires à nommer le problème et à y répondre. Son rapport de 2015 sur la criminalisation propose une manière de catégoriser le problème et les mesures pour y faire face.",
                        "es": "Cuando se procesa a personas defensoras por su labor, PI ayuda a sus aliados a nombrar el problema y responder. Su informe de 2015 sobre criminalización propone una forma de categorizar el problema y las medidas para afrontarlo.",
                        "pt": "Quando defensoras e defensores são processados por seu trabalho, a PI ajuda seus parceiros a dar nome ao problema e a responder. Seu relatório de 2015 sobre criminalização propõe uma forma de categorizar o problema e as medidas que o enfrentam.",
                        "ar": "عندما يُلاحَق المدافعون قضائيًّا بسبب عملهم، تساعد PI شركاءها على تسمية المشكلة والرد عليها. ويقترح تقريرها لعام 2015 عن التجريم طريقة لتصنيف المشكلة والتدابير التي تعالجها.",
                    },
                ],
            ),
        ],
        "institutions": ["parliaments", "regional-mechanisms"],
        "related": ["legislation"],
    },
]


CONTACT = {
    "contact_heading": {
        "en": "Talk to our advocacy team",
        "fr": "Contactez notre équipe de plaidoyer",
        "es": "Hable con nuestro equipo de incidencia",
        "pt": "Fale com nossa equipe de incidência",
        "ar": "تحدّث إلى فريق المناصرة لدينا",
    },
    "contact_text": {
        "en": "Write to us about a defender at risk or an advocacy opportunity.",
        "fr": "Écrivez-nous au sujet d'un défenseur en danger ou d'une occasion de plaidoyer.",
        "es": "Escríbanos sobre una persona defensora en riesgo o una oportunidad de incidencia.",
        "pt": "Escreva-nos sobre uma pessoa defensora em risco ou uma oportunidade de incidência.",
        "ar": "راسلنا بشأن مدافع معرّض للخطر أو فرصة للمناصرة.",
    },
    "contact_link_text": {
        "en": "Contact Protection International",
        "fr": "Contacter Protection International",
        "es": "Contactar con Protection International",
        "pt": "Entrar em contato com a Protection International",
        "ar": "التواصل مع Protection International",
    },
}
# The button leads to the contact page chosen in the site settings (website/site_links.py),
# never to an outside site.
CONTACT_URL = ""


def translatable_text(content):
    """The parts of a programme's demo content that translators translate."""
    return {
        "title": content["title"],
        "slug": content["slug"],
        "summary": content["summary"],
        "body": [value for _kind, value in content["body"]],
        **CONTACT,
    }


def load_institutions(english, log):
    institutions = {}
    for order, content in enumerate(INSTITUTIONS):
        text = pick(content, "en")
        institution = Institution.objects.filter(locale=english, name=text["name"]).first()
        if institution is None:
            institution = Institution.objects.create(
                locale=english, name=text["name"], description=text["description"], sort_order=order
            )
            publish(institution)  # a first revision, as if published through the admin
            log(f"Institution: {institution.name}")
        translate_into_written_languages(
            institution, {"name": content["name"], "description": content["description"]}
        )
        institutions[content["key"]] = institution
    return institutions


def load_index(home, log):
    index = ProgrammeIndexPage.objects.child_of(home).first()
    if index is None:
        text = pick(INDEX, "en")
        index = ProgrammeIndexPage(
            title=text["title"],
            slug=text["slug"],
            listing_summary=text["listing_summary"],
            introduction=paragraphs(text["introduction"]),
            institutions_heading=text["institutions_heading"],
            show_in_menus=True,
        )
        home.add_child(instance=index)
        publish(index)
        log(f"Page: {index.title}")
    translate_into_written_languages(index, INDEX)
    return index


def block_value(kind, value):
    if kind == "paragraph":
        return paragraphs(value)
    if kind == "key_facts":
        # wagtail-localize only extracts list items stored in the ListBlock's
        # current format, with a type and an id per item.
        return {
            **value,
            "facts": [{"type": "item", "value": fact, "id": str(uuid4())} for fact in value["facts"]],
        }
    return value


def load_programme(index, content, institutions, log):
    text = pick({**content, **CONTACT}, "en")
    page = ProgrammePage.objects.child_of(index).filter(slug=text["slug"]).first()
    if page is None:
        page = ProgrammePage(
            title=text["title"],
            slug=text["slug"],
            summary=text["summary"],
            listing_summary=text["summary"],
            body=[{"type": kind, "value": block_value(kind, value)} for kind, value in text["body"]],
            contact_heading=text["contact_heading"],
            contact_text=text["contact_text"],
            contact_link_text=text["contact_link_text"],
            contact_url=CONTACT_URL,
        )
        index.add_child(instance=page)
        page.institutions.set([institutions[key] for key in content["institutions"]])
        publish(page)
        log(f"Page: {page.title}")
    return page


def load(home, log):
    """Institutions, the programme index and the five programmes, in every language."""
    english = home.locale
    institutions = load_institutions(english, log)
    index = load_index(home, log)
    programmes = {content["key"]: load_programme(index, content, institutions, log) for content in PROGRAMMES}
    for content in PROGRAMMES:
        page = programmes[content["key"]]
        if not page.related_programmes.exists():
            page.related_programmes.set([programmes[key] for key in content["related"]])
            publish(page)
        # Listing summaries repeat the summary, so they share its translation.
        translate_into_written_languages(page, translatable_text(content))
    return programmes
