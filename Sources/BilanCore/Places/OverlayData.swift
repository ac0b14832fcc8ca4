// HAND-KEPT: edit this file by hand (it is not generated). Check it with
// `python3 scripts/check_overlay.py` after every change.

/// Hand-kept corrections and additions over GeoNames (GeoNamesData.swift).
///
/// One entry a line, 12 tab-separated columns:
///
///     key  name  kind  parent  country  front  lat  lon  population  admin1  stems  aliases
///
/// - `key`: `gn:<geonameid>` amends that GeoNames place; any other key (`oblast:ua-donetsk`,
///   `oblast:ru-kursk`, `region:crimea`, `region:donbas`, `village:robotyne`,
///   `direction:pokrovsk`, …) adds a place that GeoNames lacks.
/// - On a `gn:` row an empty column keeps the GeoNames value. A `name` replaces GeoNames'
///   name as the canonical name (the old name stays an alias); `aliases` and `stems` add to
///   what GeoNames has.
/// - `kind`: city, town, village, oblast, region or direction. GeoNames places get city
///   (population ≥ 100000), town (≥ 10000) or village at run time; set it on a `gn:` row
///   only to override that.
/// - `parent`: key of the containing place (`oblast:ua-donetsk`); empty for oblasts and
///   regions. GeoNames places get their parent from `admin1` (below) unless set here.
/// - `country`: UA or RU (Crimea, Donbas and occupied places are UA).
/// - `front`: `1` for front-line places, empty otherwise.
/// - `lat`, `lon`: decimal degrees, at most 4 decimals; `population`: may be empty. Oblasts
///   and regions carry the coordinates of their capital; villages added here carry
///   approximate coordinates (to about 1 km).
/// - `admin1`: only on oblast and region rows: the GeoNames admin1 code(s) the row stands
///   for (`UA.05`, several separated by `|`); every GeoNames place with that code gets
///   this row as its parent. Every UA and RU code in GeoNamesData maps to exactly one row
///   (Sevastopol, `UA.20`, goes with Crimea; Kyiv city, Moscow and Saint Petersburg, whose
///   codes are not part of an oblast, have their own region rows).
/// - `stems`: only on oblast and direction rows: bare forms of the name in English,
///   French, Ukrainian and Russian (`Kursk|Koursk|Курськ|Курск`), `|`-separated. The loader
///   expands them into the region or direction forms ("région de S", "oblast de S",
///   "S region", "S Oblast", "direction de S", "S direction", "S направление", …); the
///   expansions are not listed here. A stem alone is not a name of the row ("Koursk" is
///   the city, "région de Koursk" is Kursk Oblast).
/// - `aliases`: other full names, `|`-separated, matched as written, case- and
///   accent-insensitively. An alias written all in lower case (`la capitale`) is matched
///   in lower-case text too; any other needs a capital letter in the text.
enum OverlayData {
    static let tsv = #"""
oblast:ua-cherkasy	Cherkasy Oblast	oblast		UA		49.4445	32.0574		UA.01	Cherkasy|Tcherkassy|Cherkassy|Черкаси|Черкассы	Cherkaska oblast|Черкаська область|Черкасская область|Cherkashchyna|Черкащина
oblast:ua-chernihiv	Chernihiv Oblast	oblast		UA		51.5054	31.2866		UA.02	Chernihiv|Tchernihiv|Chernigov|Tchernigov|Чернігів|Чернигов	Chernihivska oblast|Чернігівська область|Черниговская область|Chernihivshchyna|Tchernihivchtchyna|Чернігівщина
oblast:ua-chernivtsi	Chernivtsi Oblast	oblast		UA		48.2904	25.9324		UA.03	Chernivtsi|Tchernivtsi|Chernovtsy|Tchernovtsy|Чернівці|Черновцы	Chernivetska oblast|Чернівецька область|Черновицкая область|Bukovyna|Bucovine|Bukovina|Буковина
oblast:ua-dnipropetrovsk	Dnipropetrovsk Oblast	oblast		UA		48.4666	35.0407		UA.04	Dnipropetrovsk|Dniepropetrovsk|Dnipro|Дніпропетровськ|Днепропетровск	Dnipropetrovska oblast|Дніпропетровська область|Днепропетровская область|Dnipropetrovshchyna|Dnipropetrovchtchyna|Дніпропетровщина|Дніпровщина
oblast:ua-donetsk	Donetsk Oblast	oblast		UA		48.023	37.8022		UA.05	Donetsk|Donietsk|Донецьк|Донецк	Donetska oblast|Donetskaya oblast|Донецька область|Донецкая область|Donechchyna|Donechchina|Donetchina|Donetchtchyna|Донеччина
oblast:ua-ivano-frankivsk	Ivano-Frankivsk Oblast	oblast		UA		48.9231	24.7125		UA.06	Ivano-Frankivsk|Ivano-Frankovsk|Івано-Франківськ|Ивано-Франковск	Ivano-Frankivska oblast|Івано-Франківська область|Ивано-Франковская область|Prykarpattia|Прикарпаття
oblast:ua-kharkiv	Kharkiv Oblast	oblast		UA		49.9818	36.2548		UA.07	Kharkiv|Kharkov|Харків|Харьков	Kharkivska oblast|Kharkovskaya oblast|Харківська область|Харьковская область|Kharkivshchyna|Kharkivchtchyna|Харківщина
oblast:ua-kherson	Kherson Oblast	oblast		UA		46.6369	32.6146		UA.08	Kherson|Херсон	Khersonska oblast|Херсонська область|Херсонская область|Khersonshchyna|Khersonchtchyna|Херсонщина
oblast:ua-khmelnytskyi	Khmelnytskyi Oblast	oblast		UA		49.4183	26.9794		UA.09	Khmelnytskyi|Khmelnytskyy|Khmelnytsky|Khmelnitski|Khmelnitsky|Хмельницький|Хмельницкий	Khmelnytska oblast|Хмельницька область|Хмельницкая область|Khmelnychchyna|Хмельниччина
oblast:ua-kirovohrad	Kirovohrad Oblast	oblast		UA		48.5083	32.2662		UA.10	Kirovohrad|Kirovograd|Kropyvnytskyi|Kropyvnytskyï|Кіровоград|Кировоград|Кропивницький	Kirovohradska oblast|Кіровоградська область|Кировоградская область|Kirovohradshchyna|Кіровоградщина
region:crimea	Crimea	region		UA		44.9572	34.1108		UA.11|UA.20		Crimée|Krym|Крим|Крым|Autonomous Republic of Crimea|République autonome de Crimée|Crimean Peninsula|péninsule de Crimée
region:ua-kyiv-city	Kyiv City	region		UA		50.4547	30.5238		UA.12		ville de Kyiv|Kyiv city|місто Київ
oblast:ua-kyiv	Kyiv Oblast	oblast		UA		50.4547	30.5238		UA.13	Kyiv|Kiev|Kyïv|Київ|Киев	Kyivska oblast|Київська область|Киевская область|Kyivshchyna|Kyïvchtchyna|Київщина
oblast:ua-luhansk	Luhansk Oblast	oblast		UA		48.5681	39.3055		UA.14	Luhansk|Lugansk|Louhansk|Lougansk|Луганськ|Луганск	Luhanska oblast|Luganskaya oblast|Луганська область|Луганская область|Luhanshchyna|Louhanchtchyna|Луганщина
oblast:ua-lviv	Lviv Oblast	oblast		UA		49.8383	24.0232		UA.15	Lviv|Lvov|Львів|Львов	Lvivska oblast|Львівська область|Львовская область|Lvivshchyna|Львівщина
oblast:ua-mykolaiv	Mykolaiv Oblast	oblast		UA		46.9763	31.993		UA.16	Mykolaiv|Mykolaïv|Mikolaïv|Nikolaïev|Nikolaev|Миколаїв|Николаев	Mykolaivska oblast|Миколаївська область|Николаевская область|Mykolaivshchyna|Миколаївщина
oblast:ua-odesa	Odesa Oblast	oblast		UA		46.4857	30.7438		UA.17	Odesa|Odessa|Одеса|Одесса	Odeska oblast|Одеська область|Одесская область|Odeshchyna|Odechtchyna|Одещина
oblast:ua-poltava	Poltava Oblast	oblast		UA		49.5892	34.5537		UA.18	Poltava|Полтава	Poltavska oblast|Полтавська область|Полтавская область|Poltavshchyna|Полтавщина
oblast:ua-rivne	Rivne Oblast	oblast		UA		50.6204	26.237		UA.19	Rivne|Rovno|Рівне|Ровно	Rivnenska oblast|Рівненська область|Ровенская область|Rivnenshchyna|Рівненщина
oblast:ua-sumy	Sumy Oblast	oblast		UA		50.9174	34.7991		UA.21	Sumy|Soumy|Суми|Сумы	Sumska oblast|Сумська область|Сумская область|Sumshchyna|Soumchtchyna|Сумщина
oblast:ua-ternopil	Ternopil Oblast	oblast		UA		49.554	25.5907		UA.22	Ternopil|Ternopol|Тернопіль|Тернополь	Ternopilska oblast|Тернопільська область|Тернопольская область|Ternopilshchyna|Тернопільщина
oblast:ua-vinnytsia	Vinnytsia Oblast	oblast		UA		49.2322	28.4687		UA.23	Vinnytsia|Vinnytsya|Vinnitsa|Vinnytsa|Вінниця|Винница	Vinnytska oblast|Вінницька область|Винницкая область|Vinnychchyna|Вінниччина
oblast:ua-volyn	Volyn Oblast	oblast		UA		50.7578	25.3502		UA.24	Volyn|Volhynie|Volhynia|Волинь|Волынь	Volyn|Volhynie|Volhynia|Волинь|Volynska oblast|Волинська область|Волынская область
oblast:ua-zakarpattia	Zakarpattia Oblast	oblast		UA		48.6242	22.2947		UA.25	Zakarpattia|Zakarpattya|Transcarpathia|Transcarpathie|Закарпаття|Закарпатье	Zakarpattia|Zakarpattya|Transcarpathia|Transcarpathie|Закарпаття|Zakarpatska oblast|Закарпатська область|Закарпатская область
oblast:ua-zaporizhzhia	Zaporizhzhia Oblast	oblast		UA		47.8517	35.1171		UA.26	Zaporizhzhia|Zaporijjia|Zaporizhzhya|Zaporijia|Zaporojie|Zaporozhye|Запоріжжя|Запорожье	Zaporizka oblast|Zaporozhskaya oblast|Запорізька область|Запорожская область|Zaporizhchyna|Запоріжчина
oblast:ua-zhytomyr	Zhytomyr Oblast	oblast		UA		50.2623	28.6791		UA.27	Zhytomyr|Jytomyr|Zhitomir|Житомир	Zhytomyrska oblast|Житомирська область|Житомирская область|Zhytomyrshchyna|Житомирщина
region:donbas	Donbas	region		UA		48.3	38.5				Donbass|Донбас|Донбасс
oblast:ru-adygea	Republic of Adygea	oblast		RU		44.6079	40.1024		RU.01	Adygea|Adyguée|Адыгея	Adygea|Adyguée|Адыгея|Республика Адыгея
oblast:ru-altai-republic	Altai Republic	oblast		RU		51.9606	85.9189		RU.03		République de l'Altaï|Gorny Altai|Республика Алтай
oblast:ru-altai-krai	Altai Krai	oblast		RU		53.362	83.7279		RU.04	Altai|Altaï|Алтай	Altaisky Krai|kraï de l'Altaï|Алтайский край
oblast:ru-amur	Amur Oblast	oblast		RU		50.2759	127.5264		RU.05	Amur|Amour|Амур	Amurskaya oblast|Амурская область
oblast:ru-arkhangelsk	Arkhangelsk Oblast	oblast		RU		64.5461	40.5518		RU.06	Arkhangelsk|Arkhanguelsk|Архангельск	Arkhangelskaya oblast|Архангельская область
oblast:ru-astrakhan	Astrakhan Oblast	oblast		RU		46.3497	48.0408		RU.07	Astrakhan|Астрахань	Astrakhanskaya oblast|Астраханская область
oblast:ru-bashkortostan	Republic of Bashkortostan	oblast		RU		54.7431	55.9678		RU.08	Bashkortostan|Bachkortostan|Bashkiria|Bachkirie|Башкортостан|Башкирия	Bashkortostan|Bachkortostan|Bashkiria|Bachkirie|Башкортостан|Башкирия|Республика Башкортостан
oblast:ru-belgorod	Belgorod Oblast	oblast		RU		50.6034	36.5809		RU.09	Belgorod|Bielgorod|Белгород|Бєлгород	Belgorodskaya oblast|Белгородская область|Бєлгородська область|Belgorodchtchina
oblast:ru-bryansk	Bryansk Oblast	oblast		RU		53.271	34.3214		RU.10	Bryansk|Briansk|Брянськ|Брянск	Bryanskaya oblast|Брянская область|Брянська область
oblast:ru-buryatia	Republic of Buryatia	oblast		RU		51.8265	107.5998		RU.11	Buryatia|Bouriatie|Бурятия	Buryatia|Bouriatie|Бурятия|Республика Бурятия
oblast:ru-chechnya	Chechen Republic	oblast		RU		43.312	45.6889		RU.12	Chechnya|Tchétchénie|Чечня	Chechnya|Tchétchénie|République tchétchène|Ичкерия|Ichkeria|Чечня|Чеченская Республика
oblast:ru-chelyabinsk	Chelyabinsk Oblast	oblast		RU		55.1611	61.4288		RU.13	Chelyabinsk|Tcheliabinsk|Челябинск	Chelyabinskaya oblast|Челябинская область
oblast:ru-chukotka	Chukotka Autonomous Okrug	oblast		RU		64.7342	177.5103		RU.15	Chukotka|Tchoukotka|Чукотка	Chukotka|Tchoukotka|Чукотка
oblast:ru-chuvashia	Chuvash Republic	oblast		RU		56.1322	47.246		RU.16	Chuvashia|Tchouvachie|Чувашия	Chuvashia|Tchouvachie|Чувашия|Чувашская Республика
oblast:ru-dagestan	Republic of Dagestan	oblast		RU		42.9778	47.5003		RU.17	Dagestan|Daghestan|Дагестан	Dagestan|Daghestan|Дагестан|Республика Дагестан
oblast:ru-ingushetia	Republic of Ingushetia	oblast		RU		43.226	44.7732		RU.19	Ingushetia|Ingouchie|Ингушетия	Ingushetia|Ingouchie|Ингушетия
oblast:ru-irkutsk	Irkutsk Oblast	oblast		RU		52.2957	104.2908		RU.20	Irkutsk|Irkoutsk|Иркутск	Irkutskaya oblast|Иркутская область
oblast:ru-ivanovo	Ivanovo Oblast	oblast		RU		56.9999	40.9726		RU.21	Ivanovo|Иваново	Ivanovskaya oblast|Ивановская область
oblast:ru-kabardino-balkaria	Kabardino-Balkarian Republic	oblast		RU		43.4981	43.6189		RU.22	Kabardino-Balkaria|Kabardino-Balkarie|Кабардино-Балкария	Kabardino-Balkaria|Kabardino-Balkarie|Кабардино-Балкария
oblast:ru-kaliningrad	Kaliningrad Oblast	oblast		RU		54.7064	20.511		RU.23	Kaliningrad|Калининград	Kaliningradskaya oblast|Калининградская область
oblast:ru-kalmykia	Republic of Kalmykia	oblast		RU		46.3079	44.2554		RU.24	Kalmykia|Kalmoukie|Калмыкия	Kalmykia|Kalmoukie|Калмыкия
oblast:ru-kaluga	Kaluga Oblast	oblast		RU		54.5306	36.27		RU.25	Kaluga|Kalouga|Калуга	Kaluzhskaya oblast|Калужская область
oblast:ru-karachay-cherkessia	Karachay-Cherkess Republic	oblast		RU		44.2238	42.0462		RU.27	Karachay-Cherkessia|Karatchaïévo-Tcherkessie|Карачаево-Черкесия	Karachay-Cherkessia|Karatchaïévo-Tcherkessie|Карачаево-Черкесия
oblast:ru-karelia	Republic of Karelia	oblast		RU		61.7849	34.3469		RU.28	Karelia|Carélie|Карелия	Karelia|Carélie|Карелия|Республика Карелия
oblast:ru-kemerovo	Kemerovo Oblast	oblast		RU		55.3542	86.1043		RU.29	Kemerovo|Кемерово	Kuzbass|Kouzbass|Кузбасс|Кемеровская область
oblast:ru-khabarovsk	Khabarovsk Krai	oblast		RU		48.462	135.0971		RU.30	Khabarovsk|Хабаровск	Khabarovsky Krai|Хабаровский край
oblast:ru-khakassia	Republic of Khakassia	oblast		RU		53.7154	91.4259		RU.31	Khakassia|Khakassie|Хакасия	Khakassia|Khakassie|Хакасия
oblast:ru-khanty-mansi	Khanty-Mansi Autonomous Okrug	oblast		RU		61.0019	69.0273		RU.32	Khanty-Mansi|Khantys-Mansis|Ханты-Мансийск	Yugra|Iougra|Югра|Ханты-Мансийский автономный округ
oblast:ru-kirov	Kirov Oblast	oblast		RU		58.5981	49.6578		RU.33	Kirov|Киров	Kirovskaya oblast|Кировская область
oblast:ru-komi	Komi Republic	oblast		RU		61.6639	50.8163		RU.34	Komi|Коми	République des Komis|Республика Коми
oblast:ru-kostroma	Kostroma Oblast	oblast		RU		57.7664	40.9283		RU.37	Kostroma|Кострома	Kostromskaya oblast|Костромская область
oblast:ru-krasnodar	Krasnodar Krai	oblast		RU		45.0453	38.9818		RU.38	Krasnodar|Краснодар	Kuban|Kouban|Кубань|Krasnodarsky Krai|kraï de Krasnodar|Краснодарский край
oblast:ru-kurgan	Kurgan Oblast	oblast		RU		55.449	65.3434		RU.40	Kurgan|Kourgan|Курган	Kurganskaya oblast|Курганская область
oblast:ru-kursk	Kursk Oblast	oblast		RU	1	51.7269	36.1846		RU.41	Kursk|Koursk|Курськ|Курск	Kurskaya oblast|Курская область|Курська область|Kurshchyna|Курщина
oblast:ru-leningrad	Leningrad Oblast	oblast		RU		59.5764	30.1283		RU.42	Leningrad|Léningrad|Ленинград	Leningradskaya oblast|Ленинградская область
oblast:ru-lipetsk	Lipetsk Oblast	oblast		RU		52.5876	39.5515		RU.43	Lipetsk|Липецк	Lipetskaya oblast|Липецкая область
oblast:ru-magadan	Magadan Oblast	oblast		RU		59.5627	150.8021		RU.44	Magadan|Магадан	Magadanskaya oblast|Магаданская область
oblast:ru-mari-el	Mari El Republic	oblast		RU		56.6388	47.8908		RU.45	Mari El|Mari-El|Марий Эл	Mari El|Mari-El|Марий Эл
oblast:ru-mordovia	Republic of Mordovia	oblast		RU		54.1848	45.1717		RU.46	Mordovia|Mordovie|Мордовия	Mordovia|Mordovie|Мордовия
oblast:ru-moscow	Moscow Oblast	oblast		RU		55.819	37.3298		RU.47	Moscow|Moscou|Москва	Moskovskaya oblast|Московская область|Podmoskovye|Подмосковье
region:ru-moscow-city	Moscow City	region		RU		55.752	37.6178		RU.48		ville de Moscou|город Москва
oblast:ru-murmansk	Murmansk Oblast	oblast		RU		68.9678	33.0992		RU.49	Murmansk|Mourmansk|Мурманск	Murmanskaya oblast|Мурманская область
oblast:ru-nenets	Nenets Autonomous Okrug	oblast		RU		67.6678	53.0979		RU.50	Nenets|Ненецкий	Nenetsia|Ненецкий автономный округ
oblast:ru-nizhny-novgorod	Nizhny Novgorod Oblast	oblast		RU		56.3287	44.002		RU.51	Nizhny Novgorod|Nijni Novgorod|Нижний Новгород	Nizhegorodskaya oblast|Нижегородская область
oblast:ru-novgorod	Novgorod Oblast	oblast		RU		58.5213	31.271		RU.52	Novgorod|Новгород	Novgorodskaya oblast|Новгородская область
oblast:ru-novosibirsk	Novosibirsk Oblast	oblast		RU		55.0226	82.9317		RU.53	Novosibirsk|Новосибирск	Novosibirskaya oblast|Новосибирская область
oblast:ru-omsk	Omsk Oblast	oblast		RU		54.9924	73.3686		RU.54	Omsk|Омск	Omskaya oblast|Омская область
oblast:ru-orenburg	Orenburg Oblast	oblast		RU		51.7671	55.0988		RU.55	Orenburg|Оренбург	Orenburgskaya oblast|Оренбургская область
oblast:ru-oryol	Oryol Oblast	oblast		RU		52.9688	36.0791		RU.56	Oryol|Orel|Orël|Orio|Орёл	Orlovskaya oblast|Орловская область
oblast:ru-penza	Penza Oblast	oblast		RU		53.1957	45.0108		RU.57	Penza|Пенза	Penzenskaya oblast|Пензенская область
oblast:ru-primorsky	Primorsky Krai	oblast		RU		43.1056	131.8735		RU.59	Primorye|Primorié|Приморье	Primorye|Primorié|Приморье|Приморский край
oblast:ru-pskov	Pskov Oblast	oblast		RU		57.8192	28.3318		RU.60	Pskov|Псков	Pskovskaya oblast|Псковская область
oblast:ru-rostov	Rostov Oblast	oblast		RU		47.22	39.7077		RU.61	Rostov|Ростов	Rostovskaya oblast|Ростовская область|Ростовська область
oblast:ru-ryazan	Ryazan Oblast	oblast		RU		54.627	39.7041		RU.62	Ryazan|Riazan|Рязань	Ryazanskaya oblast|Рязанская область
oblast:ru-sakha	Sakha Republic	oblast		RU		62.0311	129.7229		RU.63	Sakha|Yakutia|Iakoutie|Якутия|Саха	Yakutia|Iakoutie|Якутия|Республика Саха
oblast:ru-sakhalin	Sakhalin Oblast	oblast		RU		46.9543	142.7356		RU.64	Sakhalin|Sakhaline|Сахалин	Sakhalinskaya oblast|Сахалинская область
oblast:ru-samara	Samara Oblast	oblast		RU		53.2077	50.1355		RU.65	Samara|Самара	Samarskaya oblast|Самарская область
region:ru-st-petersburg-city	Saint Petersburg City	region		RU		59.9386	30.3141		RU.66		ville de Saint-Pétersbourg|город Санкт-Петербург
oblast:ru-saratov	Saratov Oblast	oblast		RU		51.5405	45.9901		RU.67	Saratov|Саратов	Saratovskaya oblast|Саратовская область
oblast:ru-north-ossetia	Republic of North Ossetia-Alania	oblast		RU		43.041	44.6699		RU.68	North Ossetia|Ossétie du Nord|Северная Осетия	North Ossetia|Ossétie du Nord|Ossétie du Nord-Alanie|North Ossetia-Alania|Северная Осетия
oblast:ru-smolensk	Smolensk Oblast	oblast		RU		54.7783	32.0509		RU.69	Smolensk|Смоленск	Smolenskaya oblast|Смоленская область
oblast:ru-stavropol	Stavropol Krai	oblast		RU		45.0344	41.9642		RU.70	Stavropol|Ставрополь	Stavropolsky Krai|Ставропольский край
oblast:ru-sverdlovsk	Sverdlovsk Oblast	oblast		RU		56.8573	60.6153		RU.71	Sverdlovsk|Свердловск	Sverdlovskaya oblast|Свердловская область
oblast:ru-tambov	Tambov Oblast	oblast		RU		52.7363	41.441		RU.72	Tambov|Тамбов	Tambovskaya oblast|Тамбовская область
oblast:ru-tatarstan	Republic of Tatarstan	oblast		RU		55.7887	49.1221		RU.73	Tatarstan|Татарстан	Tatarstan|Татарстан|Республика Татарстан
oblast:ru-tomsk	Tomsk Oblast	oblast		RU		56.5005	84.9822		RU.75	Tomsk|Томск	Tomskaya oblast|Томская область
oblast:ru-tula	Tula Oblast	oblast		RU		54.1961	37.6182		RU.76	Tula|Toula|Тула	Tulskaya oblast|Тульская область
oblast:ru-tver	Tver Oblast	oblast		RU		56.8584	35.9006		RU.77	Tver|Тверь	Tverskaya oblast|Тверская область
oblast:ru-tyumen	Tyumen Oblast	oblast		RU		57.1522	65.5272		RU.78	Tyumen|Tioumen|Тюмень	Tyumenskaya oblast|Тюменская область
oblast:ru-tuva	Tuva Republic	oblast		RU		51.7111	94.4378		RU.79	Tuva|Touva|Тыва|Тува	Tuva|Touva|Тыва|Тува
oblast:ru-udmurtia	Udmurt Republic	oblast		RU		56.8522	53.1986		RU.80	Udmurtia|Oudmourtie|Удмуртия	Udmurtia|Oudmourtie|Удмуртия
oblast:ru-ulyanovsk	Ulyanovsk Oblast	oblast		RU		54.3282	48.3866		RU.81	Ulyanovsk|Oulianovsk|Ульяновск	Ulyanovskaya oblast|Ульяновская область
oblast:ru-vladimir	Vladimir Oblast	oblast		RU		56.1385	40.3998		RU.83	Vladimir|Владимир	Vladimirskaya oblast|Владимирская область
oblast:ru-volgograd	Volgograd Oblast	oblast		RU		48.7138	44.4976		RU.84	Volgograd|Волгоград	Volgogradskaya oblast|Волгоградская область
oblast:ru-vologda	Vologda Oblast	oblast		RU		59.2239	39.884		RU.85	Vologda|Вологда	Vologodskaya oblast|Вологодская область
oblast:ru-voronezh	Voronezh Oblast	oblast		RU		51.6683	39.192		RU.86	Voronezh|Voronej|Воронеж	Voronezhskaya oblast|Воронежская область|Воронезька область
oblast:ru-yamalo-nenets	Yamalo-Nenets Autonomous Okrug	oblast		RU		66.5337	66.6095		RU.87	Yamal|Iamal|Ямал	Yamalo-Nenets|Iamalo-Nénétsie|Ямало-Ненецкий автономный округ
oblast:ru-yaroslavl	Yaroslavl Oblast	oblast		RU		57.6299	39.8737		RU.88	Yaroslavl|Iaroslavl|Ярославль	Yaroslavskaya oblast|Ярославская область
oblast:ru-jewish	Jewish Autonomous Oblast	oblast		RU		48.793	132.9203		RU.89		Oblast autonome juive|Еврейская автономная область
oblast:ru-perm	Perm Krai	oblast		RU		58.0105	56.2502		RU.90	Perm|Пермь	Permsky Krai|Пермский край
oblast:ru-krasnoyarsk	Krasnoyarsk Krai	oblast		RU		56.0374	92.9314		RU.91	Krasnoyarsk|Krasnoïarsk|Красноярск	Krasnoyarsky Krai|Красноярский край
oblast:ru-kamchatka	Kamchatka Krai	oblast		RU		53.0639	158.6275		RU.92	Kamchatka|Kamtchatka|Камчатка	Kamchatka|Kamtchatka|Камчатка|Камчатский край
oblast:ru-zabaykalsky	Zabaykalsky Krai	oblast		RU		52.0431	113.4917		RU.93	Zabaykalsky|Zabaïkalié|Забайкалье	Transbaikalia|Transbaïkalie|Забайкальский край|Забайкалье
# GeoNames says Kherson has 66,000 people; it had about 280,000 before the invasion.
gn:706448		city						279131			Kherson|Херсон
gn:703448											Kiev|Kyïv|Kiew|la capitale|the capital|Київ|Киев
gn:703656	Kupiansk				1						Koupiansk|Koupyansk|Kupyansk|Kupjansk|Куп’янськ|Купянск
gn:703652	Kupiansk-Vuzlovyi				1						Koupiansk-Vouzlovyi|Kupyansk-Vuzlovyi|Kupyansk-Uzlovoy|Куп’янськ-Вузловий|Купянск-Узловой
gn:713122	Avdiivka				1						Avdiïvka|Avdiyivka|Avdeïevka|Avdeyevka|Авдіївка|Авдеевка
gn:690823					1						Vouhledar|Ougledar|Ugledar|Вугледар|Угледар
gn:695357					1						Kourakhove|Kourakhovo|Kurakhovo|Курахове|Курахово
gn:709354					1						Torestk|Toretsk|Dzerjinsk|Dzerzhynsk|Dzerzhinsk|Торецьк|Торецк
gn:713174					1						Bakhmout|Artemovsk|Artemivsk|Artiomovsk|Бахмут|Артемовск
gn:687700	Zaporizhzhia										Zaporijjia|Zaporizhzhya|Zaporijia|Zaporojie|Zaporozhye|Запоріжжя|Запорожье
gn:698740											Odessa|Одеса|Одесса
gn:700569	Mykolaiv										Mykolaïv|Mikolaïv|Nikolaïev|Nikolaev|Миколаїв|Николаев
gn:706483											Kharkov|Харків|Харьков
gn:709930											Dnipropetrovsk|Dniepropetrovsk|Дніпро|Днепр|Дніпропетровськ|Днепропетровск
gn:702550											Lvov|Lwów|Lemberg|Львів|Львов
gn:692194											Soumy|Суми|Сумы
gn:710735											Tchernihiv|Tchernigov|Chernigov|Чернігів|Чернигов
gn:689304					1						Vovtchansk|Voltchansk|Volchansk|Вовчанськ|Волчанск
gn:704422					1						Krasnoarmeïsk|Покровськ|Покровск
gn:710035					1						Mirnograd|Dymytrov|Мирноград|Димитров
gn:705104	Kostiantynivka				1						Kostiantynivka|Kostyantynivka|Constantinovka|Konstantinovka|Костянтинівка|Константиновка
gn:704508											Краматорськ|Краматорск
gn:693468	Sloviansk										Slaviansk|Slavyansk|Slovyansk|Слов’янськ|Славянск
gn:694403					1						Seversk|Siviersk|Сіверськ|Северск
gn:704204					1						Krasnyi Lyman|Krasny Liman|Liman|Лиман
gn:694677					1						Selidove|Selidovo|Sélydove|Селидове|Селидово
gn:710915					1						Tchassiv Iar|Tchassiv Yar|Chasov Yar|Tchassov Iar|Часів Яр|Часов Яр
gn:690771	Ukrainsk				1						Oukraïnsk|Ukrayinsk|Українськ|Украинск
gn:708395					1						Girnyk|Gorniak|Hirnyk|Гірник|Горняк
gn:707898	Huliaipole				1						Houliaïpole|Gouliaïpole|Hulyaipole|Hulyaypole|Gulyaypole|Гуляйполе
gn:698428					1						Orekhov|Orikhov|Оріхів|Орехов
gn:700051											Nikopol|Нікополь|Никополь
gn:709276											Energodar|Enerhodar|Енергодар|Энергодар
gn:701845	Marinka				1						Mariinka|Marïnka|Maryinka|Mar'yinka|Мар’їнка|Марьинка
gn:704393					1						Krasnogorovka|Красногорівка|Красногоровка
gn:699751					1						Niou-York|Нью-Йорк
gn:689965					1						Verbovoïe|Вербове|Вербовое
gn:703861					1						Krinki|Кринки|Крынки
gn:692812					1						Staromaïorske|Staromayorske|Staromaiorskoïe|Старомайорське|Старомайорское
gn:9114393					1						Ourojaïne|Urozhayne|Urozhaynoye|Урожайне|Урожайное
gn:690237					1						Velyka Novossilka|Velikaïa Novosselka|Velikaya Novosyolka|Велика Новосілка|Великая Новоселка
gn:698759					1						Otcheretyne|Otcheretino|Ocheretino|Очеретине|Очеретино
gn:699557					1						Novogrodovka|Novohrodivka|Новогродівка|Новогродовка
gn:691077					1						Tsoukouryne|Tsukurino|Цукурине|Цукурино
gn:9112922					1						Novobakhmutivka|Novobakhmoutivka|Novobakhmutovka|Новобахмутівка|Новобахмутовка
gn:697562	Pervomaiske				1						Pervomaïske|Pervomayske|Pervomaiskoïe|Avdiivske|Первомайське|Первомайское
gn:704285	Ivanivske				1						Ivanivske|Ivanovskoïe|Ivanovskoye|Іванівське|Ивановское
gn:706757					1						Соледар
gn:691608					1						Ternovoïe|Терни|Терны
gn:691358					1						Torskoïe|Torskoye|Торське|Торское
gn:712588					1						Bilogorivka|Belogorovka|Білогорівка|Белогоровка
gn:707292	Izium										Izioum|Izyum|Ізюм|Изюм
gn:712926	Balakliia										Balakliya|Balaklia|Balakleïa|Balakleya|Балаклія|Балаклея
gn:704138					1						Kremennaïa|Kremennaya|Кремінна|Кременная
gn:692118											Svatovo|Сватове|Сватово
gn:697421					1						Petropavlovka|Петропавлівка|Петропавловка
gn:711623					1						Borovaïa|Borovaya|Борова|Боровая
gn:702989					1						Liptsy|Lyptsy|Липці|Липцы
gn:486816					1						Soudja|Sudja|Суджа
gn:544906					1						Korenevo|Koreniovo|Коренево
gn:560995											Glouchkovo|Hlushkove|Глушково
gn:578072											Bielgorod|Белгород|Бєлгород
gn:571476											Briansk|Брянськ|Брянск
gn:538560											Koursk|Курськ|Курск
gn:495112											Chebekino|Shebekine|Шебекино
gn:535334	Lgov										Lgov|Льгов
gn:695019	Rylsk										Rylsk|Rilsk|Рыльск
gn:694423											Sébastopol|Sebastopol|Севастополь
gn:693805											Simféropol|Сімферополь|Симферополь
gn:706524											Kertch|Керч|Керчь
gn:709334	Dzhankoi										Djankoï|Dzhankoy|Джанкой
gn:688105	Yevpatoriia										Eupatoria|Evpatoria|Ievpatoria|Yevpatoriya|Євпаторія|Евпатория
gn:709717											Donietsk|Донецьк|Донецк
gn:702658											Louhansk|Lougansk|Lugansk|Луганськ|Луганск
gn:707753											Gorlovka|Horlivka|Горлівка|Горловка
gn:702320	Makiivka										Makiïvka|Makeïevka|Makeevka|Makeyevka|Макіївка|Макеевка
gn:701822											Marioupol|Маріуполь|Мариуполь
gn:712451	Berdiansk										Berdyansk|Бердянськ|Бердянск
gn:701404											Mélitopol|Мелітополь|Мелитополь
gn:691469											Токмак
gn:699839											Nouvelle Kakhovka|Нова Каховка|Новая Каховка
gn:707244											Каховка
gn:691037											Olechky|Aleshki|Tsiouroupynsk|Tsiurupynsk|Олешки|Алешки
gn:708632											Gola Pristan|Hola Prystan|Гола Пристань|Голая Пристань
gn:690822											Ouhlehirsk|Ouglegorsk|Uglegorsk|Вуглегірськ|Углегорск
gn:699373											Novopavlovka|Новопавлівка|Новопавловка
village:synkivka	Synkivka	village	oblast:ua-kharkiv	UA	1	49.7772	37.6336				Sinkivka|Sinkovka|Синьківка|Синьковка
village:klishchiivka	Klishchiivka	village	oblast:ua-donetsk	UA	1	48.5247	37.9653				Klichtchiïvka|Klishchiyivka|Kleshcheevka|Kleshcheyevka|Кліщіївка|Клещеевка
village:robotyne	Robotyne	village	oblast:ua-zaporizhzhia	UA	1	47.4436	35.8367				Robotino|Rabotino|Роботине|Работино
village:novomykhailivka	Novomykhailivka	village	oblast:ua-donetsk	UA	1	47.8544	37.4714				Novomykhaïlivka|Novomikhaïlovka|Novomikhailovka|Novomykhaylivka|Новомихайлівка|Новомихайловка
village:vremivka	Vremivka	village	oblast:ua-donetsk	UA	1	47.8667	36.7333				Vremevka|Времівка|Времевка
village:prohres	Prohres	village	oblast:ua-donetsk	UA	1	48.2339	37.5069				Прогрес|Прогресс
village:zhelanne	Zhelanne	village	oblast:ua-donetsk	UA	1	48.1700	37.4700				Jelanne|Zhelannoye|Zhelanne Pershe|Желанне|Желанное
village:dachne	Dachne	village	oblast:ua-donetsk	UA	1	47.9870	37.1350				Datchne|Dachnoye|Дачне|Дачное
village:andriivka-bakhmut	Andriivka	village	oblast:ua-donetsk	UA	1	48.5000	37.9620				Andriïvka|Andriyivka|Andreevka|Andreyevka|Андріївка|Андреевка
village:bohdanivka-bakhmut	Bohdanivka	village	oblast:ua-donetsk	UA	1	48.6250	37.9100				Bogdanovka|Богданівка|Богдановка
village:kalynivka-bakhmut	Kalynivka	village	oblast:ua-donetsk	UA	1	48.6190	37.8760				Kalinovka|Калинівка|Калиновка
village:pishchane-pokrovsk	Pishchane	village	oblast:ua-donetsk	UA	1	48.1200	37.0500				Pichtchane|Peschanoye|Піщане|Песчаное
village:stepove-avdiivka	Stepove	village	oblast:ua-donetsk	UA	1	48.1900	37.6600				Stepovoye|Stepovoïe|Степове|Степовое
village:tonenke	Tonenke	village	oblast:ua-donetsk	UA	1	48.1408	37.6150				Tonenkoïe|Tonenkoye|Тоненьке|Тоненькое
village:orlivka-avdiivka	Orlivka	village	oblast:ua-donetsk	UA	1	48.1400	37.5800				Orlovka|Орлівка|Орловка
village:berdychi	Berdychi	village	oblast:ua-donetsk	UA	1	48.2000	37.6300				Berditchi|Berdichi|Бердичі|Бердычи
village:semenivka-avdiivka	Semenivka	village	oblast:ua-donetsk	UA	1	48.1800	37.6100				Semenovka|Semionovka|Семенівка|Семеновка
village:yasnobrodivka	Yasnobrodivka	village	oblast:ua-donetsk	UA	1	48.2100	37.5700				Iasnobrodivka|Yasnobrodovka|Яснобродівка|Яснобродовка
village:vodiane-avdiivka	Vodiane	village	oblast:ua-donetsk	UA	1	48.1040	37.6810				Vodyane|Vodianoïe|Vodyanoye|Водяне|Водяное
village:nevelske	Nevelske	village	oblast:ua-donetsk	UA	1	48.0600	37.5700				Nevelskoïe|Nevelskoye|Невельське|Невельское
village:heorhiivka-marinka	Heorhiivka	village	oblast:ua-donetsk	UA	1	47.9400	37.4300				Heorhiïvka|Gueorguiïvka|Georgiyevka|Георгіївка|Георгиевка
village:maksymilianivka	Maksymilianivka	village	oblast:ua-donetsk	UA	1	47.9550	37.3900				Maksymilianivka|Maximilianivka|Maksimilianovka|Maksymilyanivka|Максимільянівка|Максимильяновка
village:zoriane	Zoriane	village	oblast:ua-donetsk	UA	1	47.9600	37.1700				Zoryane|Zorianoïe|Zoryanoye|Зоряне|Зоряное
village:kotliarivka	Kotliarivka	village	oblast:ua-donetsk	UA	1	48.2000	37.1800				Kotlyarivka|Kotliarovka|Котлярівка|Котляровка
village:makiivka-luhansk	Makiivka	village	oblast:ua-luhansk	UA		49.2100	38.0600				
village:hlyboke-kharkiv	Hlyboke	village	oblast:ua-kharkiv	UA	1	50.2240	36.3470				Glyboke|Gloubokoïe|Glubokoye|Глибоке|Глубокое
village:starytsia	Starytsia	village	oblast:ua-kharkiv	UA	1	50.2200	36.8400				Starytsya|Staritsa|Стариця|Старица
direction:pokrovsk	Pokrovsk direction	direction	oblast:ua-donetsk	UA	1	48.2801	37.1771			Pokrovsk|Покровськ|Покровск	
direction:kurakhove	Kurakhove direction	direction	oblast:ua-donetsk	UA	1	47.9847	37.2807			Kurakhove|Kourakhove|Kurakhovo|Курахове|Курахово	
direction:kupiansk	Kupiansk direction	direction	oblast:ua-kharkiv	UA	1	49.71	37.6158			Kupiansk|Kupyansk|Koupiansk|Koupyansk|Куп’янськ|Купянск	
direction:lyman	Lyman direction	direction	oblast:ua-donetsk	UA	1	48.9897	37.8078			Lyman|Liman|Лиман	
direction:siversk	Siversk direction	direction	oblast:ua-donetsk	UA	1	48.8652	38.0967			Siversk|Seversk|Сіверськ|Северск	
direction:kramatorsk	Kramatorsk direction	direction	oblast:ua-donetsk	UA	1	48.7305	37.5679			Kramatorsk|Краматорськ|Краматорск	
direction:toretsk	Toretsk direction	direction	oblast:ua-donetsk	UA	1	48.3948	37.8478			Toretsk|Торецьк|Торецк	
direction:bakhmut	Bakhmut direction	direction	oblast:ua-donetsk	UA	1	48.5942	37.9989			Bakhmut|Bakhmout|Бахмут	
direction:vremivka	Vremivka direction	direction	oblast:ua-donetsk	UA	1	47.8667	36.7333			Vremivka|Vremevka|Времівка|Времевка	
direction:orikhiv	Orikhiv direction	direction	oblast:ua-zaporizhzhia	UA	1	47.5759	35.7833			Orikhiv|Orekhov|Оріхів|Орехов	
direction:huliaipole	Huliaipole direction	direction	oblast:ua-zaporizhzhia	UA	1	47.6669	36.2562			Huliaipole|Houliaïpole|Gouliaïpole|Гуляйполе	
direction:prydniprovske	Prydniprovske direction	direction	oblast:ua-kherson	UA	1	46.7000	32.9000			Prydniprovske|Prydniprovskyi|Pridneprovskoye|Придніпровський|Приднепровское	
direction:kharkiv	Kharkiv direction	direction	oblast:ua-kharkiv	UA	1	49.9823	36.2554			Kharkiv|Kharkov|Харків|Харьков	
direction:novopavlivka	Novopavlivka direction	direction	oblast:ua-donetsk	UA	1	48.1380	36.7870			Novopavlivka|Novopavlovka|Новопавлівка|Новопавловка	
"""#
}
