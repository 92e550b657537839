"""The footer a new portal starts with: the office's name, the privacy notice (KVKK) and the
accessibility statement in four languages, for staff to complete and correct in the admin
(the postal address, telephone and email are the office's own to give). Publishers may
change them; Editors see them.

The texts describe what this software keeps and for how long with its default settings
(DJANGO_SESSION_COOKIE_AGE, DJANGO_AXES_*, the README's daily `axes_reset_logs`); an office
that changes those, or its web server's logging, changes the privacy notice with them.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

OFFICE_NAME = {
    "tr": "Dış İlişkiler Müdürlüğü",
    "en": "Foreign Relations Office",
    "kk": "Сыртқы байланыстар бөлімі",
    "ru": "Отдел внешних связей",
}

PRIVACY_TITLE = {
    "tr": "Kişisel verilerin korunması aydınlatma metni",
    "en": "Privacy notice",
    "kk": "Құпиялылық туралы хабарлама",
    "ru": "Уведомление о конфиденциальности",
}

PRIVACY_BODY = {
    "tr": """Bu metin, 6698 sayılı Kişisel Verilerin Korunması Kanunu'nun (KVKK) 10. maddesi uyarınca hazırlanmıştır. Veri sorumlusu, bu portalı işleten Belediyedir; iletişim bilgileri her sayfanın altında yer alır.

Ziyaretçiler. Genel sayfalar çerez kullanmaz, ziyaretçi istatistiği ya da reklam aracı içermez ve başka sitelerden içerik yüklemez. Portal, kimin hangi sayfayı okuduğunu kaydetmez. Portalın önündeki web sunucusu, hizmetin güvenliği için her isteğin erişim kaydını (IP adresi, zaman, istenen adres, tarayıcı) 5651 sayılı Kanun'un bu tür trafik bilgileri için öngördüğü süre boyunca (en az bir, en fazla iki yıl) saklar; süre dolunca kayıt silinir. Uygulamanın kendi hata kaydı, hata veren sayfanın adresini ziyaretçinin IP adresi olmadan tutar ve 30 gün saklanır.

Personel. Portal her personel hesabı için kullanıcı adını, adı soyadı, e-posta adresini, parolanın özetini (parolanın kendisini asla), rolleri ve son giriş zamanını, kişi portalda çalıştığı sürece saklar; kişi ayrıldığında hesap silinir. Personelin kayıtta yaptığı her değişiklik, yapanın adı ve zamanıyla kaydın geçmişi olarak saklanır: bu geçmiş, kamuya açık düzeltme kaydının parçasıdır ve kayıtla birlikte tutulur. Personel oturum çerezi tarayıcı kapanınca ya da 8 saat işlem yapılmayınca sona erer.

Giriş koruması. Parola denemelerini önlemek için portal her başarısız girişi (kullanıcı adı, IP adresi, tarayıcı, zaman) kaydeder. Bir hesap için aynı adresten beş başarısız denemeden sonra bu ikili 30 dakika kilitlenir; başarısız deneme kayıtları kilit süresi dolunca ya da başarılı bir girişte silinir. Başarısız girişler aynı bilgilerle uygulamanın 30 gün saklanan kaydına da yazılır. Başarılı giriş ve çıkışlar (kullanıcı adı, IP adresi, tarayıcı, zaman) 30 gün saklanır.

Amaç ve hukuki sebep: portalın güvenliği ve kamuya açık kaydın tutulması (KVKK md. 5/2-ç, hukuki yükümlülük; md. 5/2-f, meşru menfaat). Kişisel veriler, kanunen istemeye yetkili makamlar dışında kimseye aktarılmaz.

Haklarınız: KVKK'nın 11. maddesi uyarınca hakkınızda veri işlenip işlenmediğini öğrenebilir, verilerin düzeltilmesini ya da silinmesini isteyebilir ve işlenmesine itiraz edebilirsiniz. Başvurunuzu bu sayfanın altındaki iletişim bilgileriyle birime iletin; başvurunuz en geç 30 gün içinde ücretsiz olarak yanıtlanır.""",
    "en": """This notice is given under Article 10 of the Law on the Protection of Personal Data No. 6698 (KVKK). The data controller is the Municipality that runs this portal; its contact details are at the foot of every page.

Visitors. The public pages set no cookies, use no visitor statistics or advertising and load nothing from other sites. The portal does not record who reads which page. The web server in front of the portal keeps an access log of every request (IP address, time, address requested, browser) for the security of the service, for the period Law No. 5651 sets for such traffic records (at least one year and at most two); the log is then deleted. The application's own error log records the address of a page that failed, without the visitor's IP address, and is kept for 30 days.

Staff. For each staff account the portal keeps the user name, the person's name, email address, a hash of the password (never the password itself), the roles and the time of the last sign-in, for as long as the person works on the portal; the account is deleted when they leave. Every change staff make to the record is kept with its author's name and time as the record's history: it is part of the public record of corrections and is kept with it. A staff session cookie ends when the browser closes, or after 8 hours without activity.

Sign-in protection. To stop passwords being guessed, the portal records each failed sign-in (user name, IP address, browser, time). After five failures for one account from one address, that pair is locked out for 30 minutes; the records of failed attempts are deleted once the lock-out has passed or at a successful sign-in. Failed sign-ins are also written, with the same details, to the application's log, which is kept for 30 days. Successful sign-ins and sign-outs (user name, IP address, browser, time) are kept for 30 days.

Purpose and legal basis: the security of the portal and the keeping of the public record (KVKK Article 5(2)(ç), a legal obligation; Article 5(2)(f), legitimate interest). Personal data are passed to no one but the authorities entitled by law to ask for them.

Your rights: under Article 11 of the KVKK you may ask whether data about you are processed, ask for them to be corrected or deleted, and object to their processing. Write to the office using the contact details at the foot of this page; your application is answered free of charge within 30 days at the latest.""",
    "kk": """Бұл хабарлама Түркия Республикасының «Дербес деректерді қорғау туралы» № 6698 Заңының (KVKK) 10-бабына сәйкес берілген. Деректер операторы — осы порталды жүргізетін муниципалитет; оның байланыс деректері әр беттің төменгі жағында көрсетілген.

Келушілер. Жалпыға ашық беттер cookie файлдарын орнатпайды, келушілер статистикасы мен жарнаманы қолданбайды және басқа сайттардан ештеңе жүктемейді. Портал кімнің қай бетті оқығанын жазбайды. Порталдың алдындағы веб-сервер қызметтің қауіпсіздігі үшін әр сұраудың журналын (IP мекенжайы, уақыты, сұралған мекенжай, браузер) № 5651 Заң мұндай трафик деректеріне белгілеген мерзім бойы (кемінде бір, ең көбі екі жыл) сақтайды, содан кейін журнал жойылады. Қосымшаның өз қателер журналы қате болған беттің мекенжайын келушінің IP мекенжайынсыз жазады және 30 күн сақталады.

Қызметкерлер. Портал әр қызметкер тіркелгісі үшін пайдаланушы атын, аты-жөнін, электрондық пошта мекенжайын, құпиясөздің хэшін (құпиясөздің өзін ешқашан емес), рөлдерін және соңғы кіру уақытын адам порталда жұмыс істеген кезде сақтайды; ол кеткенде тіркелгі жойылады. Қызметкерлердің жазбаға енгізген әр өзгерісі авторының аты мен уақытымен жазбаның тарихы ретінде сақталады: ол түзетулердің жария тізілімінің бөлігі және жазбамен бірге сақталады. Қызметкердің сеанс cookie файлы браузер жабылғанда немесе 8 сағат әрекетсіздіктен кейін аяқталады.

Кіруді қорғау. Құпиясөздерді таңдап табуға жол бермеу үшін портал әр сәтсіз кіруді (пайдаланушы аты, IP мекенжайы, браузер, уақыты) жазады. Бір тіркелгі үшін бір мекенжайдан бес сәтсіз әрекеттен кейін бұл жұп 30 минутқа бұғатталады; сәтсіз әрекеттердің жазбалары бұғаттау мерзімі өткенде немесе сәтті кіргенде жойылады. Сәтсіз кірулер сол деректерімен қосымшаның 30 күн сақталатын журналына да жазылады. Сәтті кірулер мен шығулар (пайдаланушы аты, IP мекенжайы, браузер, уақыты) 30 күн сақталады.

Мақсаты және құқықтық негізі: порталдың қауіпсіздігі және жария жазбаны жүргізу (KVKK 5-бабы 2-тармағының (ç) тармақшасы — заңды міндет; (f) тармақшасы — заңды мүдде). Дербес деректер заң бойынша оларды сұрауға құқылы органдардан басқа ешкімге берілмейді.

Сіздің құқықтарыңыз: KVKK-ның 11-бабына сәйкес сіз туралы деректердің өңделетін-өңделмейтінін біле аласыз, оларды түзетуді немесе жоюды талап ете аласыз және оларды өңдеуге қарсылық білдіре аласыз. Осы беттің төменгі жағындағы байланыс деректері арқылы бөлімге жазыңыз; өтінішіңізге тегін, 30 күннен кешіктірілмей жауап беріледі.""",
    "ru": """Это уведомление дано в соответствии со статьёй 10 Закона Турецкой Республики № 6698 «О защите персональных данных» (KVKK). Оператор данных — муниципалитет, который ведёт этот портал; его контакты указаны внизу каждой страницы.

Посетители. Общедоступные страницы не устанавливают файлы cookie, не используют статистику посещений и рекламу и ничего не загружают с других сайтов. Портал не записывает, кто какую страницу читает. Веб-сервер перед порталом ради безопасности сервиса ведёт журнал всех запросов (IP-адрес, время, запрошенный адрес, браузер) в течение срока, который Закон № 5651 устанавливает для таких данных о трафике (не менее одного и не более двух лет), после чего журнал удаляется. Собственный журнал ошибок приложения записывает адрес страницы, на которой произошла ошибка, без IP-адреса посетителя и хранится 30 дней.

Сотрудники. Для каждой учётной записи сотрудника портал хранит имя пользователя, имя и фамилию, адрес электронной почты, хеш пароля (но никогда сам пароль), роли и время последнего входа — пока человек работает с порталом; при его уходе учётная запись удаляется. Каждое изменение, внесённое сотрудниками в запись, хранится с именем автора и временем как история записи: она входит в публичный журнал исправлений и хранится вместе с записью. Сеансовый файл cookie сотрудника действует до закрытия браузера или до 8 часов без активности.

Защита входа. Чтобы пароли нельзя было подобрать, портал записывает каждую неудачную попытку входа (имя пользователя, IP-адрес, браузер, время). После пяти неудачных попыток для одной учётной записи с одного адреса эта пара блокируется на 30 минут; записи о неудачных попытках удаляются по окончании блокировки или при успешном входе. Неудачные попытки с теми же данными записываются и в журнал приложения, который хранится 30 дней. Успешные входы и выходы (имя пользователя, IP-адрес, браузер, время) хранятся 30 дней.

Цель и правовое основание: безопасность портала и ведение публичной записи (KVKK, ст. 5(2)(ç) — исполнение правовой обязанности; ст. 5(2)(f) — законный интерес). Персональные данные никому не передаются, кроме органов, которым закон даёт право их запрашивать.

Ваши права: по статье 11 KVKK вы можете узнать, обрабатываются ли данные о вас, потребовать их исправления или удаления и возразить против их обработки. Напишите в отдел по контактам внизу этой страницы; на ваше обращение ответят бесплатно не позднее чем через 30 дней.""",
}

ACCESSIBILITY_TITLE = {
    "tr": "Erişilebilirlik beyanı",
    "en": "Accessibility statement",
    "kk": "Қолжетімділік туралы мәлімдеме",
    "ru": "Заявление о доступности",
}

ACCESSIBILITY_BODY = {
    "tr": """Belediye, bu portalı herkesin kullanabilmesini istiyor. Portal, Web İçeriği Erişilebilirlik Yönergeleri'nin (WCAG) 2.2 sürümünün AA düzeyini karşılamayı hedefler.

Nasıl denetleniyor: Her sayfa türü, her sürümden önce Türkçe, İngilizce, Kazakça ve Rusça olarak axe erişilebilirlik denetimi ve Nu HTML Denetleyicisi ile sınanır. Sayfalar JavaScript olmadan, yalnızca klavyeyle ve 320 piksel genişliğindeki ekranlarda çalışır ve menüler olmadan yazdırılır. Her fotoğrafın metin açıklaması vardır; partner haritası ayrıca tablo olarak verilir; sayfanın dilinden başka bir dilde gösterilen metinler bu şekilde işaretlenir.

Bilinen sınırlamalar: Taranmış protokol belgeleri imzalı kâğıdın görüntüsüdür ve ekran okuyucuyla okunamaz; metnini isterseniz size göndeririz. Bazı fotoğraf açıklamaları henüz her dilde yazılmamıştır.

Sorun bildirin: Portalda sizin için çalışmayan bir şey varsa hangi sayfada ve neyin yanlış gittiğini aşağıdaki ya da her sayfanın altındaki iletişim bilgileriyle bize bildirin. 15 iş günü içinde yanıt veririz. Yanıtımız sizi tatmin etmezse Cumhurbaşkanlığı İletişim Merkezi'ne (CİMER, www.cimer.gov.tr) başvurabilirsiniz.""",
    "en": """The Municipality wants everyone to be able to use this portal. The portal aims to meet level AA of the Web Content Accessibility Guidelines (WCAG) 2.2.

How it is checked: before every release each type of page is tested in Turkish, English, Kazakh and Russian with the axe accessibility audit and the Nu HTML Checker. The pages work without JavaScript, with the keyboard alone and on screens 320 pixels wide, and they print without menus. Every photo has a text description; the partner map is also given as a table; text shown in another language than the page's is marked as such.

Known limitations: scanned protocol documents are pictures of the signed paper and cannot be read by a screen reader; ask for their text and we will send it. Some descriptions of photos are not yet written in every language.

Report a problem: if something on the portal does not work for you, tell us on which page and what went wrong, using the contact details below or at the foot of every page. We answer within 15 working days. If our answer does not satisfy you, you may apply to the Presidential Communication Centre (CİMER, www.cimer.gov.tr).""",
    "kk": """Муниципалитет бұл порталды әркім пайдалана алғанын қалайды. Портал Веб-мазмұн қолжетімділігі жөніндегі нұсқаулықтың (WCAG) 2.2 нұсқасының AA деңгейіне сай болуды көздейді.

Қалай тексеріледі: әр шығарылым алдында беттердің әр түрі түрік, ағылшын, қазақ және орыс тілдерінде axe қолжетімділік аудитімен және Nu HTML Checker валидаторымен тексеріледі. Беттер JavaScript-сіз, тек пернетақтамен және ені 320 пиксель экрандарда жұмыс істейді, мәзірсіз басып шығарылады. Әр фотосуреттің мәтіндік сипаттамасы бар; серіктестер картасы кесте түрінде де берілген; бет тілінен басқа тілде көрсетілген мәтін соған сай белгіленген.

Белгілі шектеулер: хаттамалардың сканерленген құжаттары — қол қойылған қағаздың суреттері, оларды экраннан оқу бағдарламасы оқи алмайды; мәтінін сұрасаңыз, жібереміз. Кейбір фотосурет сипаттамалары әзірге барлық тілде жазылмаған.

Мәселе туралы хабарлаңыз: порталда бірдеңе сіз үшін жұмыс істемесе, қай бетте және не дұрыс болмағанын төмендегі немесе әр беттің төменгі жағындағы байланыс деректері арқылы бізге жазыңыз. Біз 15 жұмыс күні ішінде жауап береміз. Жауабымыз сізді қанағаттандырмаса, Түркия Президентінің Коммуникация орталығына (CİMER, www.cimer.gov.tr) жүгіне аласыз.""",
    "ru": """Муниципалитет хочет, чтобы этим порталом мог пользоваться каждый. Портал стремится соответствовать уровню AA Руководства по обеспечению доступности веб-контента (WCAG) 2.2.

Как это проверяется: перед каждым выпуском каждый тип страниц проверяется на турецком, английском, казахском и русском языках аудитом доступности axe и валидатором Nu HTML Checker. Страницы работают без JavaScript, только с клавиатуры и на экранах шириной 320 пикселей и печатаются без меню. У каждой фотографии есть текстовое описание; карта партнёров дана также в виде таблицы; текст на другом языке, чем язык страницы, отмечен как таковой.

Известные ограничения: отсканированные документы протоколов — это изображения подписанной бумаги, и программа чтения с экрана не может их прочитать; попросите их текст, и мы его пришлём. Некоторые описания фотографий пока написаны не на всех языках.

Сообщите о проблеме: если что-то на портале у вас не работает, напишите нам, на какой странице и что пошло не так, по контактам ниже или внизу каждой страницы. Мы отвечаем в течение 15 рабочих дней. Если наш ответ вас не устроит, вы можете обратиться в Коммуникационный центр Администрации Президента Турции (CİMER, www.cimer.gov.tr).""",
}

NOTICES = {
    "privacy": (PRIVACY_TITLE, PRIVACY_BODY),
    "accessibility": (ACCESSIBILITY_TITLE, ACCESSIBILITY_BODY),
}
DEFAULT_LANGUAGE = "tr"


def translated(field: str, texts: dict[str, str]) -> dict[str, str]:
    """name_tr, name_en… and the untranslated column, which holds the default language."""
    return {field: texts[DEFAULT_LANGUAGE], **{f"{field}_{lang}": text for lang, text in texts.items()}}


def create_defaults(apps, schema_editor):
    """The office and both notices where they are missing, and the roles' rights on them."""
    using = schema_editor.connection.alias
    Office = apps.get_model("public", "Office")
    Notice = apps.get_model("public", "Notice")
    Office.objects.using(using).get_or_create(id=1, defaults=translated("name", OFFICE_NAME))
    for kind, (title, body) in NOTICES.items():
        Notice.objects.using(using).get_or_create(
            kind=kind, defaults={**translated("title", title), **translated("body", body)}
        )
    grant_roles(apps, using)


def grant_roles(apps, using):
    app_config = apps.get_app_config("public")
    app_config.models_module = True  # create_permissions skips apps without models
    create_permissions(app_config, verbosity=0, apps=apps, using=using)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    rights = {"Publisher": ("view", "change"), "Editor": ("view",)}
    for group in Group.objects.using(using).filter(name__in=rights):
        group.permissions.add(
            *Permission.objects.using(using).filter(
                content_type__app_label="public",
                codename__in=[
                    f"{action}_{model}" for action in rights[group.name] for model in ("office", "notice")
                ],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("public", "0001_initial"),
        ("sistercities", "0002_staff_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
