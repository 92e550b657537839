"""The portal's first real record: Osmangazi – Kapchagay and the visit of 24 August 2019.

Every fact comes from the news report in `data/osmangazi-kapchagay-visit-2019.txt`
(published by the Union of Turkish World Municipalities, TDBB) or is well-known public
knowledge: the 2022 rename of Kapchagay to Konaev, regions, coordinates (as geocoded in
`data/twin_cities.csv`), the correct spelling of the "Atameken" chamber (the report writes
"Atamekan") and the organisations' websites. The news item is dated 24 August 2019, the
day of the visit: the report's original publication. What the report does not say stays
unknown: the protocol's date and place of signing, the date the relationship became active,
the news item's address.

A translated field is given as {language: text}; a language left out is left alone, so staff
may add it in the admin and a later run keeps it. Objects refer to each other by the keys of
these dictionaries (slugs, where the model has one).
"""

import datetime

CITIES = {
    "osmangazi": {
        "name": {"tr": "Osmangazi", "en": "Osmangazi", "kk": "Османғази", "ru": "Османгази"},
        "country": "TR",
        "region": {"tr": "Bursa", "en": "Bursa", "kk": "Бурса", "ru": "Бурса"},
        "latitude": "40.19830",
        "longitude": "29.06000",
        "website": "https://www.osmangazi.bel.tr/",
        "description": {
            "tr": "Bursa'nın merkez ilçelerinden biri.",
            "en": "One of the central districts of Bursa, Türkiye.",
        },
    },
    "konaev": {
        "name": {"tr": "Konaev", "en": "Konaev", "kk": "Қонаев", "ru": "Конаев"},
        "country": "KZ",
        "region": {
            "tr": "Almatı ili",
            "en": "Almaty Region",
            "kk": "Алматы облысы",
            "ru": "Алматинская область",
        },
        "latitude": "43.85520",
        "longitude": "77.06150",
        "description": {
            "tr": "Almatı ilinde bir şehir; 2022'ye kadar adı Kapçağay'dı.",
            "en": "A city in the Almaty Region of Kazakhstan, called Kapchagay until 2022.",
        },
    },
}

# Keyed by (city, year the name was given up).
FORMER_CITY_NAMES = {
    ("konaev", 2022): {
        "name": {"tr": "Kapçağay", "en": "Kapchagay", "kk": "Қапшағай", "ru": "Капчагай"},
    },
}

ORGANISATIONS = {
    "osmangazi-municipality": {
        "name": {
            "tr": "Osmangazi Belediyesi",
            "en": "Osmangazi Municipality",
            "kk": "Османғази муниципалитеті",
            "ru": "Муниципалитет Османгази",
        },
        "city": "osmangazi",
        "website": "https://www.osmangazi.bel.tr/",
    },
    "tdbb": {
        "name": {
            "tr": "Türk Dünyası Belediyeler Birliği",
            "en": "Union of Turkish World Municipalities",
            "kk": "Түркі әлемі муниципалитеттерінің одағы",
            "ru": "Союз муниципалитетов тюркского мира",
        },
        "short_name": {"tr": "TDBB", "en": "TDBB"},
        "website": "https://www.tdbb.org.tr/",
    },
    "btso": {
        "name": {
            "tr": "Bursa Ticaret ve Sanayi Odası",
            "en": "Bursa Chamber of Commerce and Industry",
            "kk": "Бурса сауда-өнеркәсіп палатасы",
            "ru": "Торгово-промышленная палата Бурсы",
        },
        "short_name": {"tr": "BTSO", "en": "BTSO"},
        "website": "https://www.btso.org.tr/",
    },
    "kapchagay-municipality": {
        # Named as it was at the time of the visit.
        "name": {
            "tr": "Kapçağay Belediyesi",
            "en": "Kapchagay Municipality",
            "kk": "Қапшағай қаласының әкімдігі",
            "ru": "Акимат города Капчагай",
        },
        "city": "konaev",
    },
    "atameken": {
        "name": {
            "tr": 'Kazakistan "Atameken" Ulusal Girişimciler Odası',
            "en": '"Atameken" National Chamber of Entrepreneurs of Kazakhstan',
            "kk": "Қазақстан Республикасының «Атамекен» ұлттық кәсіпкерлер палатасы",
            "ru": "Национальная палата предпринимателей Республики Казахстан «Атамекен»",
        },
        "website": "https://atameken.kz/",
    },
}

PEOPLE = {
    "mustafa-dundar": {
        "name": {
            "tr": "Mustafa Dündar",
            "en": "Mustafa Dündar",
            "kk": "Мұстафа Дүндар",
            "ru": "Мустафа Дюндар",
        },
    },
    "ismail-kus": {
        "name": {"tr": "İsmail Kuş", "en": "İsmail Kuş", "kk": "Исмаил Куш", "ru": "Исмаил Куш"},
    },
    "murat-beyazit": {
        "name": {
            "tr": "Murat Beyazıt",
            "en": "Murat Beyazıt",
            "kk": "Мұрат Беязыт",
            "ru": "Мурат Беязыт",
        },
    },
    "ermek-kozhahmetov": {
        "name": {
            "tr": "Ermek Kozhahmetov",
            "en": "Ermek Kozhahmetov",
            "kk": "Ермек Қожахметов",
            "ru": "Ермек Кожахметов",
        },
    },
}

COOPERATION_AREAS = {
    "culture": {"name": {"tr": "Kültür", "en": "Culture", "kk": "Мәдениет", "ru": "Культура"}},
    "economy": {"name": {"tr": "Ekonomi", "en": "Economy", "kk": "Экономика", "ru": "Экономика"}},
}

# Keyed by (title, publisher). The stored copy of the report has no headline and its address
# is not known: the title describes it, the address stays empty.
SOURCE_KEY = (
    "Mayor of Osmangazi Mustafa Dündar visits sister city Kapchagay",
    "Union of Turkish World Municipalities (TDBB)",
)
SOURCES = {
    SOURCE_KEY: {
        "language": "en",
        "published_on": "2019-08-24",
        "note": {
            "tr": "Ziyaretin haber metni (İngilizce). Saklanan kopyada başlık yok; bu başlık "
            "metni tanımlar. Adresi bilinmiyor.",
            "en": "News report of the visit, in English. The stored copy has no headline; "
            "this title describes it. Its address is not known.",
        },
    },
}

RELATIONSHIPS = {
    "osmangazi-kapchagay": {
        "home_city": "osmangazi",
        "partner_city": "konaev",
        "kind": "sister_city",
        "established_on": "",
        "summary": {
            "tr": "Osmangazi ile Kapçağay (bugün Konaev) arasındaki kardeş şehir ilişkisi; "
            "iki şehir kardeş şehir protokolü çerçevesinde ekonomik ve kültürel alanda "
            "işbirliği yapıyor.",
            "en": "The sister-city relationship of Osmangazi and Kapchagay (today Konaev); "
            "within their sister-city protocol the two cities cooperate in economy and "
            "culture.",
        },
        "areas": ["culture", "economy"],
        "sources": [SOURCE_KEY],
    },
}

# Keyed by (relationship, status, date); "" is an unknown date.
STATUS_CHANGES = {
    ("osmangazi-kapchagay", "active", ""): {
        "note": {
            "tr": "2019 raporuna göre ilişki bir kardeş şehir protokolüne dayanıyor ve "
            "sürüyor; ne zaman başladığı bilinmiyor.",
            "en": "The 2019 report shows the relationship in force under a sister-city "
            "protocol; when it began is not known.",
        },
        "sources": [SOURCE_KEY],
    },
}

PROTOCOLS = {
    "osmangazi-kapchagay-sister-city-protocol": {
        "relationship": "osmangazi-kapchagay",
        "kind": "sister_city",
        "title": {
            "tr": "Osmangazi–Kapçağay kardeş şehir protokolü",
            "en": "Osmangazi–Kapchagay sister-city protocol",
            "kk": "Османғази–Қапшағай бауырлас қалалар хаттамасы",
            "ru": "Протокол о побратимстве Османгази–Капчагай",
        },
        "signed_on": "",
        "summary": {
            "tr": "2019 raporunda anılan kardeş şehir protokolü. İmza tarihi ve yeri bilinmiyor.",
            "en": "The sister-city protocol the 2019 report refers to. Its date and place of "
            "signing are not known.",
        },
        "sources": [SOURCE_KEY],
    },
}

# Keyed by the English name.
EVENTS = {
    "8th International Altaic Community Symposium": {
        "name": {
            "tr": "8. Uluslararası Altay Topluluğu Sempozyumu",
            "kk": "8-ші Халықаралық Алтай қауымдастығы симпозиумы",
            "ru": "8-й Международный симпозиум Алтайского сообщества",
        },
        "place": {"tr": "Bişkek", "en": "Bishkek", "kk": "Бішкек", "ru": "Бишкек"},
        "country": "KG",
        "start_date": "2019-08-19",
        "end_date": "2019-08-23",
    },
}

VISIT_SLUG = "osmangazi-delegation-in-kapchagay-2019"
VISITS = {
    VISIT_SLUG: {
        "relationship": "osmangazi-kapchagay",
        "direction": "outgoing",
        "title": {
            "tr": "Osmangazi heyeti kardeş şehir Kapçağay'da",
            "en": "Osmangazi delegation visits sister city Kapchagay",
            "kk": "Османғази делегациясы бауырлас Қапшағай қаласында",
            "ru": "Делегация Османгази посетила город-побратим Капчагай",
        },
        "start_date": "2019-08-24",
        "end_date": "2019-08-24",
        "places": {
            "tr": "Kapçağay, Almatı ili, Kazakistan",
            "en": "Kapchagay, Almaty Region, Kazakhstan",
            "kk": "Қапшағай, Алматы облысы, Қазақстан",
            "ru": "Капчагай, Алматинская область, Казахстан",
        },
        "purpose": {
            "tr": "Türkiye ile Türk cumhuriyetleri arasındaki kardeşliği geliştirmek ve kardeş "
            "şehir Kapçağay ile ilişkileri canlandırmak.",
            "en": "To improve the brotherhood between Türkiye and the Turkic republics and to "
            "make the sisterhood with Kapchagay more active.",
        },
        "summary": {
            "tr": "Osmangazi Belediye Başkanı Mustafa Dündar, Bişkek'teki 8. Uluslararası Altay "
            "Topluluğu Sempozyumu'nun ardından BTSO heyetiyle birlikte 24 Ağustos 2019'da "
            "kardeş şehir Kapçağay'ı ziyaret etti.",
            "en": "After the 8th International Altaic Community Symposium in Bishkek, Mayor of "
            "Osmangazi Mustafa Dündar and a BTSO delegation visited the sister city "
            "Kapchagay on 24 August 2019.",
        },
        "report": {
            "tr": (
                "Osmangazi Belediye Başkanı ve Türk Dünyası Belediyeler Birliği (TDBB) Yönetim "
                "Kurulu Üyesi Mustafa Dündar, 19–23 Ağustos 2019'da Kırgızistan'ın başkenti "
                "Bişkek'te düzenlenen 8. Uluslararası Altay Topluluğu Sempozyumu'na katıldı ve "
                "konuşmasında birlik ve dayanışmayı vurguladı. Ardından Türkiye ile Türk "
                "cumhuriyetleri arasındaki kardeşliği geliştirmek için Kazakistan'a geçti.\n\n"
                "Başkan Dündar ve heyetindeki BTSO Başkanı İsmail Kuş ile yardımcısı Murat "
                "Beyazıt, 24 Ağustos 2019'da Kapçağay'da ilk olarak kardeş şehir Kapçağay "
                "Belediyesi'ni ziyaret etti. Heyeti Kapçağay Belediye Başkan Yardımcısı Ermek "
                "Kozhahmetov ağırladı. Dündar, Osmangazi ile Kapçağay arasındaki kardeşliğin "
                "önemini vurguladı; iki şehir arasındaki karşılıklı ziyaretlerin iki ülkenin "
                "kültürel, sosyal ve ekonomik ilişkilerini güçlendirmek için önemli olduğunu "
                "söyledi.\n\n"
                'Heyetin ikinci ziyareti "Atameken" Ulusal Girişimciler Odası\'na oldu. '
                "Görüşmede Kazakistan'daki yatırım fırsatları, turizmi geliştirme olanakları "
                "ve Bursa ile Kazakistan arasındaki iş ve yatırım fırsatları ele alındı.\n\n"
                "Dündar, Kazakistan'ın bağımsızlığını ilk tanıyan ülkenin Türkiye olduğunu "
                "hatırlattı ve Kazakistan'ın bölgede ülkemizin en önemli siyasi ve ekonomik "
                "ortaklarından biri olduğunu söyledi."
            ),
            "en": (
                "Mayor of Osmangazi and member of the Administrative Board of the Union of "
                "Turkish World Municipalities (TDBB) Mustafa Dündar attended the 8th "
                "International Altaic Community Symposium in Bishkek, Kyrgyzstan, on 19–23 "
                "August 2019, where he spoke of unity and solidarity. He then went on to "
                "Kazakhstan to improve the brotherhood between Türkiye and the Turkic "
                "republics.\n\n"
                "On 24 August 2019 Mayor Dündar and his delegation, Head of BTSO İsmail Kuş "
                "and his deputy Murat Beyazıt, first called on Kapchagay Municipality, where "
                "Deputy Mayor Ermek Kozhahmetov hosted them. Dündar "
                "underlined the importance of the sisterhood between Osmangazi and Kapchagay "
                "and said that visits between the two cities matter for the cultural, social "
                "and economic relations of the two countries.\n\n"
                'The delegation\'s second visit was to the "Atameken" National Chamber of '
                "Entrepreneurs, where investment opportunities in Kazakhstan, the development "
                "of tourism, and business and investment between Bursa and Kazakhstan were "
                "discussed.\n\n"
                "Dündar recalled that Türkiye was the first country to recognise Kazakhstan's "
                "independence and said that Kazakhstan has become one of his country's most "
                "important political and economic partners in the region."
            ),
        },
        "related_event": "8th International Altaic Community Symposium",
        "status": "published",
        # The news item's day; the portal's own publication is when the record is loaded.
        "originally_published_on": datetime.date(2019, 8, 24),
        "sources": [SOURCE_KEY],
    },
}

# Keyed by (visit, person); titles as the people held them at the time of the visit.
DELEGATION_MEMBERS = {
    (VISIT_SLUG, "mustafa-dundar"): {
        "order": 1,
        "role": {
            "tr": "Heyet başkanı",
            "en": "Head of delegation",
            "kk": "Делегация басшысы",
            "ru": "Глава делегации",
        },
        "title": {
            "tr": "Osmangazi Belediye Başkanı ve Türk Dünyası Belediyeler Birliği (TDBB) "
            "Yönetim Kurulu Üyesi",
            "en": "Mayor of Osmangazi and member of the Administrative Board of the Union of "
            "Turkish World Municipalities (TDBB)",
            "kk": "Османғази әкімі, Түркі әлемі муниципалитеттерінің одағы (TDBB) басқарма мүшесі",
            "ru": "Мэр Османгази, член правления Союза муниципалитетов тюркского мира (TDBB)",
        },
        "organisation": "osmangazi-municipality",
    },
    (VISIT_SLUG, "ismail-kus"): {
        "order": 2,
        "role": {
            "tr": "Heyet üyesi",
            "en": "Member of the delegation",
            "kk": "Делегация мүшесі",
            "ru": "Член делегации",
        },
        "title": {
            "tr": "BTSO Başkanı",
            "en": "Head of BTSO",
            "kk": "BTSO басшысы",
            "ru": "Глава BTSO",
        },
        "organisation": "btso",
    },
    (VISIT_SLUG, "murat-beyazit"): {
        "order": 3,
        "role": {
            "tr": "Heyet üyesi",
            "en": "Member of the delegation",
            "kk": "Делегация мүшесі",
            "ru": "Член делегации",
        },
        "title": {
            "tr": "BTSO Başkan Yardımcısı",
            "en": "Deputy Head of BTSO",
            "kk": "BTSO басшысының орынбасары",
            "ru": "Заместитель главы BTSO",
        },
        "organisation": "btso",
    },
}

# Keyed by (visit, order).
MEETINGS = {
    (VISIT_SLUG, 1): {
        "date": "2019-08-24",
        "organisation": "kapchagay-municipality",
        "host": "ermek-kozhahmetov",
        "host_title": {
            "tr": "Kapçağay Belediye Başkan Yardımcısı",
            "en": "Deputy Mayor of Kapchagay",
            "kk": "Қапшағай қаласы әкімінің орынбасары",
            "ru": "Заместитель акима города Капчагай",
        },
        "topics": {
            "tr": "Osmangazi ile Kapçağay arasındaki kardeşliğin önemi; iki şehir arasındaki "
            "karşılıklı ziyaretlerin iki ülkenin kültürel, sosyal ve ekonomik ilişkilerini "
            "güçlendirmedeki rolü.",
            "en": "The importance of the sisterhood between Osmangazi and Kapchagay; bilateral "
            "visits between the two cities to boost the cultural, social and economic "
            "relations of the two countries.",
        },
    },
    (VISIT_SLUG, 2): {
        "date": "2019-08-24",
        "organisation": "atameken",
        "topics": {
            "tr": "Kazakistan'daki yatırım fırsatları; turizmi geliştirme olanakları; Bursa ile "
            "Kazakistan arasındaki iş ve yatırım fırsatları.",
            "en": "Investment opportunities in Kazakhstan; tourism development opportunities; "
            "business and investment opportunities between Bursa and Kazakhstan.",
        },
    },
}

# Keyed by (visit, order). The English is the report's, word for word; the Turkish is our
# translation of it.
QUOTES = {
    (VISIT_SLUG, 1): {
        "speaker": "mustafa-dundar",
        "text": {
            "en": (
                "Our common culture, history and values were very important in our rapidly "
                "developing relations of Kazakhstan and Turkey. After the independence of "
                "Kazakhstan, our relationship and the general framework of our cooperation "
                "were shaped with a few protocols and agreements. As a result of the level of "
                "political relations between our country and Kazakhstan, Kazakhstan has "
                "become one of the most important political and economic partners of our "
                "country in the region. As Osmangazi Municipality, we are preceding works to "
                "strengthen our relations between our country and Kazakhstan. We are making "
                "economic and cultural cooperations with Kapchagay Municipality within the "
                "framework of our sister city protocol."
            ),
            "tr": (
                "Ortak kültürümüz, tarihimiz ve değerlerimiz, Kazakistan ile Türkiye'nin hızla "
                "gelişen ilişkilerinde çok önemli oldu. Kazakistan'ın bağımsızlığından sonra "
                "ilişkilerimiz ve işbirliğimizin genel çerçevesi birkaç protokol ve anlaşmayla "
                "şekillendi. Ülkemiz ile Kazakistan arasındaki siyasi ilişkilerin düzeyi "
                "sayesinde Kazakistan, bölgede ülkemizin en önemli siyasi ve ekonomik "
                "ortaklarından biri haline geldi. Osmangazi Belediyesi olarak ülkemiz ile "
                "Kazakistan arasındaki ilişkileri güçlendirmek için çalışmalar yürütüyoruz. "
                "Kardeş şehir protokolümüz çerçevesinde Kapçağay Belediyesi ile ekonomik ve "
                "kültürel işbirlikleri yapıyoruz."
            ),
        },
    },
}
