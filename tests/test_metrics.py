"""Metrics: a spec table per language (text, value, key, qualifier); None = not a metric."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.metrics import extract_metrics

Q = str | None
CASES: dict[str, list[tuple[str, float | None, str | None, Q]]] = {
    "en": [
        ("planted trees on two sides of the road", None, None, None),  # sides, not roads
        ("The goal by 2030 is 500 models across the province", None, None, None),
        ("The district targets 100% of communes having at least 2 effective models", None, None, None),
        ("The model received VND650 million from the provincial budget.", 650_000_000, "vnd", "exact"),
        ("collected 300 gifts from the union", 300, "gifts", "exact"),
        ("donations of 1 billion 200 million VND", 1_200_000_000, "vnd", "exact"),
        ("helping 11 poor women take interest-free loans", 11, "people", "exact"),
        ("gave school bags to 120 pupils", 120, "people", "exact"),
        ("the whole commune has more than 1,000 households donating land", 1000, "households", "more_than"),
        ("expanding and upgrading nearly 70 roads, with", 70, "roads", "approx"),
        ("built more than 7.1km of intra-field canals", 7.1, "km", "more_than"),
        ("built 916m of new rural roads", 0.916, "km", "exact"),
        ("renovated 750 household gardens", 750, "gardens", "exact"),
        ("helped build 45 model gardens", 45, "gardens", "exact"),
        ("12 model new rural residential areas", 12, "residential_areas", "exact"),
        ("replicated more than 19,300 models", 19300, "models", "more_than"),
        ("the economic field has nearly 8,000 models", 8000, "models", "approx"),
        ("mobilised 1.5 billion VND from benefactors", 1_500_000_000, "vnd", "exact"),
        ("profits reached nearly 60 million VND", 60_000_000, "vnd", "approx"),
        ("manage about 300 hectares of forest", 300, "hectares", "approx"),
        ("sold nearly 18 tons of honey", 18, "tons", "approx"),
        ("with 3,500 working days contributed", 3500, "working_days", "exact"),
        ("installing 260 street lights along", 260, "lights", "exact"),
        ("at least 2-3 new models in each district", 2, "models", "range"),
        ("organised 300 patrols a year", None, None, None),
        ("sold at an average of VND 20,000 a kilo", None, None, None),
        ("carried out more than 400 patrols along the 24 km border", 400, "patrols", "more_than"),
        ("the militia guards the 24 km border with the soldiers", None, None, None),
        ("Since March 2021 models have spread to every commune", None, None, None),
        ("building 10/10 villages to meet the standards", 10, "villages", "exact"),
        ("persuaded 8 subjects to surrender", 8, "subjects", "exact"),
        ("served 5,000 m2 of new playground", 0.5, "hectares", "exact"),
        ("handed out 150 gifts to poor students", 150, "gifts", "exact"),
        ("road surfaces 5m wide or more", None, None, None),
        ("Resolution No. 35 on mass mobilization", None, None, None),
        ("in the first 9 months of 2023", None, None, None),
        ("visited each house twice a month", None, None, None),
        ("earns around 60 million VND per year", None, None, None),
        ("the poverty rate fell to 5 %", None, None, None),
        ("OCOP 3 stars in 2023", None, None, None),
        ("the whole town built 154 models, of which 62 are in the economic field and 38 in security", 38, "models", "exact"),
        ("attracted more than 35,000 tourists", 35000, "people", "more_than"),
        ("each household contributes 20,000 dong", None, None, None),
        ("The commune is located 15 km from Thanh Hoa city.", None, None, None),
        ("The hamlet lies 3 km from the border.", None, None, None),  # from a landmark noun
        ("the police have solved 4 thefts", 4, "cases", "exact"),
        # after a currency written before the number, a glued letter multiplies it
        ("taught 320 children since 2019 at a cost of VND120m", 120_000_000, "vnd", "exact"),
        ("the youth union raised VND500k for the fund", 500_000, "vnd", "exact"),
        ("residents paved a 120m alley", 0.12, "km", "exact"),
        ("a commune home to 12 ethnic groups", None, None, None),  # peoples, not teams
        ("Local people have contributed VND 1.2 billion (50,000 USD)", 1_200_000_000, "vnd", "exact"),
        ("Each household earns VND 180 million per year", None, None, None),
        ("local people have contributed VND2.5 billion and 4,600 working days", 2_500_000_000, "vnd", "exact"),
        ("the model gathers 390 fishermen in 13 solidarity groups", 390, "people", "exact"),
        # a clause opening on "each", a goal after "strive": not results
        ("Each hectare is planted with about 1,100 coffee trees", None, None, None),
        ("the commune strives to have at least 10 new models every year", None, None, None),
        ("the district aims to build 30 more models in 2025", None, None, None),
        ("handed over 5 subjects to the police", 5, "subjects", "exact"),
        ("mediated over 5 cases", 5, "cases", "more_than"),
        # spacing, and a length given with a width, are sizes; a length alone is work done
        ("the lamps are installed 30 m apart", None, None, None),
        ("bridges 4 m wide and 20 m long", None, None, None),
        ("built a new road 3 km long", 3, "km", "exact"),
        ("Gia Lai has 4,650 models, 1,320 of which were recognised in 2025", 1320, "models", "exact"),
        ("The goal is 250 models by 2026, the board said", None, None, None),
        ("the target is that by 2030 each commune will have at least 3 new models", None, None, None),
        ("two of the households joined the model", None, None, None),
        ("the Youth Union built 2,500 sq.m of playgrounds", 0.25, "hectares", "exact"),
        ("protecting 12 km2 of forest", 1200, "hectares", "exact"),
        # an altitude is no length of work; a target introduced by "aims for" is no result
        ("The hamlet lies at an altitude of 1,200 m above sea level.", None, None, None),
        ("The commune aims for 150 models by 2026.", None, None, None),
        ("a cooperative planted a hectare of black turmeric", 1, "hectares", "exact"),
        ("a dozen households joined the team", 12, "households", "exact"),
        ("two dozen households joined the team", 24, "households", "exact"),
        ("a model of raising bees under melaleuca forests", None, None, None),
        # a number joined by a hyphen is an adjective: the word it is joined to says what it counts
        ("they built a 1.2-km concrete road to the village", 1.2, "km", "exact"),
        ("the commune's 35-member club sorts waste", 35, "members", "exact"),
        ("under a 10-year plan for the commune", None, None, None),
        ("its 3-star products sell well", None, None, None),  # a rating, joined to "star"
        # halves, and boats (no key)
        ("a half-hectare nursery that supplies seedlings", 0.5, "hectares", "exact"),
        ("planted half a hectare of pepper", 0.5, "hectares", "exact"),
        ("planted one and a half hectares of tea", 1.5, "hectares", "exact"),
        ("its 57 boats carrying fishermen help each other at sea", None, None, None),
        ("houses for poor households, each worth VND 50 million", None, None, None),
    ],
    "fr": [
        ("planté des arbres des deux côtés de la route", None, None, None),  # sides, not roads
        ("grâce à 1 milliard 200 millions de dôngs versés par les habitants", 1_200_000_000, "vnd", "exact"),
        ("vendu au prix moyen de 120 000 dongs le kilo", None, None, None),
        # a value given "each" is per unit; the count of what is given stays
        ("des maisons pour les pauvres, chacune d'une valeur de 50 millions de VND", None, None, None),
        ("les ménages, chacun ayant reçu 2 tonnes de riz", None, None, None),
        ("chacune des 18 maisons a été réparée", 18, "houses", "exact"),
        ("Depuis mars 2021 modèles et initiatives se multiplient", None, None, None),
        ("a aidé 25 femmes pauvres à emprunter", 25, "people", "exact"),
        ("le district s'efforcera d'ajouter 20 nouveaux modèles chaque année", None, None, None),
        ("le district s'est fixé pour objectif d'atteindre 200 modèles d'ici 2026", None, None, None),
        ("le district prévoit d'atteindre 200 modèles", None, None, None),  # an elided "de" runs on
        ("36 caméras financées à hauteur de 180 millions de dongs par la population", 180_000_000, "vnd", "exact"),  # by, not per
        ("offert des repas à 40 enfants", 40, "people", "exact"),
        ("sélectionnés parmi 6 540 modèles de « mobilisation »", 6540, "models", "exact"),
        ("a mobilisé 12 ménages du village 2", 12, "households", "exact"),
        ("planter plus d'un hectare de curcuma noir", 1, "hectares", "more_than"),
        ("atteindra près de 60 millions de VND", 60_000_000, "vnd", "approx"),
        ("construisant 4 nouvelles maisons solidaires", 4, "houses", "exact"),
        ("lancé avec 20 membres en 2022", 20, "members", "exact"),
        ("organiser plus de 300 patrouilles", 300, "patrols", "more_than"),
        ("traitant 37 cas de vol de biens", 37, "cases", "exact"),
        ("le traitement de 73 sujets", 73, "subjects", "exact"),
        ("étendu aux 8 villages de la commune", 8, "villages", "exact"),
        ("au moins 2 à 3 nouveaux modèles", 3, "models", "range"),
        ("au moins un modèle typique", 1, "models", "at_least"),
        ("a dragué 12 km de canaux", 12, "km", "exact"),
        # a length measured from a named place, or an altitude, is no work done
        ("Dans la commune de Lac Xuan, à 45 km de Buon Ma Thuot, l'équipe", None, None, None),
        ("Au hameau de Quang Loi, à 2 km du chef-lieu, les habitants", None, None, None),
        ("ce qui a permis d'élucider 5 vols", 5, "cases", "exact"),
        ("qui a distribué 120 colis-cadeaux aux pauvres", 120, "gifts", "exact"),
        ("Le district entend porter ce nombre à 90 modèles d'ici 2026.", None, None, None),  # a goal
        ("une commune où vivent 12 groupes ethniques", None, None, None),  # peoples, not teams
        ("Le hameau, à 1 300 m d'altitude, reçoit", None, None, None),
        ("L'équipe compte deux douzaines de membres.", 24, "members", "exact"),
        ("avec 3 500 journées de travail", 3500, "working_days", "exact"),
        ("gèrent environ 300 hectares de forêt", 300, "hectares", "approx"),
        ("plus de 2 000 personnes", 2000, "people", "more_than"),
        ("installer 1,2 km de lampadaires", 1.2, "km", "exact"),
        ("un total de 1,5 milliard de VND", 1_500_000_000, "vnd", "exact"),
        ("distribué 500 repas gratuits", 500, "meals", "exact"),
        ("offert 30 bourses d'études", 30, "scholarships", "exact"),
        ("un modèle de culture de plantes", None, None, None),
        ("la résolution n° 35 du 8 décembre 2023", None, None, None),
        ("après plus de 25 ans de rétablissement", None, None, None),
        ("certifié OCOP 3 étoiles", None, None, None),
        ("des routes rurales de 6 m de large", None, None, None),
        ("environ 60 millions de VND par an", None, None, None),
        ("en s'efforçant que chaque commune ait au moins 2 nouveaux modèles", None, None, None),
        ("les ampoules sont installées à environ 30 m d'intervalle", None, None, None),
        ("des ponts d'une largeur de 4 m et d'une longueur de 20 m", None, None, None),
        ("rassemble une quarantaine de membres", 40, "members", "approx"),
        ("près d'une vingtaine de ménages", 20, "households", "approx"),
        ("le projet a aidé 3 millions de personnes", 3_000_000, "people", "exact"),
        ("pour un coût total de 620 millions de dôngs", 620_000_000, "vnd", "exact"),
        ("le district visait 100 nouveaux modèles d'ici 2025", None, None, None),
        ("des centaines de ménages y participent", None, None, None),
        ("il a reçu une aide de la commune", None, None, None),
        ("protège 12 km² de forêt", 1200, "hectares", "exact"),
        ("un millier de ménages y participent", 1000, "households", "approx"),
        ("la coopérative a planté un hectare de curcuma noir", 1, "hectares", "exact"),
        ("85 jardins sur une superficie d'un hectare et demi", 1.5, "hectares", "exact"),
        ("un demi-hectare de pépinière", 0.5, "hectares", "exact"),
        ("les 57 bateaux de pêche du modèle s'entraident", None, None, None),
    ],
    "id": [
        ("menanam pohon di dua sisi jalan", None, None, None),  # sides, not roads
        ("Sejak Maret 2021 model-model menyebar ke setiap komune", None, None, None),
        ("Dusun itu berada di ketinggian 900 m di atas permukaan laut.", None, None, None),
        ("membangun 23 rumah panggung setinggi 1,5 meter", 23, "houses", "exact"),
        ("rumah panggung setinggi 1,5 meter untuk warga", None, None, None),  # a height
        ("Komune itu terletak 25 km dari Pleiku.", None, None, None),
        ("Komune Dak Nhau, yang dihuni 12 kelompok etnis, memiliki model", None, None, None),
        ("warga menerima 62 ekor sapi bibit", None, None, None),  # head of livestock, not 62 "bibit" (seedlings)
        ("Tim ini beranggotakan dua lusin anggota.", 24, "members", "exact"),
        ("dana 1 miliar 200 juta VND", 1_200_000_000, "vnd", "exact"),
        ("membagikan setengah ton beras", 0.5, "tons", "exact"),
        ("membantu 30 perempuan miskin meminjam modal", 30, "people", "exact"),
        ("memberikan tas sekolah kepada 80 siswa", 80, "people", "exact"),
        ("dipilih dari 6.540 model", 6540, "models", "exact"),
        ("memobilisasi 12 rumah tangga di Desa 2", 12, "households", "exact"),
        ("menanam lebih dari 1 hektar kunyit hitam", 1, "hectares", "more_than"),
        ("mencapai hampir 60 juta VND", 60_000_000, "vnd", "approx"),
        ("membangun 4 rumah solidaritas", 4, "houses", "exact"),
        ("diluncurkan dengan 20 anggota pada tahun 2022", 20, "members", "exact"),
        ("menyelenggarakan lebih dari 300 patroli", 300, "patrols", "more_than"),
        ("menangani 37 kasus pencurian", 37, "cases", "exact"),
        ("direplikasi di seluruh 8 desa", 8, "villages", "exact"),
        ("setidaknya 2-3 model baru", 2, "models", "range"),
        ("menyajikan lebih dari 200 makanan setiap kali", 200, "meals", "more_than"),
        ("membangun 3,5 km jalan pedesaan", 3.5, "km", "exact"),
        ("hampir 1,2 miliar VND", 1_200_000_000, "vnd", "approx"),
        ("memasang 260 lampu jalan", 260, "lights", "exact"),
        ("membujuk 8 subjek untuk menyerahkan diri", 8, "subjects", "exact"),
        ("menanam seribu pohon", 1000, "trees", "exact"),
        ("sekitar 45 KK miskin", 45, "households", "approx"),
        ("membangun 15 jembatan desa", 15, "bridges", "exact"),
        ("memasang 40 kamera keamanan", 40, "cameras", "exact"),
        ("memberikan 120 beasiswa", 120, "scholarships", "exact"),
        ("salah satu dari 7 tugas dalam Resolusi No. 35", None, None, None),
        ("sertifikasi OCOP bintang 3", None, None, None),
        ("setelah lebih dari 25 tahun pemulihan", None, None, None),
        ("diadakan dua kali sebulan", None, None, None),
        ("dengan lebar permukaan jalan 4 m", None, None, None),
        ("pada periode 2009-2024", None, None, None),
        ("Setiap hektar ditanami sekitar 1.100 pohon kopi", None, None, None),
        ("memperbaiki rumah, masing-masing rumah menerima bantuan VND 40 juta", None, None, None),
        ("rumah bagi keluarga miskin, masing-masing senilai 50 juta VND", None, None, None),
        ("komune berupaya memiliki setidaknya 10 model baru", None, None, None),
        ("Jembatan memiliki lebar 2,5 m dan panjang 15 hingga 30 m", None, None, None),
        ("setiap jembatan panjangnya 12 m dan lebarnya 2,5 m", None, None, None),  # "-nya": its
        ("Gia Lai memiliki 4.650 model, 1.320 di antaranya diakui pada tahun 2025", 1320, "models", "exact"),
        ("targetnya pada tahun 2030 setiap komune memiliki setidaknya 3 model baru", None, None, None),
        ("menjaga 2 km2 hutan bakau", 200, "hectares", "exact"),
        ("koperasi menanam satu hektar kunyit hitam", 1, "hectares", "exact"),
        ("menanam satu setengah hektare teh", 1.5, "hectares", "exact"),
        ("57 perahu nelayan saling membantu di laut", None, None, None),
        ("pohon cemara laut ditanam sekitar 200 m dari garis air", None, None, None),  # a distance
        ("membangun 12 km jalan dari tahun 2020", 12, "km", "exact"),  # "dari" after the road
    ],
    "vi": [
        ("trồng 1.500 cây xanh hai bên đường", 1500, "trees", "exact"),
        ("trồng cây xanh hai bên đường", None, None, None),  # the two sides, not two roads
        ("đóng góp 1 tỷ 200 triệu đồng", 1_200_000_000, "vnd", "exact"),
        ("ủng hộ nửa tấn gạo", 0.5, "tons", "exact"),
        ("giúp 11 chị em nghèo vay vốn không lãi", 11, "people", "exact"),
        ("tặng quà cho 150 trẻ em có hoàn cảnh khó khăn", 150, "people", "exact"),
        ("toàn huyện xây dựng được 412 mô hình", 412, "models", "exact"),
        ("đã vận động 34 hộ dân góp tiền", 34, "households", "exact"),
        ("tổ chức hơn 120 cuộc tuần tra", 120, "patrols", "more_than"),
        ("giải quyết 15 vụ việc", 15, "cases", "exact"),
        ("vận động 8 đối tượng ra đầu thú", 8, "subjects", "exact"),
        ("góp gần 1,2 tỷ đồng", 1_200_000_000, "vnd", "approx"),
        ("xây dựng 3,5 km đường giao thông", 3.5, "km", "exact"),
        ("lắp đặt 260 bóng đèn chiếu sáng", 260, "lights", "exact"),
        ("dọc 18 tuyến đường liên thôn", 18, "roads", "exact"),
        ("thành lập với 25 thành viên", 25, "members", "exact"),
        ("trồng hơn 1 ha nghệ đen", 1, "hectares", "more_than"),
        ("có 6.540 mô hình “Dân vận khéo”", 6540, "models", "exact"),
        ("kiên cố hóa 4,3 km kênh mương", 4.3, "km", "exact"),
        ("xây dựng 4 căn nhà đại đoàn kết", 4, "houses", "exact"),
        ("nhân rộng ra 8 thôn trong xã", 8, "villages", "exact"),
        ("trao 50 suất học bổng", 50, "scholarships", "exact"),
        ("tặng 200 suất quà cho hộ nghèo", 200, "gifts", "exact"),
        ("đóng góp 1.500 ngày công", 1500, "working_days", "exact"),
        ("hiến 5.000 m2 đất làm đường", 0.5, "hectares", "exact"),
        ("ít nhất 10 mô hình mới", 10, "models", "at_least"),
        ("khoảng 2 đến 3 mô hình", 2, "models", "range"),
        ("Nghị quyết số 12-NQ/HU ngày 15/3/2022", None, None, None),
        ("mặt đường rộng 4 m", None, None, None),
        ("thu nhập tăng khoảng 15%", None, None, None),
        ("duy trì tuần tra 2 lần/tuần", None, None, None),
        ("sản phẩm đạt OCOP 3 sao", None, None, None),
        ("sau 25 năm tái lập", None, None, None),
        ("một mô hình trồng cây dược liệu", None, None, None),
        ("mỗi hộ góp 20.000 đồng để duy trì điện chiếu sáng", None, None, None),
        ("có 215 mô hình, trong đó 87 thuộc lĩnh vực kinh tế", 87, "models", "exact"),
        ("để mở rộng 11 tuyến đường giao thông", 11, "roads", "exact"),
        ("phấn đấu mỗi năm mỗi xã, thị trấn có ít nhất 2 mô hình mới", None, None, None),
        ("lắp đặt 460 bóng đèn chiếu sáng trên 12 km đường trục thôn", 12, "km", "exact"),
        ("làm mới trên 12 km đường trục thôn", 12, "km", "more_than"),
        ("Mỗi héc-ta trồng khoảng 1.100 cây cà phê", None, None, None),
        ("cầu rộng 4 m, dài 20 m", None, None, None),
        ("làm mới tuyến đường dài 3 km", 3, "km", "exact"),
        ("vận động 25 hộ hiến đất để mở rộng 5,2 km đường thôn", 5.2, "km", "exact"),  # expand, not wide
        ("mục tiêu đến năm 2030 mỗi xã có ít nhất 3 mô hình mới", None, None, None),
        ("đã giúp 14/16 tổ dân phố đạt danh hiệu an toàn", 14, "residential_areas", "exact"),
        ("bảo vệ 3,5 km2 rừng phòng hộ", 350, "hectares", "exact"),
        ("hợp tác xã trồng một ha nghệ đen", 1, "hectares", "exact"),
        ("trồng 1 ha rưỡi chè", 1.5, "hectares", "exact"),
        ("trồng một nửa ha chè", 0.5, "hectares", "exact"),
        ("hợp tác xã canh tác trên 52 ha dừa hữu cơ", 52, "hectares", "exact"),  # farmed on
        ("diện tích trên 52 ha dừa", 52, "hectares", "more_than"),
        ("một nửa số hộ tham gia mô hình", None, None, None),  # a share: a count is whole
        ("57 tàu cá ngư dân hỗ trợ nhau trên biển", None, None, None),
        ("mỗi tháng quyên góp khoảng 300 kg gạo giúp 25 hộ nghèo", 25, "households", "exact"),
    ],
    "fa": [
        ("درخت در دو طرف جاده کاشتند", None, None, None),  # sides, not roads
        ("اتحادیه جوانان در اوت ۲۰۲۳ مدل «جاده سبز» را راه‌اندازی کرد", None, None, None),
        ("۱ میلیارد و ۲۰۰ میلیون دونگ کمک کردند", 1_200_000_000, "vnd", "exact"),
        ("نیم تن برنج اهدا کرد", 0.5, "tons", "exact"),
        ("عملکرد برنج به ۶٫۵ تن در هکتار رسیده است", None, None, None),
        ("به ۱۱ زن فقیر وام بدون بهره داد", 11, "people", "exact"),
        ("هدف شهرستان این است که تا سال ۲۰۲۶ به ۱۰۰ مدل برسد", None, None, None),
        ("از بین ۶۵۴۰ مدل انتخاب شده‌اند", 6540, "models", "exact"),
        ("۱۲ خانوار در روستای شماره ۲", 12, "households", "exact"),
        ("کاشت بیش از ۱ هکتار زردچوبه", 1, "hectares", "more_than"),
        ("به نزدیک به ۶۰ میلیون دونگ ویتنام رسید", 60_000_000, "vnd", "approx"),
        ("ساخت ۴ خانهی مشترک", 4, "houses", "exact"),
        ("با 20 عضو راه اندازی شد", 20, "members", "exact"),
        ("بیش از ۳۰۰ گشت را سازماندهی کنند", 300, "patrols", "more_than"),
        ("۳۷ مورد سرقت اموال", 37, "cases", "exact"),
        ("۴ مورد با ۶ متهم را کشف کرده‌اند", 6, "subjects", "exact"),
        ("در هر 8 روستای کمون", 8, "villages", "exact"),
        ("حداقل ۲ تا ۳ مدل جدید", 3, "models", "range"),
        ("حداقل یک مدل نمونه", 1, "models", "at_least"),
        ("ساخت ۳٫۵ کیلومتر جاده روستایی", 3.5, "km", "exact"),
        ("۲۶۰ چراغ در امتداد جاده", 260, "lights", "exact"),
        ("۱۸ جاده بین روستایی", 18, "roads", "exact"),
        ("بیش از ۲۰۰۰ نفر در کمون", 2000, "people", "more_than"),
        ("حدود ۳۰۰ هکتار جنگل", 300, "hectares", "approx"),
        ("نزدیک به ۱۸ تن عسل", 18, "tons", "approx"),
        ("۳۵۰۰ روز کاری مردم محلی", 3500, "working_days", "exact"),
        ("۱٫۵ میلیارد دونگ از نیکوکاران", 1_500_000_000, "vnd", "exact"),
        ("۵۰ بورسیه تحصیلی", 50, "scholarships", "exact"),
        ("بیش از ۲٬۸۷۰ مدل", 2870, "models", "more_than"),
        ("قطعنامه شماره 35 مورخ 8 دسامبر 2023", None, None, None),
        ("OCOP سه ستاره تأیید شده است", None, None, None),
        ("پس از بیش از ۲۵ سال از استقرار مجدد", None, None, None),
        ("جاده‌های روستایی به عرض ۶ متر", None, None, None),
        ("میانگین درآمد حدود ۱۵ درصد افزایش یافت", None, None, None),
        ("نه تنها با حمایت از معیشت", None, None, None),
        ("در دوره ۲۰۰۹ تا ۲۰۲۴", None, None, None),
        ("تلاش می‌کند هر کمون و شهرک هر سال دست کم ۲ مدل جدید داشته باشد", None, None, None),
        ("یک سال بعد در هر 8 روستای کمون تکرار شد", 8, "villages", "exact"),  # "all 8"
        ("پل‌هایی به عرض ۴ متر و طول ۲۰ متر", None, None, None),
        ("در روستای ۳، مدل «تیم خودگردان» راه‌اندازی شد", None, None, None),  # village 3, then a comma
        ("هدف تا سال ۲۰۳۰ داشتن ۵ مدل جدید در هر کمون است", None, None, None),
        ("حفاظت از ۵ کیلومتر مربع جنگل", 500, "hectares", "exact"),
        ("تعاونی یک هکتار زردچوبه سیاه کاشت", 1, "hectares", "exact"),
        ("دو هکتار و نیم برنج کاشتند", 2.5, "hectares", "exact"),
        ("۵۷ قایق ماهیگیری این مدل در دریا به یکدیگر کمک می‌کنند", None, None, None),
        ("یک جاده بتنی ۱٫۲ کیلومتری به روستای بان لونگ ساختند", 1.2, "km", "exact"),
        ("که در ۸ کیلومتری مرکز کمون قرار دارد", None, None, None),  # a distance from a centre
        ("کمون ۱۲ کیلومتر با مرکز استان فاصله دارد", None, None, None),  # "with": a distance too
        ("شهرستان تاکنون یکصد و بیست مدل را به رسمیت شناخته است", 120, "models", "exact"),
        ("این منطقه محل زندگی ۱۲ گروه قومی است", None, None, None),  # peoples, not teams
        ("از سال ۲۰۲۳ سی خانوار را بسیج کرده است", 30, "households", "exact"),  # thirty, not weak
        ("نه تنها مدل‌ها را گسترش داد", None, None, None),  # "not only", never 9 tons
        ("هدف ناحیه این است که ۱۰۰٪ کمون‌ها حداقل ۳ مدل داشته باشند", None, None, None),  # a goal
        ("۹۴ مدل دارد و هدف آن رسیدن به ۱۲۰ مدل تا سال ۲۰۲۵ است", 94, "models", "exact"),
        ("هدف آن رسیدن به ۱۲۰ مدل تا سال ۲۰۲۵ است", None, None, None),  # its goal
        ("کامیون‌های ۵ تنی می‌توانند از آن عبور کنند", None, None, None),  # five-ton trucks
        ("۸ خانه ساخته است. هر خانه ۶۰ میلیون دونگ هزینه داشته است.", 8, "houses", "exact"),
        ("هر خانه ۶۰ میلیون دونگ هزینه داشته است", None, None, None),  # per house
        ("که قیمت هر دوربین ۱٫۵ تا ۲ میلیون دونگ است", None, None, None),  # "each" before a noun
        ("مردم ۱٫۵ تا ۲ میلیون دونگ کمک کردند", 1_500_000, "vnd", "range"),
    ],
}


@pytest.mark.parametrize(("lang", "text", "value", "key", "qualifier"),
                         [(lang, *case) for lang, cases in CASES.items() for case in cases])
def test_metric(lang: str, text: str, value: float | None, key: str | None, qualifier: Q) -> None:
    found = extract_metrics(text, lang)
    if value is None:
        assert found == [], f"not a metric, but read {[(m.metric, m.value) for m in found]}"
        return
    hits = [m for m in found if m.metric == key and m.value == pytest.approx(value)]
    assert hits, f"expected {key}={value}, read {[(m.metric, m.value) for m in found]}"
    assert hits[0].qualifier == qualifier


@pytest.mark.parametrize("lang", sorted(CASES))
def test_each_language_has_twenty_metric_cases(lang: str) -> None:
    assert sum(1 for case in CASES[lang] if case[1] is not None) >= 20


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Quy Nhon has built 134 models, nearly a quarter of them in the residential groups of its 16 wards."),
    ("fr", "Le district compte 134 modèles, dont un quart dans les groupes résidentiels de ses 16 communes."),
])
def test_a_count_of_places_after_an_ellipsis_cue_is_not_the_metric_before(lang: str, text: str) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == [("models", 134)]


@pytest.mark.parametrize(("lang", "text", "pairs"), [
    ("en", "It gathered 45 households, which farm 62 hectares to the 4C standard.",
     [("households", 45), ("hectares", 62)]),
    ("fa", "۴۵ خانوار را گرد هم آورده است که ۶۲ هکتار قهوه را طبق استاندارد 4C کشت می‌کنند.",
     [("households", 45), ("hectares", 62)]),
])
def test_a_code_glued_to_a_digit_is_no_figure_of_the_count_before(
        lang: str, text: str, pairs: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == pairs


def test_evidence_points_into_the_text() -> None:
    text = "Dilaksanakan pada tahun 2021. Tim ini menyelenggarakan lebih dari 300 patroli."
    (metric,) = extract_metrics(text, "id")
    assert text[metric.evidence.start:metric.evidence.end] == metric.evidence.surface
    assert metric.evidence.surface == "lebih dari 300 patroli"
    assert metric.evidence.sentence == "Tim ini menyelenggarakan lebih dari 300 patroli."


def test_year_of_a_figure_comes_from_its_sentence() -> None:
    (metric,) = extract_metrics("En 2023, le bénéfice atteindra près de 60 millions de VND.", "fr")
    assert metric.year == 2023


def test_urls_and_dates_are_never_metrics() -> None:
    text = "Sumber: https://baoquangnam.vn/a-3142841.html 17/10/2024 dan 8/12/2023"
    assert extract_metrics(text, "id") == []


@pytest.mark.parametrize(("lang", "text", "low", "high"), [
    # the multiplier after the second end of a range is the first's too
    ("en", "residents contributed VND 1.5-2 million to the fund", 1_500_000, 2_000_000),
    ("id", "warga menyumbang 1,5-2 juta VND", 1_500_000, 2_000_000),
    ("fa", "مردم ۱٫۵ تا ۲ میلیون دونگ کمک کردند", 1_500_000, 2_000_000),
    ("vi", "người dân góp từ 1,5 - 2 triệu đồng", 1_500_000, 2_000_000),
    # unless it would make the first end the larger: 500 to 2 million, as written
    ("en", "donations of VND 500-2 million", 500, 2_000_000),
])
def test_a_range_shares_the_multiplier_after_its_second_end(lang: str, text: str, low: float,
                                                            high: float) -> None:
    found = [(m.metric, m.value, m.qualifier) for m in extract_metrics(text, lang)]
    assert found == [("vnd", low, "range"), ("vnd", high, "range")]


@pytest.mark.parametrize(("lang", "text", "low", "high"), [
    # an opener pairs with a conjunction: "between 50 and 80" is one range
    ("en", "Residents gave between 50 and 80 million dong to the fund.", 50e6, 80e6),
    ("fr", "Les habitants ont versé entre 1,5 et 2 millions de dongs.", 1.5e6, 2e6),
    ("id", "Warga menyumbang antara 50 dan 80 juta dong.", 50e6, 80e6),
    ("vi", "Người dân đóng góp giữa 50 và 80 triệu đồng.", 50e6, 80e6),
    ("fa", "مردم بین ۵۰ و ۸۰ میلیون دونگ کمک کردند.", 50e6, 80e6),
])
def test_a_range_opener_makes_its_conjunction_a_range_word(lang: str, text: str, low: float,
                                                           high: float) -> None:
    found = [(m.metric, m.value, m.qualifier) for m in extract_metrics(text, lang)]
    assert found == [("vnd", low, "range"), ("vnd", high, "range")]


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a sentence opening on a distributive phrase of its own distributes its first clause
    ("vi", "Mỗi tháng, hội tổ chức 2 bữa ăn cho bệnh nhân nghèo.", []),
    ("en", "Each month, the union serves 2 meals to poor patients.", []),
    ("fr", "Chaque mois, l'association sert 2 repas aux patients pauvres.", []),
    ("id", "Setiap bulan, serikat menyajikan 2 makanan bagi pasien miskin.", []),
    ("vi", "Mỗi tháng, hội tổ chức 2 bữa ăn, đến nay đã trao hơn 5.000 suất ăn.",
     [("meals", 5000)]),
    ("en", "In the commune, the union has served 200 meals.", [("meals", 200)]),
    ("en", "The union, each month, serves meals; it has served 200 meals.", [("meals", 200)]),
])
def test_a_distributive_opening_phrase_distributes_the_clause_after_it(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a per-unit range is no result; a conjunction with no opener joins two counts
    ("en", "Each house is worth between 50 and 80 million dong.", []),
    ("en", "The model has 50 households and 80 members.", [("households", 50), ("members", 80)]),
    ("fr", "Le modèle réunit 12 ménages et 30 membres.", [("households", 12), ("members", 30)]),
])
def test_a_conjunction_is_a_range_word_only_after_its_opener(lang: str, text: str,
                                                             found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text"), [
    # a fraction's denominator after an ellipsis cue makes a share, not a count of models
    ("en", "The district has 96 models, of which two thirds are in ethnic minority villages."),
    ("fr", "Le district compte 96 modèles, dont deux tiers dans les villages."),
    ("id", "Distrik memiliki 96 model, di antaranya dua pertiga di desa-desa."),
    ("vi", "Huyện có 96 mô hình, trong đó hai phần ba ở các thôn."),
    ("fa", "ناحیه ۹۶ مدل دارد که دو سوم آنها در روستاها است."),
    # "۲۰ مورد از آنها" (20 items of them): a part of what was counted, not 20 cases
    ("fa", "ناحیه ۹۶ مدل دارد که ۲۰ مورد از آنها در روستاها است."),
    ("fa", "ناحیه ۹۶ مدل دارد و ۲۰ مورد از این مدل‌ها در روستاها است."),
])
def test_a_share_after_an_ellipsis_cue_is_no_count(lang: str, text: str) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == [("models", 96)]


@pytest.mark.parametrize(("lang", "text", "key", "count"), [
    # "each of the N": N is the set's size, and what follows is per member
    ("en", "Each of the 16 members grows half a hectare of lotus.", "members", 16),
    ("fr", "Chacun des 12 membres cultive 2 ha de poivre.", "members", 12),
    ("id", "Masing-masing dari 20 anggota menanam 1 hektar kopi.", "members", 20),
    ("fa", "هر یک از ۱۶ عضو نیم هکتار نیلوفر می‌کارد.", "members", 16),
])
def test_each_of_a_counted_set_counts_the_set_and_distributes_the_rest(
        lang: str, text: str, key: str, count: float) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == [(key, count)]


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a distributive after a count distributes the figure its clause goes on to, not the count
    ("vi", "42 hội viên mỗi tháng góp 1 kg gạo.", [("members", 42)]),
    ("vi", "Chi đoàn có 35 đoàn viên mỗi tháng 2 lần ra quân dọn vệ sinh.", [("members", 35)]),
    ("en", "Its 35 members each month collect 2 tons of waste.", [("members", 35)]),
    ("id", "Sebanyak 42 anggota tiap bulan menabung 50.000 VND.", [("members", 42)]),
    # a distributive that ends the clause makes the count a rate, a word or two of its noun on
    ("vi", "Tủ sách phục vụ 400 lượt bạn đọc mỗi tháng.", []),
    ("vi", "Hội nấu 150 suất cơm miễn phí mỗi tuần cho bệnh nhân nghèo.", []),
    ("en", "The kitchen serves 150 free meals each month.", []),
    ("id", "Dapur itu menyajikan 150 makanan tiap bulan.", []),
])
def test_a_distributive_after_a_count_distributes_what_follows_it(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text"), [
    # a bare amount on a multiplier after an ellipsis cue is of the measured metric before it
    ("fr", "Elle a construit 9 maisons, pour un total de 540 millions de dongs, dont 120 millions "
           "apportés par les habitants."),
    ("en", "It built 9 houses at a total cost of 540 million dong, of which 120 million came from "
           "residents."),
    ("id", "Dibangun 9 rumah dengan biaya 540 juta VND, di antaranya 120 juta dari warga."),
    ("vi", "Hội đã xây 9 căn nhà, tổng kinh phí 540 triệu đồng, trong đó 120 triệu do người dân "
           "đóng góp."),
])
def test_an_elliptic_amount_is_of_the_money_before_it_not_of_the_count(lang: str, text: str) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == [
        ("houses", 9), ("vnd", 540e6), ("vnd", 120e6)]


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a figure that opens the clause after a distributive opening is its subject, not distributed
    ("fa", "هر یکشنبه، ۴۰ عضو تیم جاده‌ها را تمیز می‌کنند و تاکنون ۸۰۰ درخت کاشته‌اند.",
     [("members", 40), ("trees", 800)]),
    ("en", "Every Sunday, 40 members clean the roads.", [("members", 40)]),
    ("vi", "Mỗi tháng, 35 đoàn viên ra quân dọn vệ sinh.", [("members", 35)]),
    ("fa", "هر ماه، انجمن ۲ وعده غذایی برای بیماران تهیه می‌کند.", []),  # "،" sets it off too
])
def test_a_figure_opening_the_clause_after_a_distributive_is_its_subject(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a classifier stands for the cue phrase it opened earlier in the sentence
    ("vi", "Mỗi tuần hội phục vụ 200 suất cơm; tổng cộng đã trao hơn 30.000 suất.",
     [("meals", 30000)]),
    ("vi", "Hội trao 120 phần quà, trong dịp Tết thêm 80 phần.", [("gifts", 120), ("gifts", 80)]),
    ("vi", "Hội đã trao hơn 30.000 suất.", []),  # no phrase to stand for
    ("vi", "Hội đã nấu 200 suất cơm. Hội đã trao hơn 30.000 suất.", [("meals", 200)]),  # not across
    # nothing counted: a zero
    ("vi", "Mô hình Bữa cơm 0 đồng phục vụ người nghèo.", []),
])
def test_an_elided_head_and_a_zero(lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # an amount on a multiplier "to" a bare count is no range: the count is of something else
    ("en", "It has lent VND 1.2 billion to 64 member households.", [("vnd", 1.2e9), ("households", 64)]),
    ("fr", "Il a prêté 1,2 milliard de dongs à 64 ménages.", [("vnd", 1.2e9), ("households", 64)]),
    ("en", "Residents gave VND 1.2 billion to 1.5 billion.", [("vnd", 1.2e9), ("vnd", 1.5e9)]),
    ("en", "Residents gave VND 500 to 800 million.", [("vnd", 5e8), ("vnd", 8e8)]),
    # "tens of" is no number; disputes settled are cases
    ("vi", "Trong đó hàng chục mô hình được tỉnh khen thưởng.", []),
    ("fa", "۱۸ عضو دارد که به حل ۷ اختلاف کمک کرده‌اند.", [("members", 18), ("cases", 7)]),
])
def test_an_amount_to_a_count_and_tens_of(lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a rate after what a unit measures: a yield, not a result
    ("en", "so far 74 households have joined, with an output of 5 tons of fresh tea buds per crop.",
     [("households", 74)]),
    ("id", "hingga kini 74 rumah tangga berpartisipasi dengan hasil 5 ton pucuk teh segar per musim.",
     [("households", 74)]),
    ("fr", "6 tonnes de déchets plastiques ont été ramenées à terre.", [("tons", 6)]),
    # an area in square metres a few words after a house word: the building's floor
    ("vi", "Bà con góp 850 ngày công xây mới nhà văn hóa rộng 120 m².", [("working_days", 850)]),
    ("en", "Villagers gave 850 working days to build a new cultural house of 120 m².",
     [("working_days", 850)]),
    ("id", "Warga menyumbang 850 hari kerja untuk membangun balai budaya baru seluas 120 m².",
     [("working_days", 850)]),
    ("vi", "Người dân hiến 5.000 m2 đất làm đường.", [("hectares", 0.5)]),
    # Persian "که" (that) alone carries no count on: "که ۴۸ جلسه" counts sessions
    ("fa", "تیم را با ۲۵ عضو تشکیل داد که ۴۸ جلسه آگاهی‌رسانی برای ۲۶۰۰ نفر برگزار کرده است.",
     [("members", 25), ("people", 2600)]),
])
def test_a_yield_a_floor_and_a_bare_that(lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found



@pytest.mark.parametrize(("lang", "text", "found"), [
    # an amount in a currency other than the dong has no key, before or after its number, and
    # an ellipsis cue carries no count onto it ("including USD 5,000")
    ("en", "Filters for 215 poor households cost nearly VND 430 million, including USD 5,000 from a "
     "sponsor.", [("households", 215), ("vnd", 430_000_000)]),
    ("en", "A sponsor gave $5,000 and 20 households joined.", [("households", 20)]),
    ("vi", "Một doanh nghiệp tài trợ thêm 2.000 USD để mua sách cho 85 hộ.", [("households", 85)]),
    ("vi", "Hội viên góp 15 triệu đồng và 500 đô la mỹ.", [("vnd", 15_000_000)]),
    ("fr", "Une entreprise a offert 2 000 USD et 3 000 euros à 85 foyers.", [("households", 85)]),
    ("id", "Sebuah perusahaan menyumbang 2.000 dolar AS untuk 85 rumah tangga.", [("households", 85)]),
    ("fa", "یک شرکت ۲۰۰۰ دلار به ۸۵ خانوار اهدا کرد.", [("households", 85)]),
])
def test_a_foreign_currency_amount_has_no_key(lang: str, text: str,
                                             found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a landmark cue before a length, the landmark between: a distance, not work done
    ("vi", "Ở xã Bãi Thơm, cách trung tâm thành phố 30 km, mô hình đã lắp 145 bóng đèn.",
     [("lights", 145)]),
    ("vi", "Bản Huổi Lực nằm cách Mường Chà 25 km, có 65 hộ tham gia.", [("households", 65)]),
    # "cách" (a way of doing) before a common word: the length is work done
    ("vi", "Với cách làm này, xã đã bê tông hóa 3 km đường.", [("km", 3)]),
    ("fr", "Dans la commune de Bai Thom, à 30 km du centre-ville, 145 lampes ont été installées.",
     [("lights", 145)]),
])
def test_a_distance_from_a_landmark_named_before_it(lang: str, text: str,
                                                    found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a part, a share link and its whole before what they count: the part is the count achieved
    ("en", "Last year it successfully mediated 26 out of 30 cases.", [("cases", 26)]),
    ("id", "Tahun lalu berhasil memediasi 26 dari 30 kasus.", [("cases", 26)]),
    ("fr", "L'an dernier, elle a réglé 26 sur 30 affaires.", [("cases", 26)]),
    ("fa", "سال گذشته ۲۶ از ۳۰ مورد را با موفقیت میانجی‌گری کرد.", [("cases", 26)]),
    ("vi", "Năm qua hòa giải thành công 26 trên 30 vụ việc.", [("cases", 26)]),
    # never after a year: "en 2022 sur 5 km" is a length
    ("fr", "Le modèle, lancé en 2022 sur 5 km de route, compte 56 foyers.",
     [("km", 5), ("households", 56)]),
])
def test_a_part_out_of_a_whole_counts_the_part(lang: str, text: str,
                                              found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # traders are people; mangroves are trees
    ("fr", "Le modèle mobilise 150 petits commerçants.", [("people", 150)]),
    ("en", "The model mobilises 150 small traders.", [("people", 150)]),
    ("id", "Model ini menggerakkan 150 pedagang kecil.", [("people", 150)]),
    ("vi", "Mô hình vận động 150 tiểu thương.", [("people", 150)]),
    ("fa", "این مدل ۱۵۰ کاسب خرده‌پا را بسیج کرده است.", [("people", 150)]),
    ("fr", "300 membres ont planté 12 000 palétuviers.", [("members", 300), ("trees", 12000)]),
    ("en", "300 members have planted 12,000 mangroves.", [("members", 300), ("trees", 12000)]),
    # "trên" after what is laid or grown on it is "on": solar lamps, a crop produced
    ("vi", "đã lắp 145 bóng đèn năng lượng mặt trời trên 5,8 km đường",
     [("lights", 145), ("km", 5.8)]),
    ("vi", "215 hộ nông dân tham gia sản xuất trên 1.250 ha lúa", [("households", 215), ("hectares", 1250)]),
])
def test_traders_mangroves_and_trên_as_on(lang: str, text: str, found: list[tuple[str, float]]) -> None:
    metrics = extract_metrics(text, lang)
    assert [(m.metric, m.value) for m in metrics] == found
    assert {m.qualifier for m in metrics} == {"exact"}



@pytest.mark.parametrize(("lang", "text", "key", "value"), [
    # parents, teachers and traders are people; disputes settled are cases
    ("vi", "Mô hình đã vận động 150 phụ huynh đóng góp gạo.", "people", 150),
    ("en", "The model mobilized 150 parents to contribute rice.", "people", 150),
    ("fr", "Le modèle a mobilisé 150 parents d'élèves.", "people", 150),
    ("id", "Model ini menggerakkan 150 orang tua siswa.", "people", 150),
    ("fa", "این مدل ۱۵۰ والدین را بسیج کرد.", "people", 150),
    ("fr", "Le modèle a mobilisé 85 enseignants.", "people", 85),
    ("en", "The model mobilised 85 teachers.", "people", 85),
    ("fa", "این مدل ۸۵ معلم را بسیج کرده است.", "people", 85),
    ("vi", "Mô hình đã vận động 85 giáo viên.", "people", 85),
    ("id", "Model ini menggerakkan 85 guru.", "people", 85),
    ("id", "Tim telah menyelesaikan 9 perselisihan di masyarakat.", "cases", 9),
    ("fr", "L'équipe a réglé 9 différends entre habitants.", "cases", 9),
    ("vi", "Tổ đã hòa giải thành 9 mâu thuẫn trong nhân dân.", "cases", 9),
    ("fa", "این تیم ۹ منازعه را حل کرده است.", "cases", 9),
    ("en", "The team has settled 9 disputes among residents.", "cases", 9),
])
def test_who_and_what_the_lexicons_count(lang: str, text: str, key: str, value: float) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == [(key, value)]


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a name opened by a letter and an apostrophe (M'nong, N'Dir) is no unit after a number
    ("en", "The union mobilized 24 M'nong households to donate land.", [("households", 24)]),
    ("en", "It helped 45 H'Mong households and built 300 m of road.", [("households", 45), ("km", 0.3)]),
    ("fr", "L'association a mobilisé 24 ménages M'nong pour céder du terrain.", [("households", 24)]),
    ("id", "Asosiasi memobilisasi 24 rumah tangga M'nong untuk menyumbangkan tanah.", [("households", 24)]),
    ("vi", "Hội đã vận động 24 hộ đồng bào M'nông hiến đất.", [("households", 24)]),
    ("fa", "انجمن ۲۴ خانوار منونگ را برای اهدای زمین بسیج کرد.", [("households", 24)]),
])
def test_a_name_opened_by_an_apostrophe_is_no_unit(lang: str, text: str,
                                                  found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a width after a conjunction is the next figure's, and "mở rộng" (widen) is no width
    ("vi", "Mặt trận mở rộng 4 tuyến đường với tổng chiều dài 5,4 km, mặt đường rộng 6 m.",
     [("roads", 4), ("km", 5.4)]),
    ("id", "Front memperlebar 4 ruas jalan dengan panjang total 5,4 km dan lebar permukaan 6 m.",
     [("roads", 4), ("km", 5.4)]),
    ("en", "The union widened 4 roads with a total length of 5.4 km and a surface 6 m wide.",
     [("roads", 4), ("km", 5.4)]),
    ("fr", "Le Front a élargi 4 routes d'une longueur totale de 5,4 km et d'une largeur de 6 m.",
     [("roads", 4), ("km", 5.4)]),
    ("fa", "جبهه ۴ جاده به طول کل ۵٫۴ کیلومتر و عرض ۶ متر را تعریض کرد.", [("roads", 4), ("km", 5.4)]),
    # a length after a width is still a size
    ("id", "Warga membangun jalan dengan lebar 3 m dan panjang 150 m.", []),
    ("vi", "Người dân làm đường rộng 3 m, dài 150 m.", []),
])
def test_a_width_belongs_to_its_own_figure(lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a counter of occurrences after an event's cue counts the events; after a thing, visits
    ("vi", "Trong năm 2023, tổ đã tuần tra 96 lượt.", [("patrols", 96)]),
    ("vi", "Tổ đã tuần tra hơn 96 lượt, phát hiện 4 vụ.", [("patrols", 96), ("cases", 4)]),
    ("id", "Tim melakukan patroli 96 kali pada tahun 2023.", [("patrols", 96)]),
    ("en", "The team carried out patrols 96 times last year.", [("patrols", 96)]),
    ("fr", "L'équipe a effectué des patrouilles 96 fois en 2023.", [("patrols", 96)]),
    ("fa", "این تیم در سال ۲۰۲۳ گشت ۹۶ بار انجام داد.", [("patrols", 96)]),
    ("en", "Officers visited the households 3 times.", []),
    ("en", "The team patrols 96 times a year.", []),  # a rate
    ("vi", "Tổ tuần tra 4 lượt mỗi tháng.", []),
    ("id", "Ketua tim mengatakan tim melakukan patroli dua kali seminggu.", []),  # twice a week
    ("fr", "L'équipe fait des patrouilles 2 fois par semaine.", []),
    # shifts, sessions and rounds count patrols too; a patrol verb is a patrol cue
    ("vi", "Từ đầu năm, đội đã tuần tra 96 ca, bàn giao 2 đối tượng.", [("patrols", 96), ("subjects", 2)]),
    ("vi", "Tổ đã tuần tra 50 buổi trong năm 2023.", [("patrols", 50)]),
    ("id", "Sejak awal tahun telah berpatroli 96 kali.", [("patrols", 96)]),
    ("en", "Since January the youths have patrolled 96 times.", [("patrols", 96)]),
    ("fr", "Depuis janvier, les jeunes ont patrouillé 96 fois.", [("patrols", 96)]),
    ("en", "The team patrolled 24 km of the border.", [("km", 24)]),
])
def test_a_counter_of_occurrences_after_an_event_counts_the_events(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a total named before a number ending the clause counts what it names
    ("en", "The district added 27 models, bringing the total number of models in the district to 318.",
     [("models", 27), ("models", 318)]),
    ("en", "The total number of members reached 1,200.", [("members", 1200)]),
    ("fr", "Le district a ajouté 27 modèles, portant le nombre total de modèles à 318.",
     [("models", 27), ("models", 318)]),
    ("id", "Distrik menambah 27 model, sehingga jumlah total model di distrik menjadi 318.",
     [("models", 27), ("models", 318)]),
    ("vi", "Huyện có thêm 27 mô hình, nâng tổng số mô hình toàn huyện lên 318.",
     [("models", 27), ("models", 318)]),
    ("en", "The number of poor households fell from 120 to 45.", []),  # a change, no range
    ("en", "The number of models rose by 12%.", []),
])
def test_a_total_named_before_its_number(lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text"), [
    # what a district expects to reach is a goal
    ("vi", "Dự kiến đến năm 2025, toàn huyện đạt 350 mô hình."),
    ("en", "By 2025, the district expects to reach 350 models."),
    ("id", "Pada tahun 2025, distrik diperkirakan mencapai 350 model."),
    ("fr", "Le district devrait atteindre 350 modèles en 2025."),
    ("fa", "پیش‌بینی می‌شود ناحیه تا سال ۲۰۲۵ به ۳۵۰ مدل برسد."),
])
def test_an_expected_figure_is_a_goal(lang: str, text: str) -> None:
    assert extract_metrics(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "key", "value"), [
    # owners of a house are people, not houses; fugitives are subjects
    ("vi", "Công an xã đã vận động 142 chủ nhà trọ ký cam kết.", "people", 142),
    ("id", "Polisi memobilisasi 142 pemilik rumah kos untuk menandatangani komitmen.", "people", 142),
    ("en", "The police mobilized 142 boarding house owners to sign a pledge.", "people", 142),
    ("fr", "La police a mobilisé 142 propriétaires de logements locatifs.", "people", 142),
    ("fa", "پلیس ۱۴۲ مالک خانه اجاره‌ای را بسیج کرد.", "people", 142),
    ("id", "Melalui model ini, polisi menemukan 3 buronan.", "subjects", 3),
    ("en", "Through the model, the police found 3 fugitives.", "subjects", 3),
    ("fr", "Grâce au modèle, la police a retrouvé 3 fugitifs.", "subjects", 3),
    ("fa", "از طریق این مدل، پلیس ۳ فراری را پیدا کرد.", "subjects", 3),
    ("vi", "Qua mô hình, công an phát hiện 3 đối tượng truy nã.", "subjects", 3),
])
def test_owners_are_people_and_fugitives_subjects(lang: str, text: str, key: str, value: float) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == [(key, value)]


@pytest.mark.parametrize(("lang", "text"), [
    # after "of which", a number before an adjective and a level word counts places, not models
    ("en", "Ba Vi district has 186 models, of which 74 models are in 7 mountainous communes."),
    ("fr", "Le district compte 186 modèles, dont 74 modèles dans 7 communes montagneuses."),
    ("id", "Distrik memiliki 186 model, 74 model di antaranya di 7 komune pegunungan."),
    ("vi", "Huyện có 186 mô hình, trong đó 74 mô hình ở 7 xã miền núi."),
    ("fa", "ناحیه ۱۸۶ مدل دارد که ۷۴ مدل از آنها در ۷ کمون کوهستانی قرار دارند."),
])
def test_a_count_of_places_after_an_adjective_is_no_elliptic_figure(lang: str, text: str) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == [("models", 186), ("models", 74)]


@pytest.mark.parametrize(("lang", "text", "found"), [
    # an amount followed by "each" or a price's unit is per unit; a quarter's number is its name
    ("en", "The Front built 14 houses worth nearly VND700 million in total, VND50 million each.",
     [("houses", 14), ("vnd", 700_000_000)]),
    ("en", "The 300 households each received VND2 million.", [("households", 300)]),
    ("en", "Pomelos sold for 25,000 to 30,000 dong a fruit.", []),
    ("en", "Honey sold at 300,000 dong a kilo.", []),  # "dong a": no amount of one dong
    ("fr", "Les pamplemousses se vendent entre 25 000 et 30 000 dongs le fruit.", []),
    ("id", "Jeruk bali dijual 25.000 hingga 30.000 dong sebuah.", []),
    ("vi", "Bưởi bán từ 25.000 đến 30.000 đồng/quả.", []),
    ("fa", "قیمت فروش هر عدد ۲۵٬۰۰۰ تا ۳۰٬۰۰۰ دونگ بود.", []),
    ("vi", "Công an phối hợp Ban điều hành Khóm 3 thực hiện mô hình “Tuyến phố văn minh”.", []),
])
def test_per_unit_prices_and_a_quarters_number(lang: str, text: str,
                                               found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # neighbourhoods are residential areas, women members are members, and "kepada" (to)
    # ends what a number counts: bags given to residents count no residents
    ("en", "The model has been implemented in 5 neighborhoods with 68 members.",
     [("residential_areas", 5), ("members", 68)]),
    ("fr", "La section entretient le modèle avec 64 adhérentes.", [("members", 64)]),
    ("id", "Mereka menukar 1.500 tas kain kepada warga.", []),
    ("id", "Bantuan diberikan kepada 300 warga miskin.", [("people", 300)]),
])
def test_neighbourhoods_women_members_and_what_is_given_to_whom(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a numbered neighbourhood is a name, not a count of what follows it
    ("vi", "Công an phối hợp với Ban công tác Mặt trận khối phố 3 duy trì mô hình “Khu phố bình yên”.", []),
    ("vi", "Tiểu khu 5 có 40 hộ tham gia.", [("households", 40)]),
    ("fa", "پلیس با همکاری کمیته جبهه محله ۳ مدل «محله آرام» را حفظ کرده است.", []),
    ("fr", "La police, avec le comité du quartier 3, entretient le modèle « Quartier paisible ».", []),
    ("en", "The police and the Front committee of block 4 maintain 2 models.", [("models", 2)]),
    ("id", "Polisi bersama pengurus lingkungan 3 membentuk 6 kelompok.", [("groups", 6)]),
    ("id", "Veteran memasang 45 kamera di 6 lingkungan.", [("cameras", 45), ("residential_areas", 6)]),
    # spectators are people; a French width agrees with its noun ("larges de 3,5 m")
    ("fr", "Le programme a attiré plus de 3 000 spectateurs.", [("people", 3000)]),
    ("en", "The program drew more than 3,000 spectators.", [("people", 3000)]),
    ("id", "Program ini menarik lebih dari 3.000 penonton.", [("people", 3000)]),
    ("fa", "این برنامه بیش از ۳۰۰۰ تماشاگر را جذب کرد.", [("people", 3000)]),
    ("vi", "Chương trình thu hút hơn 3.000 khán giả.", [("people", 3000)]),
    ("fr", "Ils ont construit 4 routes d'une longueur totale de 5,8 km, larges de 3,5 m.",
     [("roads", 4), ("km", 5.8)]),
    ("fr", "Les canaux, profonds de 2 m, ont été curés.", []),
])
def test_numbered_neighbourhoods_spectators_and_agreeing_widths(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a frequency right after a figure makes it a rate; a figure after a phrase break that
    # follows the frequency is not distributed by it
    ("id", "Dapur memasak 2 kali makan setiap minggu untuk 180 siswa.", [("people", 180)]),
    ("en", "The kitchen cooks 2 meals every week for 180 pupils.", [("people", 180)]),
    ("fr", "La cuisine prépare 2 repas chaque semaine pour 180 élèves.", [("people", 180)]),
    ("vi", "Bếp nấu 2 bữa ăn mỗi tuần cho 180 học sinh.", [("people", 180)]),
    ("fa", "آشپزخانه ۲ وعده غذایی هر هفته برای ۱۸۰ دانش‌آموز می‌پزد.", [("people", 180)]),
    # without a break the frequency governs the figure after it
    ("en", "Its 35 members every week collect 2 tons of waste.", [("members", 35)]),
    ("id", "Sebanyak 35 anggota setiap minggu mengumpulkan 2 ton sampah.", [("members", 35)]),
    # participants are people ("lượt người tham gia" in French: participations)
    ("fr", "Le district a mis en place 128 modèles, qui ont attiré plus de 9 000 participations.",
     [("models", 128), ("people", 9000)]),
    ("en", "The festival drew 9,000 participants.", [("people", 9000)]),
    ("fa", "این جشنواره ۹۰۰۰ شرکت‌کننده داشت.", [("people", 9000)]),
])
def test_a_frequency_after_a_figure_and_participants(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a programme's, a scheme's or a level's number is its name
    ("vi", "Mô hình đã trao 11 căn nhà; tổng kinh phí 660 triệu đồng, trong đó Chương trình 135 hỗ trợ 200 triệu đồng.",
     [("houses", 11), ("vnd", 660_000_000), ("vnd", 200_000_000)]),
    ("fr", "Le modèle a remis 11 maisons ; le coût total s'élève à 660 millions de dongs, dont 200 "
     "millions apportés par le Programme 135.", [("houses", 11), ("vnd", 660_000_000), ("vnd", 200_000_000)]),
    ("en", "The model handed over 11 houses; the total cost was VND 660 million, of which VND 200 "
     "million came from Program 135.", [("houses", 11), ("vnd", 660_000_000), ("vnd", 200_000_000)]),
    ("id", "Model ini menyerahkan 11 rumah; total biaya 660 juta VND, di antaranya 200 juta VND dari Program 135.",
     [("houses", 11), ("vnd", 660_000_000), ("vnd", 200_000_000)]),
    ("fa", "کل هزینه ۶۶۰ میلیون دونگ بود که برنامه ۱۳۵ مبلغ ۲۰۰ میلیون دونگ از آن را تأمین کرد.",
     [("vnd", 660_000_000), ("vnd", 200_000_000)]),
    ("vi", "Đoàn Thanh niên hướng dẫn 2.150 người kích hoạt tài khoản định danh điện tử mức độ 2.",
     [("people", 2150)]),
    # a price a dozen is a rate; lighting poles are lights
    ("fr", "Le prix dépasse celui des noix ordinaires de 10 000 à 15 000 dongs la douzaine.", []),
    ("en", "Organic coconuts sell for 10,000 to 15,000 dong a dozen more.", []),
    ("en", "Residents installed 60 lighting poles.", [("lights", 60)]),
])
def test_programme_numbers_prices_a_dozen_and_lighting_poles(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a frequency ending the clause of a measure makes it a period's, however long its noun
    ("en", "The households supply about 18 tons of fresh milk to the factory every day.", []),
    ("en", "The households supply about 18 tons of fresh milk to the factory every day, and "
           "the cooperative has 37 members.", [("members", 37)]),
    ("vi", "Các hộ thu gom 12 tấn rác tái chế tại thôn mỗi tháng.", []),
    ("id", "Rumah tangga mengumpulkan 12 ton sampah daur ulang di desa setiap bulan.", []),
    ("fr", "Les ménages collectent 12 tonnes de déchets recyclables au village chaque mois.", []),
    # a frequency that does not end the clause, or a figure between, leaves the measure whole
    ("en", "They collected 12 tons of waste in the village every day for a week.", [("tons", 12)]),
    ("en", "They collected 12 tons of waste and 3 bags every month.", [("tons", 12)]),
])
def test_a_frequency_ending_the_clause_of_a_measure(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a cue longer than a stop word it opens on wins: boat owners are people, boats no key
    ("en", "The association mobilized 126 boat owners to pledge not to dump waste.", [("people", 126)]),
    ("en", "The cooperative has 57 fishing boats.", []),
    ("vi", "Hội đã vận động 126 chủ tàu cam kết không xả rác xuống biển.", [("people", 126)]),
    ("vi", "Hợp tác xã có 57 tàu cá.", []),
    # boats' calls ("lượt" of boats) have no key either; "lượt" alone still counts people
    ("vi", "Đồn hỗ trợ 340 lượt tàu cá vào tránh trú bão và trao 500 phần quà.", [("gifts", 500)]),
    ("vi", "Bến đò đưa đón 2.400 lượt phương tiện qua sông.", []),
    ("vi", "Đồn hỗ trợ 340 lượt người dân vùng bão.", [("people", 340)]),
    ("en", "The post helped 340 fishing boats shelter from storms and gave 500 gifts.", [("gifts", 500)]),
    ("fr", "Le poste a aidé 340 bateaux de pêche à s'abriter et remis 500 cadeaux.", [("gifts", 500)]),
    ("id", "Pos membantu 340 kapal ikan berlindung dan memberikan 500 bingkisan.", [("gifts", 500)]),
    ("fa", "پاسگاه به ۳۴۰ قایق ماهیگیری برای پناه گرفتن کمک کرد و ۵۰۰ هدیه داد.", [("gifts", 500)]),
    # a time of day is a frequency: "2 anggota bertugas setiap pagi" is a morning's two
    ("id", "Model ini berjalan di 5 sekolah, dengan 2 anggota bertugas setiap pagi.", []),
])
def test_boat_owners_and_a_time_of_day(lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "key", "value"), [
    # learners and trainees are people
    ("vi", "Hội mở 6 lớp dạy chữ Tày cho 180 học viên.", "people", 180),
    ("fr", "Le club a ouvert 6 classes d'écriture tày pour 180 apprenants.", "people", 180),
    ("en", "The club opened 6 classes of Tay script for 180 learners.", "people", 180),
    ("id", "Klub membuka 6 kelas aksara Tay untuk 180 peserta didik.", "people", 180),
    ("fa", "باشگاه ۶ کلاس خط تای برای ۱۸۰ کارآموز برگزار کرد.", "people", 180),
])
def test_learners_are_people(lang: str, text: str, key: str, value: float) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == [(key, value)]


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a measure opening a clause after a distributive of time is the period's, where a count
    # there is its subject; a clause after a semicolon opens as a sentence does
    ("fr", "Le bourg a mobilisé 540 ménages ; chaque mois, 1,5 tonne de ferraille est collectée.",
     [("households", 540)]),
    ("en", "Each month, 1.5 tons of scrap are collected.", []),
    ("id", "Setiap bulan, 1,5 ton barang bekas terkumpul.", []),
    ("fr", "Chaque dimanche, 40 membres nettoient la plage.", [("members", 40)]),
    ("en", "Every Sunday, 40 members clean the beach; each month, 2 tons of waste are sorted.",
     [("members", 40)]),
    # "suivi de" is a ranking's "followed by" after a comma only: "dispositifs de suivi de route"
    # (route tracking devices) opens no ellipsis
    ("fr", "Le modèle a mobilisé 230 propriétaires de bateaux pour installer des dispositifs de "
           "suivi de route et organisé 48 séances de sensibilisation.", [("people", 230)]),
    ("fr", "Vinh Tuong mène avec 320 modèles, suivi de Lap Thach avec 298.",
     [("models", 320), ("models", 298)]),
])
def test_a_measure_after_a_distributive_opening_and_suivi_de(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "key", "value"), [
    # drug addicts handled by a model are subjects
    ("en", "Over the past year they have reformed 5 addicts.", "subjects", 5),
    ("fr", "Au cours de l'année écoulée, 5 toxicomanes ont été réinsérés.", "subjects", 5),
    ("id", "Selama setahun terakhir, 5 pecandu narkoba telah dibina.", "subjects", 5),
    ("fa", "در سال گذشته ۵ معتاد بازپروری شدند.", "subjects", 5),
    ("vi", "Trong năm qua đã cảm hóa 5 người nghiện ma túy.", "subjects", 5),
])
def test_addicts_are_subjects(lang: str, text: str, key: str, value: float) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == [(key, value)]


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a residential group (tổ dân phố) is a residential area, not a team
    ("en", "They installed 72 cameras in 11 residential groups.", [("cameras", 72), ("residential_areas", 11)]),
    ("fa", "۷۲ دوربین در ۱۱ گروه مسکونی نصب کرده است.", [("cameras", 72), ("residential_areas", 11)]),
    ("fr", "Ils ont installé 72 caméras dans 11 groupes résidentiels.", [("cameras", 72), ("residential_areas", 11)]),
    ("id", "Mereka memasang 72 kamera di 11 rukun tetangga.", [("cameras", 72), ("residential_areas", 11)]),
    ("vi", "Công an lắp đặt 72 camera tại 11 tổ dân phố.", [("cameras", 72), ("residential_areas", 11)]),
    ("vi", "Công an duy trì mô hình tại 7 tiểu khu, lắp 32 camera.", [("residential_areas", 7), ("cameras", 32)]),
    ("vi", "Mô hình được triển khai ở 12 khối phố.", [("residential_areas", 12)]),
    ("vi", "Tiểu khu 5 có 40 hộ tham gia.", [("households", 40)]),
    ("en", "The 2 groups of residential group 8 met.", [("groups", 2)]),
    # residential blocks (khu phố) too
    ("en", "It is carried out in 5 residential blocks with 820 households.", [("residential_areas", 5), ("households", 820)]),
    ("id", "Dilaksanakan di 5 blok permukiman dengan 820 rumah tangga.", [("residential_areas", 5), ("households", 820)]),
    ("fr", "Il est mené dans 5 blocs résidentiels avec 820 ménages.", [("residential_areas", 5), ("households", 820)]),
    ("fa", "در ۵ بلوک مسکونی با ۸۲۰ خانوار اجرا می‌شود.", [("residential_areas", 5), ("households", 820)]),
    # portions of porridge are meals
    ("vi", "Hội đã trao 9.600 suất cháo cho bệnh nhân nghèo.", [("meals", 9600)]),
    ("vi", "Mỗi tuần nấu 300 bát cháo.", []),
    ("en", "It has given 9,600 portions of porridge to poor patients.", [("meals", 9600)]),
])
def test_residential_groups_and_portions_of_porridge(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("text", "found"), [
    # "trên" is "on" before a surface after another figure or a quoted name in its clause...
    ("Phường lắp 54 biển báo song ngữ trên 3 tuyến đường.", [("roads", 3, "exact")]),
    ("Hội lắp 145 bóng đèn năm ngoái trên 5,8 km đường.", [("lights", 145, "exact"), ("km", 5.8, "exact")]),
    ("Mô hình “Tuyến đường xanh” trên 2,7 km đường, trồng 430 cây sao.",
     [("km", 2.7, "exact"), ("trees", 430, "exact")]),
    ("Mô hình thu hút 85 hộ trên 42 ha.", [("households", 85, "exact"), ("hectares", 42, "exact")]),
    # ... and "more than" after an amount word, first in its clause, or before what is no surface
    ("Xã có 6 tổ tự quản với trên 520 hộ.", [("groups", 6, "exact"), ("households", 520, "more_than")]),
    ("Hợp tác xã có 30 thành viên với trên 40 ha.", [("members", 30, "exact"), ("hectares", 40, "more_than")]),
    ("Mô hình “Tuyến đường xanh” có trên 2,7 km đường.", [("km", 2.7, "more_than")]),
    ("Xã xây dựng trên 20 km đường bê tông.", [("km", 20, "more_than")]),
    ("Dự án hỗ trợ 12 hộ, trên 5 ha đất.", [("households", 12, "exact"), ("hectares", 5, "more_than")]),
    ("Hội xây 3 nhà trị giá trên 150 triệu đồng.", [("houses", 3, "exact"), ("vnd", 150_000_000, "more_than")]),
])
def test_tren_is_on_before_a_surface_after_another_figure(
        text: str, found: list[tuple[str, float, str]]) -> None:
    assert [(m.metric, m.value, m.qualifier) for m in extract_metrics(text, "vi")] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # guard shifts and rounds are patrols
    ("fr", "Ils ont effectué 150 tours de garde pendant la récolte.", [("patrols", 150)]),
    ("en", "They carried out 150 guard shifts during the harvest.", [("patrols", 150)]),
    ("id", "Mereka melakukan 150 kali ronda selama musim panen.", [("patrols", 150)]),
    ("fa", "آنها در فصل برداشت ۱۵۰ نوبت نگهبانی انجام دادند.", [("patrols", 150)]),
    ("vi", "Tổ đã tuần tra 150 ca trong mùa thu hoạch.", [("patrols", 150)]),
    # community units (rukun warga) and neighbourhoods (محله) counted are residential areas
    ("id", "Model ini dilaksanakan di 12 rukun warga.", [("residential_areas", 12)]),
    ("fa", "مدل «محله بدون جرم» در ۱۲ محله اجرا شده است.", [("residential_areas", 12)]),
    ("fa", "کمیته جبهه محله ۳ مدل «محله آرام» را حفظ کرده است.", []),
])
def test_guard_shifts_and_community_units(lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # "lượt" (times) counts people alone, and what it is said of when a cue follows it
    ("vi", "Quỹ đã cho 28 lượt hội viên vay vốn.", [("members", 28)]),
    ("vi", "Ngân hàng hỗ trợ 120 lượt hộ vay vốn.", [("households", 120)]),
    ("vi", "Lễ hội thu hút 3.000 lượt.", [("people", 3000)]),
    # species planted count trees
    ("fr", "Les macadamias sont plantés avec 12 000 acacias.", [("trees", 12000)]),
    ("en", "The macadamias are intercropped with 12,000 acacias.", [("trees", 12000)]),
])
def test_times_said_of_members_and_species_planted(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # young people counted are people; young volunteers members, young trees trees
    ("vi", "Các vị sư đã vận động 46 thanh niên chấp hành nghĩa vụ quân sự.", [("people", 46)]),
    ("vi", "Đội có 30 thanh niên tình nguyện.", [("members", 30)]),
    ("en", "The monks have persuaded 46 youths to do their military service.", [("people", 46)]),
    ("fr", "Les moines ont convaincu 46 jeunes de faire leur service militaire.", [("people", 46)]),
    ("fr", "L'équipe a planté 400 jeunes arbres avec 30 jeunes bénévoles.",
     [("trees", 400), ("members", 30)]),
    ("fr", "La section a lancé le modèle avec 35 jeunes membres.", [("members", 35)]),
    ("id", "Para biksu membujuk 46 pemuda untuk menjalankan wajib militer.", [("people", 46)]),
    ("fa", "راهبان ۴۶ جوان را به انجام خدمت سربازی ترغیب کرده‌اند.", [("people", 46)]),
    ("fa", "تیم با ۲۰ عضو جوان فعالیت می‌کند.", [("members", 20)]),
    ("fa", "تیم ۲۰ جوان داوطلب دارد.", [("members", 20)]),
    ("id", "Tim itu memiliki 20 pemuda relawan.", [("members", 20)]),
])
def test_young_people_are_people(lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a semicolon ends a goal: what follows it is what was done
    ("vi", "Giai đoạn 2021-2025, huyện phấn đấu xây dựng 150 mô hình; đến nay toàn huyện đã có "
           "163 mô hình, vượt chỉ tiêu.", [("models", 163)]),
    ("en", "The district aimed to build 150 models in 2021-2025; it now has 163 models.", [("models", 163)]),
    ("id", "Distrik menargetkan pembangunan 150 model; kini distrik telah memiliki 163 model.",
     [("models", 163)]),
    ("fr", "Le district s'efforce de bâtir 150 modèles ; il en compte déjà 163 modèles.", [("models", 163)]),
    ("fa", "ناحیه تلاش می‌کند ۱۵۰ مدل بسازد؛ اکنون ۱۶۳ مدل دارد.", [("models", 163)]),
    ("vi", "Huyện phấn đấu xây dựng 150 mô hình, trong đó 20 mô hình cấp tỉnh.", []),
    # M'nong, Jrai and Khmer villages counted are villages; ferry owners are people
    ("vi", "Mô hình được triển khai ở 3 bon đồng bào M'nông với 285 hộ.", [("villages", 3), ("households", 285)]),
    ("fr", "Le modèle est mené dans 3 bon de la communauté m'nong.", [("villages", 3)]),
    ("vi", "Công an xã phối hợp với 6 chủ đò ký cam kết.", [("people", 6)]),
])
def test_a_semicolon_ends_a_goal_and_villages_of_the_highlands(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a short length said with a length word is a thing's size, not work done
    ("vi", "Tổ lắp thiết bị giám sát cho 100% tàu cá dài trên 15 m.", []),
    ("en", "They fitted monitors on 100% of fishing boats over 15 m long.", []),
    ("fr", "Chaque bateau de 15 m de long a reçu une balise.", []),
    ("fa", "برای ۱۰۰ درصد قایق‌های ماهیگیری بلندتر از ۱۵ متر دستگاه نصب کرده است.", []),
    # work done in metres, or a length in kilometres, still counts
    ("vi", "Hội xây 80 m kênh mương và làm mới tuyến đường dài 1,8 km.", [("km", 0.08), ("km", 1.8)]),
    # "exceeded" is more than
    ("en", "In 2024 revenue exceeded VND 30 billion.", [("vnd", 30_000_000_000)]),
])
def test_a_things_size_and_exceeded(lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "kept"), [
    # a clause (here a quotation) opening on "each": its first figure is each one's, even past
    # a number that is no figure (a duration); the figures after the first stay counted
    ("vi", "Ông Lý cho biết: “Mỗi ha quế sau 10 năm cho thu nhập khoảng 300 triệu đồng”.", []),
    ("en", 'He said: "Each hectare of cinnamon yields about VND 300 million after 10 years."', []),
    ("id", 'Ia berkata: "Setiap hektar kayu manis setelah 10 tahun memberikan sekitar 300 juta VND."', []),
    ("fr", "Il a dit : « Chaque hectare de cannelle rapporte après 10 ans environ 300 millions de "
           "dongs. »", []),
    ("fa", "او گفت: «هر هکتار دارچین پس از ۱۰ سال حدود ۳۰۰ میلیون دونگ درآمد دارد.»", []),
    ("vi", "Mỗi hộ sau 3 năm nuôi 20 con bò giúp 12 hộ khác.", [("households", 12)]),
    ("vi", "Mỗi tháng quyên góp 300 kg gạo giúp 25 hộ nghèo.", [("households", 25)]),
    ("fa", "هر ۸ روستا ۱۲۰ خانوار دارند.", [("villages", 8), ("households", 120)]),  # "all 8"
])
def test_a_clause_opening_on_each_gives_each_its_first_figure(
        lang: str, text: str, kept: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == kept


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a weak number word that ends a year phrase is the year: "trong năm tổ chức" is "during
    # the year (they) organised", not five groups; "năm tổ" alone still is
    ("vi", "Công an xã trong năm tổ chức 245 cuộc tuần tra, hòa giải thành 19 vụ mâu thuẫn.",
     [("patrols", 245), ("cases", 19)]),
    ("vi", "Cuối năm hộ nghèo giảm, xã có năm tổ tự quản.", [("groups", 5)]),
    ("en", "During the year the police organised 245 patrols and mediated 19 disputes.",
     [("patrols", 245), ("cases", 19)]),
    ("id", "Sepanjang tahun polisi melakukan 245 kali patroli dan mendamaikan 19 perselisihan.",
     [("patrols", 245), ("cases", 19)]),
    ("fr", "Au cours de l'année, la police a organisé 245 patrouilles et réglé 19 litiges.",
     [("patrols", 245), ("cases", 19)]),
    ("fa", "پلیس در طول سال ۲۴۵ گشت برگزار کرد و ۱۹ اختلاف را حل کرد.",
     [("patrols", 245), ("cases", 19)]),
])
def test_a_weak_number_word_ending_a_year_phrase(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # compounds opening on a cue word have no key: organisations, factories, crops, hospitals
    ("vi", "Mô hình được 20 tổ chức, cá nhân ủng hộ 300 triệu đồng.", [("vnd", 300_000_000)]),
    ("vi", "Xã thu hút 3 nhà máy, chọn 5 cây trồng chủ lực và lập 2 đường dây nóng.", []),
    ("id", "Desa memiliki 3 rumah sakit dan 2 rumah makan.", []),
    ("fa", "روستا ۳ خانه بهداشت دارد.", []),
    ("vi", "Hội vận động xây 5 nhà tình nghĩa.", [("houses", 5)]),
    # benefactors and players are people
    ("vi", "Có 6 nhà hảo tâm và 7 cầu thủ tham gia.", [("people", 6), ("people", 7)]),
    ("en", "The fund was helped by 6 benefactors and 7 players.", [("people", 6), ("people", 7)]),
    ("fr", "Le fonds a été aidé par 6 bienfaiteurs et 7 joueurs.", [("people", 6), ("people", 7)]),
    ("id", "Dana itu dibantu 6 dermawan dan 7 pemain.", [("people", 6), ("people", 7)]),
    ("fa", "این صندوق از کمک ۶ نیکوکار و ۷ بازیکن بهره برد.", [("people", 6), ("people", 7)]),
])
def test_compounds_opening_on_a_cue_word_and_benefactors(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # an amount word may stand between an action and its counted number
    ("id", "Kelompok swakelola ikut berpatroli sebanyak 312 kali.", [("patrols", 312)]),
    ("vi", "Các tổ tự quản tuần tra được 312 lượt.", [("patrols", 312)]),
    ("en", "The self-managed teams patrolled a total of 312 times.", [("patrols", 312)]),
    ("fr", "Les groupes autogérés ont patrouillé à 312 reprises.", [("patrols", 312)]),
    ("fa", "گروه‌های خودگردان گشت به تعداد ۳۱۲ بار انجام دادند.", [("patrols", 312)]),
    # any other word between leaves the count to the words after it
    ("id", "Kelompok berpatroli di desa 312 kali.", []),
])
def test_an_amount_word_between_an_action_and_its_count(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


_2025, _2024 = date(2025, 11, 5), date(2024, 6, 13)


@pytest.mark.parametrize(("lang", "text", "published", "found"), [
    # a forecast for the year the article is written in is an estimate; for a later year, or
    # with no date to compare, a goal
    ("id", "Pada tahun 2025 produksinya diperkirakan mencapai 65 ton.", _2025, [("tons", 65, "approx")]),
    ("id", "Pada tahun 2025 produksinya diperkirakan mencapai 65 ton.", _2024, []),
    ("id", "Pada tahun 2025 produksinya diperkirakan mencapai 65 ton.", None, []),
    ("vi", "Năm 2025, sản lượng dự kiến đạt 65 tấn.", _2025, [("tons", 65, "approx")]),
    ("vi", "Dự kiến đến năm 2025, toàn huyện đạt 350 mô hình.", _2024, []),
    ("en", "In 2025, output is expected to reach 65 tons.", _2025, [("tons", 65, "approx")]),
    ("en", "In 2025, output is expected to reach 65 tons.", _2024, []),
    ("fr", "En 2025, la production devrait atteindre 65 tonnes.", _2025, [("tons", 65, "approx")]),
    ("fa", "پیش‌بینی می‌شود در سال ۲۰۲۵ تولید به ۶۵ تن برسد.", _2025, [("tons", 65, "approx")]),
    ("fa", "پیش‌بینی می‌شود در سال ۲۰۲۵ تولید به ۶۵ تن برسد.", _2024, []),
    # a goal stays a goal in its own year; an estimate of what was reached is approximate
    ("vi", "Năm 2025, huyện phấn đấu có thêm 30 mô hình.", _2025, []),
    ("vi", "Năm 2025 sản lượng ước đạt 65 tấn.", None, [("tons", 65, "approx")]),
])
def test_a_forecast_for_the_articles_own_year_is_an_estimate(
        lang: str, text: str, published: date | None, found: list[tuple[str, float, str]]) -> None:
    assert [(m.metric, m.value, m.qualifier) for m in extract_metrics(text, lang, published)] == found


@pytest.mark.parametrize(("lang", "text"), [
    # highland villages keep their Vietnamese names in translation
    ("id", "Polisi berkoordinasi dengan 18 buon (kampung) membangun model ini."),
    ("en", "The commune police worked with 18 buon to build the model."),
    ("fr", "La police de la commune a coopéré avec 18 buon pour bâtir le modèle."),
    ("fa", "پلیس کمون با ۱۸ بون برای ساختن مدل همکاری کرد."),
    ("vi", "Công an xã phối hợp với 18 buôn xây dựng mô hình."),
])
def test_highland_villages_in_translation(lang: str, text: str) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == [("villages", 18)]


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a possessive cue determines the noun after it, which is what the number counts
    ("en", "The hamlet keeps 3 people's patrol teams with 24 members.", [("groups", 3), ("members", 24)]),
    ("en", "The commune has 2 farmers' clubs and 3 women’s groups.", [("groups", 2), ("groups", 3)]),
    ("en", "The fund holds the 300 households' savings.", [("households", 300)]),
    ("vi", "Ấp duy trì 3 tổ tuần tra nhân dân với 24 thành viên.", [("groups", 3), ("members", 24)]),
    ("id", "Dusun mempertahankan 3 tim patroli rakyat dengan 24 anggota.", [("groups", 3), ("members", 24)]),
    ("fr", "Le hameau maintient 3 équipes de patrouille populaires avec 24 membres.",
     [("groups", 3), ("members", 24)]),
    ("fa", "روستا ۳ گروه گشت مردمی با ۲۴ عضو دارد.", [("groups", 3), ("members", 24)]),
])
def test_a_possessive_cue_modifies_the_noun_after_it(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a word that makes "over" or "trên" a particle or a place leaves an approximation be
    ("vi", "Các hội viên sản xuất khoảng 2.000 sản phẩm.", [("products", 2000, "approx")]),
    ("vi", "Hội trồng hoa dọc gần 3 km đường.", [("km", 3, "approx")]),
    ("vi", "Hợp tác xã canh tác trên 52 ha dừa hữu cơ.", [("hectares", 52, "exact")]),
    ("en", "The union handed nearly 200 gifts to poor pupils.", [("gifts", 200, "approx")]),
    ("en", "The police handed over 5 subjects to the district.", [("subjects", 5, "exact")]),
    ("id", "Para anggota memproduksi sekitar 2.000 produk.", [("products", 2000, "approx")]),
    ("fr", "Les adhérentes ont produit environ 2 000 produits.", [("products", 2000, "approx")]),
    ("fa", "اعضا حدود ۲۰۰۰ محصول تولید کردند.", [("products", 2000, "approx")]),
])
def test_a_blocker_word_leaves_an_approximation(
        lang: str, text: str, found: list[tuple[str, float, str]]) -> None:
    assert [(m.metric, m.value, m.qualifier) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # "and" between two words before the head noun joins them; the number counts the head
    ("en", "The youth planted 2,400 sao and dau trees around 18 school sites.", [("trees", 2400)]),
    ("en", "The fund supported 50 poor and lonely elderly people.", [("people", 50)]),
    # a number after the conjunction starts a count of its own; a place unit is counted alone
    ("en", "The district has 12 communes and 150 villages.", [("villages", 150)]),
    ("en", "The district has 12 communes and villages.", []),
    # where the head comes first the cue is already before the conjunction
    ("vi", "Đoàn viên trồng 2.400 cây sao, dầu quanh 18 điểm trường.", [("trees", 2400)]),
    ("id", "Pemuda menanam 2.400 pohon sao dan dau di sekitar 18 lokasi sekolah.", [("trees", 2400)]),
    ("fr", "Les jeunes ont planté 2 400 arbres sao et dau autour de 18 sites scolaires.", [("trees", 2400)]),
    ("fa", "جوانان ۲۴۰۰ درخت سائو و دائو در اطراف ۱۸ محل مدرسه کاشتند.", [("trees", 2400)]),
])
def test_a_conjunction_joining_two_modifiers_of_the_head(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # toilets and bathrooms open on the word for house: no key
    ("vi", "Xã đã xây dựng 65 nhà vệ sinh với tổng trị giá 845 triệu đồng.", [("vnd", 845_000_000)]),
    ("vi", "Hội hỗ trợ làm 12 nhà tắm và 8 nhà tiêu hợp vệ sinh.", []),
    ("vi", "Mặt trận xây dựng 11 căn nhà cho hộ nghèo.", [("houses", 11)]),
    ("en", "The commune built 65 toilets with a total value of VND 845 million.", [("vnd", 845_000_000)]),
    ("id", "Komune membangun 65 toilet dengan nilai total 845 juta VND.", [("vnd", 845_000_000)]),
    ("fr", "La commune a construit 65 toilettes pour un total de 845 millions de VND.",
     [("vnd", 845_000_000)]),
    ("fa", "کمون ۶۵ سرویس بهداشتی به ارزش کل ۸۴۵ میلیون دونگ ساخته است.", [("vnd", 845_000_000)]),
])
def test_toilets_are_not_houses(lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a duration with an ordinal between the number and its time word, after "of which": the
    # bare number is no count of what the first figure counted
    ("fr", "Le district a bâti 118 modèles, dont 19 nouveaux au cours des 8 premiers mois de 2023.",
     [("models", 118), ("models", 19)]),
    ("fr", "Le district a bâti 118 modèles, dont 19 au cours des 3 dernières années.",
     [("models", 118), ("models", 19)]),
    ("en", "The district built 118 models, of which 19 were new in the first 8 months of 2023.",
     [("models", 118), ("models", 19)]),
    ("id", "Distrik membangun 118 model, termasuk 19 model baru dalam 8 bulan pertama tahun 2023.",
     [("models", 118), ("models", 19)]),
    ("vi", "Huyện xây dựng 118 mô hình, trong đó 19 mô hình mới trong 8 tháng đầu năm 2023.",
     [("models", 118), ("models", 19)]),
    ("fa", "ناحیه ۱۱۸ مدل ساخته که ۱۹ مدل جدید در ۸ ماه نخست سال ۲۰۲۳ بوده است.",
     [("models", 118), ("models", 19)]),
])
def test_a_duration_with_an_ordinal_after_of_which(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a word that names a unit by its number ("group 8") names none when a measure follows the
    # number: "این گروه ۵۲۰ تن" is this group's 520 tons
    ("fa", "در سال ۲۰۲۳، این گروه ۵۲۰ تن دوریان صادر کرد.", [("tons", 520)]),
    ("fa", "این گروه ۳۵ میلیارد دونگ درآمد داشت.", [("vnd", 35_000_000_000)]),
    # a count after it is still the unit's number and what follows it
    ("fa", "گروه ۸ با ۳۰ خانوار فعالیت می‌کند.", [("households", 30)]),
    ("en", "Inter-family group 8 has 30 households.", [("households", 30)]),
    ("vi", "Tổ 8 có 30 hộ tham gia.", [("households", 30)]),
    ("id", "Kelompok 8 beranggotakan 30 rumah tangga.", [("households", 30)]),
    ("fr", "Le groupe 8 compte 30 ménages.", [("households", 30)]),
])
def test_a_measure_after_an_identifier_word(lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


_NOV_2024 = date(2024, 11, 20)


@pytest.mark.parametrize(("lang", "text", "published", "found"), [
    # a figure in a sentence dated to a year after the article's is a plan, whatever its verb
    ("vi", "Năm 2025, huyện tiếp tục nhân rộng ít nhất 15 mô hình.", _NOV_2024, []),
    ("en", "In 2025, the district will replicate at least 15 more models.", _NOV_2024, []),
    ("fr", "En 2025, le district continuera de reproduire au moins 15 modèles.", _NOV_2024, []),
    ("id", "Pada tahun 2025, distrik akan mereplikasi setidaknya 15 model.", _NOV_2024, []),
    ("fa", "در سال ۲۰۲۵، ناحیه دست‌کم ۱۵ مدل دیگر را گسترش خواهد داد.", _NOV_2024, []),
    # the article's own year, an undated article, and a period ending later are reported facts
    ("vi", "Năm 2024, huyện nhân rộng 15 mô hình.", _NOV_2024, [("models", 15)]),
    ("en", "In 2025, the district replicated 15 more models.", None, [("models", 15)]),
    ("vi", "Giai đoạn 2021-2025, huyện xây dựng 134 mô hình.", _NOV_2024, [("models", 134)]),
])
def test_a_figure_for_a_year_after_the_articles_is_a_plan(
        lang: str, text: str, published: date | None, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang, published)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # "owned by" ends the counted noun: the owners are not what is counted
    ("id", "Komune memiliki 18 homestay milik warga Mong.", []),
    ("id", "Komune memiliki 18 homestay kepunyaan warga dan 40 anggota.", [("members", 40)]),
    ("vi", "Xã có 18 homestay của đồng bào Mông.", []),
    ("en", "The commune has 18 homestays run by H'Mong people.", []),
    ("fr", "La commune compte 18 homestays tenus par des Mong.", []),
    ("fa", "کمون ۱۸ اقامتگاه متعلق به مردم مونگ دارد.", []),
])
def test_owned_by_ends_the_counted_noun(lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a determiner before an identifier word makes it a unit named earlier, not a numbered name
    ("vi", "Toàn thôn 126 hộ ký cam kết.", [("households", 126)]),
    ("vi", "Cả xóm 48 hộ tham gia.", [("households", 48)]),
    ("fa", "این گروه ۳۰ خانوار را پوشش می‌دهد.", [("households", 30)]),
    ("en", "The whole village 126 households signed.", [("households", 126)]),
    ("id", "Seluruh dusun 126 rumah tangga ikut serta.", [("households", 126)]),
    ("fr", "Tout le hameau 126 ménages a signé.", [("households", 126)]),
    # without one the number is the unit's name
    ("vi", "Thôn 3 có 40 hộ.", [("households", 40)]),
    ("en", "Village 3 has 40 households.", [("households", 40)]),
])
def test_a_determiner_before_an_identifier_word(lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a total with no cue after it counts what the sentence's figure before it counted
    ("en", "The district has added 14 models, bringing the total in the area to 126.",
     [("models", 14), ("models", 126)]),
    ("fr", "Le district compte 14 modèles de plus, ce qui porte leur total à 126.",
     [("models", 14), ("models", 126)]),
    ("vi", "Huyện có thêm 14 mô hình, nâng tổng số lên 126.", [("models", 14), ("models", 126)]),
    ("id", "Distrik menambah 14 model, sehingga total menjadi 126.", [("models", 14), ("models", 126)]),
    # no figure before it in the sentence: nothing to count
    ("en", "This brings the total to 126.", []),
])
def test_a_total_with_no_cue_counts_the_figure_before(
        lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found


@pytest.mark.parametrize(("lang", "text"), [
    # artisans and artists are people
    ("vi", "Đội có 45 nghệ nhân."),
    ("en", "The troupe has 45 artisans."),
    ("fr", "La troupe compte 45 artisans."),
    ("id", "Tim itu memiliki 45 seniman."),
    ("fa", "۴۵ هنرمند در این گروه فعالیت می‌کنند."),
])
def test_artisans_are_people(lang: str, text: str) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == [("people", 45)]


@pytest.mark.parametrize(("lang", "text", "found"), [
    # a price per kilogram or ton opening its clause is a per-unit amount
    ("en", "The model covers 45 ha; a kilogram of ginseng sells for VND 80-100 million.", [("hectares", 45)]),
    ("fr", "Le modèle couvre 45 ha ; un kilo de ginseng se vend de 80 à 100 millions de VND.",
     [("hectares", 45)]),
    ("id", "Model ini mencakup 45 ha; satu kilogram ginseng dijual 80-100 juta VND.", [("hectares", 45)]),
    ("vi", "Mô hình có diện tích 45 ha; mỗi kg sâm có giá 80-100 triệu đồng.", [("hectares", 45)]),
    ("fa", "این مدل ۴۵ هکتار دارد؛ هر کیلوگرم جینسنگ ۸۰ تا ۱۰۰ میلیون دونگ قیمت دارد.", [("hectares", 45)]),
    # a figure that merely follows such a word elsewhere is kept; "a" is no distributive
    ("en", "The group sold 5 tons of tea, earning VND 80 million.", [("tons", 5), ("vnd", 80_000_000)]),
    ("en", "Each of the 16 members grows half a hectare of lotus.", [("members", 16)]),
    ("fr", "Chacun des 16 membres cultive un demi-hectare de lotus.", [("members", 16)]),
])
def test_a_price_per_kilogram(lang: str, text: str, found: list[tuple[str, float]]) -> None:
    assert [(m.metric, m.value) for m in extract_metrics(text, lang)] == found
