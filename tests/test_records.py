"""Model names, years, attribution and reconciliation."""

from __future__ import annotations

import re
from datetime import date

import pytest

from extractors import extract
from extractors.model_names import find_model_names
from extractors.years import find_years
from pipeline.reconcile import reconcile
from schemas import ModelRecord


@pytest.mark.parametrize(("lang", "text", "name", "quoted"), [
    ("vi", "Tiêu biểu là mô hình “Tổ tự quản an ninh trật tự” ở thôn Trường Thọ.", "Tổ tự quản an ninh trật tự", True),
    ("fr", "Le modèle « Les ménages riches aident les ménages pauvres » du Comité", "Les ménages riches aident les ménages pauvres", True),
    ("fr", "le modèle d'équipe d'autogestion « 5 en 1 » du Comité populaire", "5 en 1", True),
    ("id", "model Tim Swakelola \"5 in 1\" dari Komite Rakyat", "5 in 1", True),
    ("id", "adalah model ekonomi pertanian modern yang disebut \"Tam Hoi Sugar Plum.\" Di sini", "Tam Hoi Sugar Plum", True),
    ("en", "honored the \"Living Blood Bank Club\" model of Cam Xuyen District Youth Union.", "Living Blood Bank Club", True),
    ("fa", "مدل «خانوارهای ثروتمند به خانوارهای فقیر کمک میکنند» کمیته جبهه", "خانوارهای ثروتمند به خانوارهای فقیر کمک میکنند", True),
    ("fr", "il y a un modèle de culture de plantes médicinales sur un terrain vague du Bloc de", "culture de plantes médicinales sur un terrain vague", False),
    ("id", "terdapat model penanaman tanaman obat di lahan kosong Blok Mobilisasi Rakyat", "penanaman tanaman obat di lahan kosong", False),
    ("en", "a model of raising bees under melaleuca forests in Tan My commune", "raising bees under melaleuca forests", False),
    ("fa", "مدلی از کشت گیاهان دارویی در زمینهای بایر بلوک بسیج", "کشت گیاهان دارویی در زمینهای بایر", False),
    # no model cue: the quoted name is itself a team, club or cooperative (head last or first)
    ("en", "In Khuon Thuc village, the “Goat Raising Cooperative” brings together 21 members.", "Goat Raising Cooperative", True),
    ("id", "Di desa itu, \"Koperasi Peternakan Kambing\" menghimpun 21 anggota.", "Koperasi Peternakan Kambing", True),
    ("fr", "La « Coopérative des femmes de Hoa Nhi » compte 30 membres.", "Coopérative des femmes de Hoa Nhi", True),
    ("vi", "“Câu lạc bộ phụ nữ với pháp luật” có 40 thành viên.", "Câu lạc bộ phụ nữ với pháp luật", True),
    ("fa", "«تعاونی پرورش بز» ۲۱ عضو دارد.", "تعاونی پرورش بز", True),
    # no model cue: a team, club or cooperative word right before or after the quoted name
    ("fr", "l'Union de la jeunesse a créé l'équipe « Jeunes volontaires pour des ruelles lumineuses », forte de 35 membres.", "Jeunes volontaires pour des ruelles lumineuses", True),
    ("id", "Di Dusun Ra Mai, tim \"Pemuda Penjaga Hutan\" yang beranggotakan 18 orang", "Pemuda Penjaga Hutan", True),
    ("en", "the youth union's \"Green Sunday\" team has planted 300 trees", "Green Sunday", True),
    ("vi", "Đoàn Thanh niên thành lập đội “Thắp sáng đường quê” với 20 đội viên.", "Thắp sáng đường quê", True),
    ("fa", "اتحادیه جوانان گروه «یکشنبه سبز» را با ۲۰ عضو راه‌اندازی کرد.", "یکشنبه سبز", True),
    # no model cue: the quoted name is a fund (lexicon model_heads)
    ("en", "the \"Study promotion fund\" of the commune association has awarded 85 scholarships", "Study promotion fund", True),
    ("vi", "“Quỹ khuyến học dòng họ” của xã đã trao 85 suất học bổng.", "Quỹ khuyến học dòng họ", True),
    ("fr", "le « Fonds de promotion de l'étude » de l'association a attribué 85 bourses", "Fonds de promotion de l'étude", True),
    ("id", "\"Dana Beasiswa Desa\" dari asosiasi telah memberikan 85 beasiswa", "Dana Beasiswa Desa", True),
    ("fa", "«صندوق تشویق تحصیل» انجمن ۸۵ بورسیه اعطا کرده است.", "صندوق تشویق تحصیل", True),
    # named after the movement: its full name and two words or more
    ("vi", "Mô hình “Dân vận khéo trong giải phóng mặt bằng” của xã", "Dân vận khéo trong giải phóng mặt bằng", True),
    ("en", "the \"Skilled mass mobilization in site clearance\" model of the commune", "Skilled mass mobilization in site clearance", True),
    ("fr", "le modèle « Mobilisation habile des masses dans le déblaiement des terrains »", "Mobilisation habile des masses dans le déblaiement des terrains", True),
    ("id", "model \"Mobilisasi Massa yang Terampil dalam pembebasan lahan\" di komune", "Mobilisasi Massa yang Terampil dalam pembebasan lahan", True),
    ("fa", "مدل «بسیج توده‌ای ماهرانه در پاکسازی زمین» کمیته مردمی", "بسیج توده‌ای ماهرانه در پاکسازی زمین", True),
    ("fa", "کمون مدل «بسیج ماهرانه در آزادسازی زمین» را اجرا کرد", "بسیج ماهرانه در آزادسازی زمین", True),
    # names in single curly quotes; a closing one followed by a letter is an apostrophe
    ("en", "the Farmers' Association has run the ‘Grapefruit cooperative’ model since 2018", "Grapefruit cooperative", True),
    ("vi", "mô hình ‘Thôn không rác thải nhựa’ do Chi hội Phụ nữ thôn khởi xướng", "Thôn không rác thải nhựa", True),
    ("en", "the union’s ‘Women’s savings club’ model has 40 members", "Women’s savings club", True),
    # a team's head word first, then a word that qualifies it, then the name
    ("fr", "le groupe d'autogestion « Ruelle sûre », créé en 2023, compte 18 membres", "Ruelle sûre", True),
    ("fa", "گروه خودگردان “کوچه امن” که در سال ۲۰۲۳ تأسیس شد", "کوچه امن", True),
    # the cue after the name, past a word or two that qualify it
    ("en", "the ward Youth Union set up the \"Digital citizens\" Zalo group model in 2022", "Digital citizens", True),
])
def test_model_names(lang: str, text: str, name: str, quoted: bool) -> None:
    found = find_model_names(text, lang)
    assert [(m.name, m.quoted) for m in found] == [(name, quoted)]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "the model of \"Skilled Mass Mobilization\" in various fields"),
    ("fr", "les modèles typiques de « mobilisation de masse qualifiée »"),
    ("vi", "xây dựng 412 mô hình “Dân vận khéo” trên địa bàn"),
    ("id", "dengan motto \"3 no\" (tanpa gaji), model ini"),
    ("en", "with the motto \"Roads with flowers, houses with numbers\" in the model commune"),
    ("fa", "با شعار «۳ نه» مدل"),
    ("fa", "ناحیه ۸۶ مدل «بسیج ماهرانه توده‌ها» ثبت کرده است"),  # the movement, as translated
    ("en", "Residents chanted “Clean homes, green fields” at the meeting."),  # no cue, no team
    ("en", "The “Skilful Mass Mobilisation Team” movement"),  # the movement, even as a team
    ("vi", "Nhiều mô hình được biểu dương tại Hội nghị tỉnh."),  # a verb, not a description
    ("fa", "۱۲ مدل در سطح ناحیه و ۶۲ مدل در سطح کمون هستند"),  # "models at the level of"
    ("fa", "۴۵ مدل از آنها به عنوان مدل نمونه در سطح شهرستان شناخته شده‌اند"),  # "of them"
    ("id", "membangun 96 model \"Mobilisasi Massa yang Terampil\" sejak 2021"),
    ("fr", "87 modèles de « mobilisation habile des masses » dans le district"),
])
def test_the_movement_and_mottos_are_not_models(lang: str, text: str) -> None:
    assert find_model_names(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "year", "until"), [
    ("vi", "Được thành lập năm 2021 với 25 thành viên", 2021, None),
    ("en", "From 2013 to present, the whole province", 2013, None),
    ("id", "dalam periode 2009-2024", 2009, 2024),
    ("fr", "Bien qu'établi seulement début 2024", 2024, None),
    ("fa", "در دوره ۲۰۰۹ تا ۲۰۲۴", 2009, 2024),
    ("en", "Resolution No. 35 dated December 8, 2023", None, None),
])
def test_years(lang: str, text: str, year: int | None, until: int | None) -> None:
    found = [y for y in find_years(text, lang) if not y.bare]
    assert [(y.year, y.until) for y in found][:1] == ([(year, until)] if year else [])


@pytest.mark.parametrize(("lang", "text", "years"), [
    # a month and its year name the year: a fallback, unless a year word comes before the
    # month; a date with a day, or a resolution's number, names none
    ("vi", "Mô hình được thực hiện từ tháng 3/2023 với 20 hộ.", [(2023, True)]),
    ("id", "Model ini berjalan sejak 03/2023 dengan 20 anggota.", [(2023, False)]),
    ("vi", "Ngày 15/3/2023, xã ra mắt mô hình.", []),
    ("vi", "Theo Nghị quyết số 12/2023/NQ-HĐND của tỉnh.", []),
    # a month name introduces its year; a day before it makes a date (a dateline)
    ("en", "The union launched the model in August 2023.", [(2023, False)]),
    ("id", "Model ini diluncurkan pada Agustus 2023.", [(2023, False)]),
    ("fr", "Ha Giang, 5 mars 2024 – le modèle existe depuis 2022.", [(2024, True), (2022, False)]),
    ("fa", "گیونگ ترام، ۱۸ اوت ۲۰۲۴ – مدل از سال ۲۰۲۱ اجرا می‌شود.", [(2024, True), (2021, False)]),
])
def test_a_month_and_its_year_name_the_year(lang: str, text: str,
                                            years: list[tuple[int, bool]]) -> None:
    assert [(y.year, y.bare) for y in find_years(text, lang)] == years


def test_a_models_year_may_come_from_a_month_and_year() -> None:
    (record,) = extract("Đoàn Thanh niên xã thực hiện mô hình “Con đường bóng mát” từ tháng "
                        "3/2023: đoàn viên đã trồng 2.400 cây bóng mát.", "vi")
    assert (record.model_name, record.year) == ("Con đường bóng mát", 2023)


def test_a_year_without_a_year_word_is_only_a_fallback() -> None:
    (year,) = find_years("Dịp Tết Nguyên đán 2024, xã trao tặng 320 phần quà.", "vi")
    assert (year.year, year.bare) == (2024, True)


def test_a_models_figures_stay_with_it_across_sentences_and_paragraphs() -> None:
    text = ("Di bidang keamanan, model Tim Swakelola \"5 in 1\" di komune Tam Thang (Tam Ky) dipilih. "
            "Model ini diluncurkan di Desa Kim Doi dengan 20 anggota pada tahun 2022.\n"
            "Kelompok ini menyelenggarakan lebih dari 300 patroli dan menangani 37 kasus.")
    (record,) = extract(text, "id")
    assert record.model_name == "5 in 1" and record.year == 2022
    assert (record.locality.commune, record.locality.village) == ("Tam Thang", "Kim Doi")
    assert [m.value for m in record.metrics] == [20, 300, 37]


def test_counts_of_models_belong_to_the_place() -> None:
    text = ("Toàn tỉnh Quảng Nam có 6.540 mô hình. Tiêu biểu là mô hình “Tổ tự quản” ở xã Tam Thăng "
            "với 20 thành viên. Toàn huyện có 119 mô hình.")
    records = extract(text, "vi")
    by_model = {r.model_name: [(m.metric, m.value) for m in r.metrics] for r in records}
    assert by_model["Tổ tự quản"] == [("members", 20)]
    assert ("models", 6540) in by_model[None]


def _rows(article: str, lang: str, recs: list[tuple[str | None, str, list[tuple[str, float]]]]):
    records, metrics = [], []
    for seq, (model, commune, values) in enumerate(recs):
        rid = f"{article}/{seq}"
        records.append({"record_id": rid, "article_id": article, "seq": seq, "model_name": model,
                        "commune": commune, "province": "Quang Nam", "quoted": bool(model)})
        metrics += [{"metric_id": f"{rid}/{i}", "record_id": rid, "article_id": article,
                     "metric": k, "value": v, "qualifier": "exact"} for i, (k, v) in enumerate(values)]
    return records, metrics, {"article_id": article, "lang": lang, "story_method": "cited_url"}


def test_reconciliation_counts_each_fact_once_and_flags_conflicts() -> None:
    fr = _rows("fr.txt", "fr", [(None, "", [("models", 6540)]),
                                ("5 en 1", "Tam Thang", [("members", 169), ("subjects", 73)])])
    id_ = _rows("id.txt", "id", [("5 in 1", "Tam Thang", [("members", 169), ("cases", 73)]),
                                 (None, "", [("models", 6540)])])
    fa = _rows("fa.txt", "fa", [("5 در 1", "Tam Thang", [("members", 169), ("cases", 73)])])
    records = fr[0] + id_[0] + fa[0]
    metrics = fr[1] + id_[1] + fa[1]
    story_records, story_metrics = reconcile("s", records, metrics, [fr[2], id_[2], fa[2]])
    assert len(story_records) == 2
    assert sorted((m["metric"], m["value"], m["n_articles"]) for m in story_metrics) == [
        ("cases", 73, 3), ("members", 169, 3), ("models", 6540, 2)]
    conflict = next(m for m in story_metrics if m["value"] == 73)
    assert conflict["conflict"] and conflict["keys"] == ["cases", "subjects"]
    five = next(r for r in story_records if r["model_name"])
    assert five["model_names"] == {"fr": "5 en 1", "id": "5 in 1", "fa": "5 در 1"}


def test_a_record_joins_by_place_without_metrics_and_by_value_with_them() -> None:
    """A translated record with no figures joins the cluster of its place and kind; one with
    figures joins only a cluster sharing a value, however well its place matches another."""
    vi = _rows("vi.txt", "vi", [("Tổ tự quản", "Tam Thang", []),
                                ("Đường hoa", "Tam Phu", [("km", 4.5)])])
    en = _rows("en.txt", "en", [("Tree planting", "Tam Thang", [("trees", 300)]),
                                ("Self-managed team", "Tam Thang", []),
                                ("Flower road", "Tam Thang", [("km", 4.5)])])
    story_records, _ = reconcile("s", vi[0] + en[0], vi[1] + en[1], [vi[2], en[2]])
    joined = {frozenset(r["record_ids"]) for r in story_records}
    assert joined == {frozenset({"vi.txt/0", "en.txt/1"}), frozenset({"vi.txt/1", "en.txt/2"}),
                      frozenset({"en.txt/0"})}


@pytest.mark.parametrize("seed", range(5))
def test_the_value_index_finds_exactly_the_close_values(seed: int) -> None:
    """reconcile looks values up in a sorted index: it must find what comparing every value
    with every cluster finds, at the tolerance's edges too."""
    import random

    from pipeline.reconcile import TOLERANCE, _close, _ValueIndex

    rng = random.Random(seed)
    index, held = _ValueIndex(), []
    for cluster in range(40):
        for _ in range(rng.randint(1, 6)):
            value = rng.choice([0.0, float(rng.randint(1, 2000)), rng.uniform(0, 1e6)])
            index.add(value, cluster)
            held.append((value, cluster))
    probes = [v * f for v, _ in held for f in (1, 1 - TOLERANCE, 1 + TOLERANCE, 1.01, 0.99)]
    for probe in probes + [rng.uniform(0, 1e6) for _ in range(200)]:
        assert index.clusters_near(probe) == {c for v, c in held if _close(probe, v)}


# The model's sentence names no commune; the commune was named just before it. A later paragraph
# (a caption, a quote's speaker) naming that same commune goes on about the model; one naming
# another commune does not.
OWN_COMMUNE = {
    "vi": ("Về xã Vũ Tiến, huyện Vũ Thư, đường làng sáng đèn. Đó là kết quả của mô hình "
           "“Thắp sáng đường quê” triển khai từ năm 2021.\n"
           "Theo bà Lan, Chủ tịch Hội Phụ nữ xã {commune}, hội đã vận động 150 hộ dân tham gia."),
    "fr": ("Dans la commune de Vu Tien, district de Vu Thu, les routes sont éclairées. C'est le "
           "résultat du modèle « Éclairer les routes » lancé en 2021.\n"
           "Selon Mme Lan, présidente de l'Union des femmes de la commune de {commune}, l'Union a "
           "mobilisé 150 ménages."),
    "en": ("In Vu Tien commune, Vu Thu district, village roads are lit at night. This is the result "
           "of the \"Lighting rural roads\" model launched in 2021.\n"
           "According to Ms. Lan, Chairwoman of the Women's Union of {commune} commune, the union "
           "mobilised 150 households."),
    "id": ("Di komune Vu Tien, distrik Vu Thu, jalan desa kini terang. Itulah hasil model "
           "\"Menerangi Jalan Desa\" yang diluncurkan pada tahun 2021.\n"
           "Menurut Ibu Lan, Ketua Persatuan Perempuan komune {commune}, persatuan telah "
           "memobilisasi 150 rumah tangga."),
    "fa": ("در کمون وو تین، شهرستان وو تو، جاده‌های روستا روشن است. این نتیجه مدل «روشن کردن "
           "جاده‌ها» است که از سال ۲۰۲۱ اجرا شده است.\n"
           "به گفته خانم لان، رئیس اتحادیه زنان کمون {commune}، اتحادیه ۱۵۰ خانوار را بسیج کرد."),
}


@pytest.mark.parametrize("lang", sorted(OWN_COMMUNE))
@pytest.mark.parametrize(("commune", "with_model"), [("Vu Tien", True), ("Song An", False)])
def test_a_paragraph_naming_the_models_own_commune_goes_on_about_it(
        lang: str, commune: str, with_model: bool) -> None:
    text = OWN_COMMUNE[lang].format(commune=_spelt(commune, lang))
    records = extract(text, lang)
    holder = next(r for r in records if any(m.value == 150 for m in r.metrics))
    assert (holder.model_name is not None) == with_model
    assert holder.locality.commune == commune


def _spelt(name: str, lang: str) -> str:
    spellings = {"vi": {"Vu Tien": "Vũ Tiến"}, "fa": {"Vu Tien": "وو تین", "Song An": "سونگ آن"}}
    return spellings.get(lang, {}).get(name, name)


@pytest.mark.parametrize(("lang", "text"), [
    ("vi", "Tại xã Vũ Hội, huyện Vũ Thư có nhiều mô hình.\nTheo Ban Dân vận Tỉnh ủy Thái Bình, "
           "toàn tỉnh có gần 4.800 mô hình, trong đó văn hóa - xã hội hơn 1.400 mô hình."),
    ("fr", "Dans la commune de Vu Hoi, district de Vu Thu, il y a de nombreux modèles.\n"
           "Selon la Commission, l'ensemble de la province a construit près de 4 800 modèles, dont "
           "plus de 1 400 dans le domaine culturel et social de la commune."),
    ("en", "In Vu Hoi commune, Vu Thu district, there are many models.\nAccording to the "
           "commune Women's Union, the whole province has built more than 1,400 models."),
])
def test_a_whole_province_cue_outranks_a_bare_level_word(lang: str, text: str) -> None:
    """'xã hội' (society) holds 'xã' (commune); 'the commune' is bare: the sentence is still
    about the whole province."""
    (record,) = [r for r in extract(text, lang) if any(m.value == 1400 for m in r.metrics)]
    assert (record.locality.commune, record.locality.district) == (None, None)
    assert record.locality.province == "Thai Binh"


LISTED_MODELS = {
    "en": ("Typical models were honoured at the conference, such as “Rice jar for the poor” of the "
           "Hung Ha district Women's Union; “Lighting up roads” in Kien Xuong district; “Turning "
           "waste into money” in Tien Hai district..."),
    "fr": ("Des modèles typiques ont été honorés lors de la conférence, tels que « Jarre de riz "
           "pour les pauvres » de l'Union des femmes du district de Hung Ha ; « Éclairer les "
           "routes » dans le district de Kien Xuong ; « Des déchets en argent » dans le district "
           "de Tien Hai..."),
    "vi": ("Nhiều mô hình được biểu dương tại hội nghị, như “Hũ gạo tình thương” của Hội Phụ nữ "
           "huyện Hưng Hà; “Thắp sáng đường quê” ở huyện Kiến Xương; “Biến rác thành tiền” ở huyện "
           "Tiền Hải..."),
    "id": ("Model-model teladan dihormati dalam konferensi, seperti \"Guci Beras untuk Orang "
           "Miskin\" dari Persatuan Perempuan distrik Hung Ha; \"Menerangi Jalan\" di distrik "
           "Kien Xuong; \"Mengubah Sampah Menjadi Uang\" di distrik Tien Hai..."),
    "fa": ("مدل‌های نمونه در این کنفرانس تجلیل شدند، مانند «کوزه برنج برای فقرا» از اتحادیه زنان "
           "شهرستان هونگ ها؛ «روشن کردن جاده‌ها» در شهرستان کین شوونگ؛ «تبدیل زباله به پول» در "
           "شهرستان تین های..."),
}


@pytest.mark.parametrize("lang", sorted(LISTED_MODELS))
def test_quoted_names_listed_after_such_as_are_models_each_with_its_place(lang: str) -> None:
    records = [r for r in extract(LISTED_MODELS[lang], lang) if r.model_name]
    assert [r.locality.district for r in records] == ["Hung Ha", "Kien Xuong", "Tien Hai"]


LISTED_WITH_AND = {
    "en": ("Typical models include “Bright alleys” in Go Dau district, “Farmers help farmers” in "
           "Tan Chau district and “Safe border areas” in Tan Bien district."),
    "fr": ("Parmi les modèles typiques figurent « Ruelles lumineuses » dans le district de Go Dau, "
           "« Entraide paysanne » dans le district de Tan Chau et « Frontière sûre » dans le "
           "district de Tan Bien."),
    "vi": ("Các mô hình tiêu biểu như “Hẻm sáng” ở huyện Gò Dầu, “Nông dân giúp nhau” ở huyện "
           "Tân Châu và “Biên giới an toàn” ở huyện Tân Biên."),
    "id": ("Model-model unggulan antara lain \"Gang terang\" di distrik Go Dau, \"Petani saling "
           "membantu\" di distrik Tan Chau dan \"Perbatasan aman\" di distrik Tan Bien."),
    "fa": ("مدل‌های نمونه مانند «کوچه روشن» در شهرستان گو داو، «کشاورزان یاور» در شهرستان "
           "تان چائو و «مرز امن» در شهرستان تان بین."),
}


@pytest.mark.parametrize("lang", sorted(LISTED_WITH_AND))
def test_the_last_name_of_a_list_after_a_conjunction_is_a_model(lang: str) -> None:
    records = [r for r in extract(LISTED_WITH_AND[lang], lang) if r.model_name]
    assert len(records) == 3
    assert records[-1].model_name in ("Safe border areas", "Frontière sûre", "Biên giới an toàn",
                                      "Perbatasan aman", "مرز امن")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The union organised activities such as “Green Sunday” and “Clean Alley”."),
    ("en", "The “Green Sunday” model has 30 members; people call the road “the lamp road”."),
    ("vi", "Hội tổ chức các hoạt động như “Ngày chủ nhật xanh”, “Ngõ sạch”."),
    ("fr", "L'Union organise des activités telles que « Dimanche vert » ; « Ruelle propre »."),
])
def test_a_quoted_list_is_of_models_only_after_a_model_cue_and_without_figures(
        lang: str, text: str) -> None:
    names = [r.model_name for r in extract(text, lang) if r.model_name]
    assert names in ([], ["Green Sunday"])


# The first model's paragraph, then a sentence naming a village before the second model, then
# district-wide figures since a year.
TWO_MODELS = {
    "vi": ("Tại xã Vũ Tiến, huyện Vũ Thư, mô hình “Thắp sáng đường quê” có 20 thành viên.\n"
           "Cùng với đó, tại thôn Đông, mô hình “Tổ tự quản” có 18 thành viên.\n"
           "Từ năm 2020 đến nay, toàn huyện đã làm mới 42 km đường."),
    "en": ("In Vu Tien commune, Vu Thu district, the \"Lighting rural roads\" model has 20 members.\n"
           "In Dong village, the \"Self-managed team\" model has 18 members.\n"
           "From 2020 to now, the whole district has built 42 km of roads."),
    "fr": ("Dans la commune de Vu Tien, district de Vu Thu, le modèle « Éclairer les routes » "
           "compte 20 membres.\nDans le village de Dong, le modèle « Équipe autogérée » compte 18 "
           "membres.\nDe 2020 à aujourd'hui, l'ensemble du district a construit 42 km de routes."),
    "id": ("Di komune Vu Tien, distrik Vu Thu, model \"Menerangi Jalan\" memiliki 20 anggota.\n"
           "Di desa Dong, model \"Tim Swakelola\" memiliki 18 anggota.\n"
           "Sejak tahun 2020, seluruh distrik telah membangun 42 km jalan."),
}


@pytest.mark.parametrize("lang", sorted(TWO_MODELS))
def test_a_new_models_sentence_keeps_its_places_and_a_later_place_keeps_its_year(
        lang: str) -> None:
    first, second, district = extract(TWO_MODELS[lang], lang)
    assert (first.locality.village, second.locality.village) == (None, "Dong")
    assert (first.year, second.year) == (None, None)  # 2020 is the district's
    assert (district.model_name, district.year, district.locality.district) == (None, 2020, "Vu Thu")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "In Vu Tien commune, Vu Thu district, the \"Lighting rural roads\" model has 20 members. "
           "Youth volunteers across the district have dredged 35 km of canals."),
    ("en", "In Vu Tien commune, Vu Thu district, the \"Lighting rural roads\" model has 20 members. "
           "Since 2020, volunteers throughout the district have dredged 35 km of canals."),
    ("fr", "Dans la commune de Vu Tien, district de Vu Thu, le modèle « Éclairer les routes » "
           "compte 20 membres. Les jeunes ont curé à l'échelle du district 35 km de canaux."),
    ("vi", "Tại xã Vũ Tiến, huyện Vũ Thư, mô hình “Thắp sáng đường quê” có 20 thành viên. "
           "Toàn huyện đã nạo vét 35 km kênh mương."),
])
def test_figures_across_the_whole_district_leave_the_model(lang: str, text: str) -> None:
    # in the model's own paragraph: only the whole-place cue says they are not the model's
    model, district = extract(text, lang)
    assert [m.value for m in model.metrics] == [20]
    assert (district.model_name, district.locality.district, district.locality.commune) == (
        None, "Vu Thu", None)
    assert [m.value for m in district.metrics] == [35]


# The district is named in the lead; a model of one of its communes follows; then a paragraph
# opens on "the district" without naming it: its figures are the district's, not the model's.
BARE_DISTRICT = {
    "en": ("Bac Ha district has many models.\nIn Lung Phinh commune, the \"Safe village\" model "
           "was set up in 2022 and installed 35 cameras.\nThe district now has 210 models. "
           "Residents have donated 12,000 working days."),
    "vi": ("Huyện Bắc Hà có nhiều mô hình.\nTại xã Lùng Phình, mô hình “Bản an toàn” thành lập "
           "năm 2022 đã lắp 35 camera.\nHuyện hiện có 210 mô hình. Nhân dân đã hiến 12.000 ngày "
           "công."),
    "fr": ("Le district de Bac Ha compte de nombreux modèles.\nDans la commune de Lung Phinh, le "
           "modèle « Village sûr », lancé en 2022, a installé 35 caméras.\nLe district compte "
           "désormais 210 modèles. Les habitants ont donné 12 000 journées de travail."),
    "id": ("Distrik Bac Ha memiliki banyak model.\nDi komune Lung Phinh, model \"Desa Aman\" yang "
           "dibentuk pada tahun 2022 telah memasang 35 kamera.\nDistrik kini memiliki 210 model. "
           "Warga telah menyumbangkan 12.000 hari kerja."),
    "fa": ("ناحیه باک ها مدل‌های زیادی دارد.\nدر کمون لونگ فین، مدل «روستای امن» که در سال ۲۰۲۲ "
           "راه‌اندازی شد، ۳۵ دوربین نصب کرد.\nبه گفته کمیته ناحیه، مردم ناحیه ۱۲۰۰۰ روز کاری "
           "اهدا کرده‌اند."),
}


@pytest.mark.parametrize("lang", sorted(BARE_DISTRICT))
def test_a_paragraph_opening_on_the_district_ends_the_model(lang: str) -> None:
    records = extract(BARE_DISTRICT[lang], lang)
    model = next(r for r in records if r.model_name)
    assert [m.metric for m in model.metrics] == ["cameras"]
    days = next(r for r in records if any(m.metric == "working_days" for m in r.metrics))
    assert days.model_name is None and days.locality.commune is None


# The same, where the district is never named with its level word: the gazetteer knows the
# commune's district, and "the district" is that one.
UNNAMED_DISTRICT = {
    "en": ("In Lung Phinh commune, Lao Cai province, the \"Safe village\" model was set up in "
           "2022 and installed 35 cameras.\nThe district now has 210 models."),
    "vi": ("Tại xã Lùng Phình, tỉnh Lào Cai, mô hình “Bản an toàn” thành lập năm 2022 đã lắp 35 "
           "camera.\nHuyện hiện có 210 mô hình."),
    "fr": ("Dans la commune de Lung Phinh, province de Lao Cai, le modèle « Village sûr », lancé "
           "en 2022, a installé 35 caméras.\nSelon le comité du district, Bac Ha compte "
           "aujourd'hui 210 modèles."),
    "id": ("Di komune Lung Phinh, provinsi Lao Cai, model \"Desa Aman\" yang dibentuk pada tahun "
           "2022 telah memasang 35 kamera.\nDistrik kini memiliki 210 model."),
    "fa": ("در کمون لونگ فین، استان لائو کای، مدل «روستای امن» که در سال ۲۰۲۲ راه‌اندازی شد، ۳۵ "
           "دوربین نصب کرد.\nبه گفته کمیته ناحیه، ناحیه اکنون ۲۱۰ مدل دارد."),
}


@pytest.mark.parametrize("lang", sorted(UNNAMED_DISTRICT))
def test_the_district_of_the_commune_named_is_the_bare_districts(lang: str) -> None:
    records = extract(UNNAMED_DISTRICT[lang], lang)
    model = next(r for r in records if r.model_name)
    assert (model.locality.commune, [m.metric for m in model.metrics]) == ("Lung Phinh", ["cameras"])
    count = next(r for r in records if any(m.metric == "models" for m in r.metrics))
    assert (count.model_name, count.locality.district, count.locality.commune) == (
        None, "Bac Ha", None)


# The lead counts the district's models before the article names the district with its level
# word (only later, in "Huyện ủy Hiệp Đức"): "the whole district" is the one it names.
DISTRICT_NAMED_LATER = {
    "vi": ("Phong trào “Dân vận khéo” ở Hiệp Đức được triển khai sâu rộng. Đến cuối năm 2023, "
           "toàn huyện có 127 mô hình.\nTại xã Sông Trà, mô hình “Trồng quế” có 96 hộ.\nÔng "
           "Hoan, Trưởng Ban Dân vận Huyện ủy Hiệp Đức, cho biết như vậy."),
    "en": ("The movement has been widely carried out in Hiep Duc. By the end of 2023, the district "
           "had 127 models.\nIn Song Tra commune, the \"Cinnamon\" model has 96 households.\nMr "
           "Hoan, head of the Hiep Duc District Party Committee's Mass Mobilization Board, said so."),
    "id": ("Gerakan ini dilaksanakan secara luas di Hiep Duc. Hingga akhir tahun 2023, seluruh "
           "distrik memiliki 127 model.\nDi komune Song Tra, model \"Kayu manis\" memiliki 96 "
           "rumah tangga.\nBapak Hoan, Kepala Komite Mobilisasi Massa Komite Partai distrik Hiep "
           "Duc, mengatakan demikian."),
    "fr": ("Le mouvement est largement mené à Hiep Duc. Fin 2023, l'ensemble du district comptait "
           "127 modèles.\nDans la commune de Song Tra, le modèle « Cannelle » compte 96 ménages.\n"
           "M. Hoan, chef du comité de mobilisation du comité du Parti du district de Hiep Duc, "
           "l'a dit."),
}


@pytest.mark.parametrize("lang", sorted(DISTRICT_NAMED_LATER))
def test_the_whole_district_before_it_is_named_is_the_one_named_later(lang: str) -> None:
    records = extract(DISTRICT_NAMED_LATER[lang], lang)
    count = next(r for r in records if any(m.metric == "models" for m in r.metrics))
    assert (count.model_name, count.locality.province, count.locality.district) == (
        None, "Quang Nam", "Hiep Duc")


def test_the_whole_district_stays_unnamed_where_the_article_names_two() -> None:
    text = ("Đến cuối năm 2023, toàn huyện có 127 mô hình.\nHuyện Hiệp Đức và huyện Nông Sơn "
            "cùng triển khai mô hình “Trồng quế” với 96 hộ.")
    count = next(r for r in extract(text, "vi") if any(m.metric == "models" for m in r.metrics))
    assert count.locality.district is None


@pytest.mark.parametrize("opening", [
    "علاوه بر این، کمیته جبهه میهن شهرستان ساخت ۲۷ خانه همبستگی را بسیج کرده است.",
    "کمیته جبهه میهن شهرستان ساخت ۲۷ خانه همبستگی را بسیج کرده است.",
])
def test_a_persian_paragraph_on_the_districts_committee_ends_the_model(opening: str) -> None:
    # Persian has no capitals: "شهرستان ساخت" (the district built) reads like a district named
    # "ساخت", which the gazetteer does not know, so the level word stands alone
    text = ("شهرستان تو شوان در استان تان هوا ۳۱۸ مدل دارد.\n"
            "در کمون شوان هوا، مدل «شنبه داوطلبانه» اتحادیه جوانان کمون ۱۵۰۰ درخت کاشت.\n" + opening)
    records = extract(text, "fa")
    model = next(r for r in records if r.model_name)
    assert [m.value for m in model.metrics] == [1500]
    houses = next(r for r in records if any(m.metric == "houses" for m in r.metrics))
    assert (houses.model_name, houses.locality.district, houses.locality.commune) == (
        None, "Tho Xuan", None)


# A model with no year of its own, then a goal for a year to come: that year is not the model's.
GOAL_YEAR = {
    "en": ("In Phu Thinh commune, the \"Clean family\" model gathers 215 households.\n"
           "The goal is 100 new models by 2025."),
    "vi": ("Tại xã Phú Thịnh, mô hình “Gia đình sạch” có 215 hộ tham gia.\n"
           "Mục tiêu đến năm 2025, huyện có thêm 100 mô hình mới."),
    "fr": ("Dans la commune de Phu Thinh, le modèle « Famille propre » réunit 215 ménages.\n"
           "Le district visait 100 nouveaux modèles d'ici 2025."),
    "id": ("Di komune Phu Thinh, model \"Keluarga Bersih\" melibatkan 215 rumah tangga.\n"
           "Targetnya pada tahun 2025 distrik memiliki 100 model baru."),
    "fa": ("در کمون فو تین، مدل «خانواده پاک» ۲۱۵ خانوار را گرد هم آورده است.\n"
           "هدف تا سال ۲۰۲۵ داشتن ۱۰۰ مدل جدید است."),
}


@pytest.mark.parametrize("lang", sorted(GOAL_YEAR))
def test_a_goal_gives_neither_a_figure_nor_a_year(lang: str) -> None:
    records = extract(GOAL_YEAR[lang], lang)
    assert [(m.metric, m.value) for r in records for m in r.metrics] == [("households", 215)]
    assert [r.year for r in records] == [None]


# A model with no year of its own, then a goal whose year comes first: "In 2025, the district
# strives ...". The goal's cue just after the year makes it the goal's year, whatever the date.
LATER_YEAR = {
    "en": ("In Mau Due commune, the \"Rotating cows\" model helps 48 households.\n"
           "In 2025, the district strives to have 200 models."),
    "vi": ("Tại xã Mậu Duệ, mô hình “Bò giống luân chuyển” hỗ trợ 48 hộ.\n"
           "Năm 2025, huyện phấn đấu có 200 mô hình."),
    "fr": ("Dans la commune de Mau Due, le modèle « Vaches tournantes » aide 48 ménages.\n"
           "En 2025, le district s'efforce d'atteindre 200 modèles."),
    "id": ("Di komune Mau Due, model \"Sapi bergilir\" membantu 48 rumah tangga.\n"
           "Pada tahun 2025, distrik berupaya memiliki 200 model."),
    "fa": ("در کمون مائو دوی، مدل «گاوهای چرخشی» به ۴۸ خانوار کمک می‌کند.\n"
           "در سال ۲۰۲۵، شهرستان تلاش می‌کند ۲۰۰ مدل داشته باشد."),
}


@pytest.mark.parametrize("lang", sorted(LATER_YEAR))
@pytest.mark.parametrize("published", [date(2024, 10, 18), date(2026, 1, 5), None])
def test_a_goal_said_after_its_year_gives_the_model_no_year(lang: str, published: date | None) -> None:
    records = extract(LATER_YEAR[lang], lang, published)
    model = next(r for r in records if r.model_name)
    assert (model.year, [(m.metric, m.value) for m in model.metrics]) == (None, [("households", 48)])


# A figure of a year after the article's is a plan, no figure at all; read later, it is one of
# that year.
@pytest.mark.parametrize(("lang", "text"), [
    ("en", "In Mau Due commune, the \"Rotating cows\" model helps 48 households.\n"
           "In 2025, the district will have 200 models."),
    ("vi", "Tại xã Mậu Duệ, mô hình “Bò giống luân chuyển” hỗ trợ 48 hộ.\n"
           "Năm 2025, huyện sẽ có 200 mô hình."),
])
def test_a_year_after_the_articles_is_a_plan(lang: str, text: str) -> None:
    def models(published: date) -> list[tuple[int | None, float]]:
        return [(r.year, m.value) for r in extract(text, lang, published)
                for m in r.metrics if m.metric == "models"]

    assert models(date(2024, 10, 18)) == []
    assert models(date(2026, 1, 5)) == [(2025, 200)]


# An intertitle repeating a figure of the paragraph after it: the figure counts once, there.
INTERTITLE = {
    "fr": ("Le district compte 90 modèles.\n420 lampadaires pour les ruelles\n"
           "Au bourg de Thanh My, le modèle « Ruelles éclairées » a permis d'installer 420 lampadaires."),
    "en": ("The district has 90 models.\n420 lamps for the alleys\n"
           "In Thanh My township, the \"Lit alleys\" model has installed 420 lamps."),
    "vi": ("Huyện có 90 mô hình.\n420 bóng đèn cho ngõ xóm\n"
           "Tại thị trấn Thạnh Mỹ, mô hình “Ngõ xóm sáng đèn” đã lắp 420 bóng đèn."),
}


@pytest.mark.parametrize("lang", sorted(INTERTITLE))
def test_an_intertitles_figure_repeated_below_counts_once(lang: str) -> None:
    records = extract(INTERTITLE[lang], lang)
    lights = [(r.model_name, m.value) for r in records for m in r.metrics if m.metric == "lights"]
    assert len(lights) == 1 and lights[0][0] is not None
    # a figure the paragraph does not repeat stays
    other = INTERTITLE[lang].replace("420", "120", 1)
    assert sorted(m.value for r in extract(other, lang) for m in r.metrics
                  if m.metric == "lights") == [120, 420]


@pytest.mark.parametrize(("lang", "sentence", "level", "bare"), [
    ("vi", "Huyện hiện có 210 mô hình.", "district", True),
    ("vi", "Huyện ủy đã chỉ đạo nhân rộng 30 mô hình.", "district", False),  # the committee
    ("vi", "Huyện ủy Cầu Kè đã chỉ đạo nhân rộng 30 mô hình.", "district", False),  # named
    ("en", "The district now has 210 models.", "district", True),
    ("en", "The district of Bac Ha now has 210 models.", "district", False),
    ("fa", "مردم ناحیه ۱۲۰۰۰ روز کاری اهدا کرده‌اند.", "district", True),
])
def test_a_bare_level_word(lang: str, sentence: str, level: str, bare: bool) -> None:
    from extractors.records import _names_bare_level

    assert _names_bare_level(sentence, lang, level) is bare


# A figure earlier in the model's own sentence, outside any model, is the model's; a count of
# models there stays with its place.
FIGURES_BEFORE = {
    "en": ("Tran De has 58 models. In Lieu Tu commune, the Farmers' Association has spent "
           "VND1.5bn since 2021 on the model \"Shrimp-rice rotation\", which covers 320 hectares."),
    "vi": ("Trần Đề có 58 mô hình. Tại xã Liêu Tú, Hội Nông dân đã chi 1,5 tỷ đồng từ năm 2021 cho "
           "mô hình “Luân canh tôm - lúa”, với diện tích 320 ha."),
    "fr": ("Tran De compte 58 modèles. Dans la commune de Lieu Tu, l'Association des agriculteurs a "
           "dépensé 1,5 milliard de dôngs depuis 2021 pour le modèle « Rotation crevettes-riz », "
           "qui couvre 320 hectares."),
    "id": ("Tran De memiliki 58 model. Di komune Lieu Tu, Asosiasi Petani telah menghabiskan 1,5 "
           "miliar VND sejak 2021 untuk model \"Rotasi Udang-Padi\", yang mencakup 320 hektar."),
    "fa": ("تران د ۵۸ مدل دارد. در کمون لیو تو، انجمن کشاورزان از سال ۲۰۲۱ مبلغ ۱٫۵ میلیارد دونگ "
           "برای مدل «چرخش میگو و برنج» هزینه کرده است که ۳۲۰ هکتار را پوشش می‌دهد."),
}


@pytest.mark.parametrize("lang", sorted(FIGURES_BEFORE))
def test_figures_before_the_model_in_its_sentence_are_its_own(lang: str) -> None:
    records = extract(FIGURES_BEFORE[lang], lang)
    (model,) = [r for r in records if r.model_name]
    assert sorted((m.metric, m.value) for m in model.metrics) == [("hectares", 320),
                                                                  ("vnd", 1_500_000_000)]
    assert [(m.metric, m.value) for r in records if not r.model_name for m in r.metrics] == [
        ("models", 58)]


# After a model's paragraph, a paragraph opening on another organisation's work: (A) a model
# whose stretch names its own organisation, then another; (B) "In addition" and an
# organisation. Its figures and year are not the model's. (C) The model's own organisation
# introduced only after it goes on about the model.
OTHER_ORG = {
    "en": ("In Kien An commune, the Veterans' Association runs the \"Mediation team\" model, set up "
           "in 2019 with 35 members.\nThe Youth Union of the commune served 1,500 meals to poor "
           "patients and handed out 320 gifts in 2024.",
           "In Kien An commune, the \"Forest ecotourism\" model has involved 76 households since "
           "2022.\nIn addition, the Youth Union of the commune set up 4 volunteer teams with 60 "
           "members in 2024.",
           "In Kien An commune, the \"Clean water\" model has brought tap water to 164 households "
           "since 2021.\nThe commune's Farmers' Association mobilised 2,300 working days to lay "
           "6.8km of pipes."),
    "vi": ("Tại xã Kiến An, Hội Cựu chiến binh xã duy trì mô hình “Tổ hòa giải” từ năm 2019 với 35 "
           "thành viên.\nHội Chữ thập đỏ xã đã nấu 1.500 suất ăn cho bệnh nhân nghèo và trao 320 "
           "phần quà năm 2024.",
           "Tại xã Kiến An, mô hình “Du lịch sinh thái rừng” có 76 hộ tham gia từ năm 2022.\nNgoài "
           "ra, Đoàn Thanh niên xã thành lập 4 đội tình nguyện với 60 thành viên năm 2024.",
           "Tại xã Kiến An, mô hình “Nước sạch” đã đưa nước máy đến 164 hộ từ năm 2021.\nHội Nông "
           "dân xã vận động 2.300 ngày công để lắp 6,8 km đường ống."),
    "fr": ("Dans la commune de Kien An, l'Association des vétérans gère le modèle « Équipe de "
           "médiation », créé en 2019 avec 35 membres.\nL'Union de la jeunesse de la commune a "
           "servi 1 500 repas aux patients pauvres et distribué 320 cadeaux en 2024.",
           "Dans la commune de Kien An, le modèle « Écotourisme forestier » réunit 76 ménages depuis "
           "2022.\nPar ailleurs, l'Union de la jeunesse de la commune a créé 4 équipes de "
           "volontaires avec 60 membres en 2024.",
           "Dans la commune de Kien An, le modèle « Eau potable » a apporté l'eau courante à 164 "
           "ménages depuis 2021.\nEn 2022, la coopérative a mobilisé 2 300 journées de travail pour "
           "poser 6,8 km de canalisations."),  # "la coopérative": a reference, not a name
    "id": ("Di komune Kien An, Asosiasi Veteran komune menjalankan model \"Tim Mediasi\" sejak tahun "
           "2019 dengan 35 anggota.\nPersatuan Pemuda komune menyajikan 1.500 porsi makanan untuk "
           "pasien miskin dan membagikan 320 hadiah pada tahun 2024.",
           "Di komune Kien An, model \"Ekowisata Hutan\" melibatkan 76 rumah tangga sejak tahun "
           "2022.\nSelain itu, Persatuan Pemuda komune membentuk 4 tim relawan dengan 60 anggota "
           "pada tahun 2024.",
           "Di komune Kien An, model \"Air Bersih\" telah mengalirkan air ke 164 rumah tangga sejak "
           "tahun 2021.\nAsosiasi Petani komune memobilisasi 2.300 hari kerja untuk memasang 6,8 km "
           "pipa."),
    "fa": ("در کمون کین آن، انجمن کهنه‌سربازان مدل «تیم میانجی‌گری» را از سال ۲۰۱۹ با ۳۵ عضو اداره "
           "می‌کند.\nاتحادیه جوانان کمون در سال ۲۰۲۴، ۱۵۰۰ وعده غذایی برای بیماران فقیر تهیه کرد و "
           "۳۲۰ هدیه اهدا کرد.",
           "در کمون کین آن، مدل «گردشگری جنگلی» از سال ۲۰۲۲ با مشارکت ۷۶ خانوار اجرا می‌شود.\nعلاوه "
           "بر این، اتحادیه جوانان کمون در سال ۲۰۲۴، ۴ تیم داوطلب با ۶۰ عضو تشکیل داد.",
           "در کمون کین آن، مدل «آب پاک» از سال ۲۰۲۱ آب لوله‌کشی را به ۱۶۴ خانوار رسانده است.\n"
           "انجمن کشاورزان کمون ۲۳۰۰ روز کاری برای کشیدن ۶٫۸ کیلومتر لوله بسیج کرد."),
}


def _model_and_rest(text: str, lang: str) -> tuple[ModelRecord, list[tuple[str, float]]]:
    records = extract(text, lang)
    (model,) = [r for r in records if r.model_name]
    return model, [(m.metric, m.value) for r in records if not r.model_name for m in r.metrics]


# scripts with capitals, which tell a name ("Hội Chữ thập đỏ") from a reference ("this union")
CASED = sorted(set(OTHER_ORG) - {"fa"})


@pytest.mark.parametrize("lang", CASED)
def test_another_named_organisations_paragraph_is_not_the_models(lang: str) -> None:
    model, rest = _model_and_rest(OTHER_ORG[lang][0], lang)
    assert [(m.metric, m.value) for m in model.metrics] == [("members", 35)]
    assert model.year == 2019 and ("gifts", 320) in rest


def test_without_capitals_another_organisation_alone_does_not_end_the_model() -> None:
    """Persian cannot tell "اتحادیه جوانان" (a name) from "این اتحادیه" (this union) by case:
    without an addition cue, the paragraph goes on about the model."""
    model, _ = _model_and_rest(OTHER_ORG["fa"][0], "fa")
    assert ("gifts", 320) in [(m.metric, m.value) for m in model.metrics]


@pytest.mark.parametrize("lang", sorted(OTHER_ORG))
def test_an_addition_cue_and_an_organisation_end_the_model(lang: str) -> None:
    model, rest = _model_and_rest(OTHER_ORG[lang][1], lang)
    assert [(m.metric, m.value) for m in model.metrics] == [("households", 76)]
    assert model.year == 2022 and ("members", 60) in rest


@pytest.mark.parametrize("lang", sorted(OTHER_ORG))
def test_the_models_own_organisation_named_after_it_goes_on_about_it(lang: str) -> None:
    model, rest = _model_and_rest(OTHER_ORG[lang][2], lang)
    assert {(m.metric, m.value) for m in model.metrics} == {
        ("households", 164), ("working_days", 2300), ("km", 6.8)}
    assert rest == []


def test_a_quoted_phrase_is_no_model_when_the_cue_after_it_is_in_another_clause() -> None:
    assert find_model_names("Residents call it \"Green Sunday\" and the model has grown.", "en") == []


# A model named after its figures, in a later sentence of their paragraph: the commune's figures
# and the commune are the model's; a district's, totals, stay the district's.
FIGURES_IN_PARAGRAPH = {
    "vi": ("Xã Hàm Phú có 12 mô hình.\nTại xã Hàm Trí, Hội Nông dân xã hướng dẫn 64 hộ trồng thanh long trên diện tích 85 ha. "
           "Mô hình “Thanh long sạch” được triển khai từ năm 2018.",
           "Huyện Hàm Thuận Bắc đã hỗ trợ 640 hộ trồng thanh long. Mô hình “Thanh long sạch” ở xã "
           "Hàm Trí được triển khai từ năm 2018."),
    "en": ("Ham Phu commune has 12 models.\nIn Ham Tri commune, the Farmers' Association guided 64 households to grow dragon fruit "
           "on 85 hectares. The \"Clean dragon fruit\" model was launched in 2018.",
           "Ham Thuan Bac district has supported 640 households growing dragon fruit. The \"Clean "
           "dragon fruit\" model in Ham Tri commune was launched in 2018."),
    "fr": ("La commune de Ham Phu compte 12 modèles.\nDans la commune de Ham Tri, l'Association des agriculteurs a guidé 64 ménages sur 85 "
           "hectares de pitaya. Le modèle « Pitaya propre » a été lancé en 2018.",
           "Le district de Ham Thuan Bac a aidé 640 ménages à cultiver la pitaya. Le modèle « Pitaya "
           "propre » de la commune de Ham Tri a été lancé en 2018."),
    "id": ("Komune Ham Phu memiliki 12 model.\nDi Komune Ham Tri, Asosiasi Petani membimbing 64 rumah tangga menanam buah naga di lahan "
           "85 hektar. Model \"Buah naga bersih\" dimulai pada tahun 2018.",
           "Distrik Ham Thuan Bac telah mendukung 640 rumah tangga menanam buah naga. Model \"Buah "
           "naga bersih\" di Komune Ham Tri dimulai pada tahun 2018."),
}


@pytest.mark.parametrize("lang", sorted(FIGURES_IN_PARAGRAPH))
def test_a_communes_figures_before_the_model_in_its_paragraph_are_its_own(lang: str) -> None:
    model, rest = _model_and_rest(FIGURES_IN_PARAGRAPH[lang][0], lang)
    assert [(m.metric, m.value) for m in model.metrics] == [("households", 64), ("hectares", 85)]
    assert model.locality.commune == "Ham Tri" and model.year == 2018
    assert rest == [("models", 12)]  # the other commune's, in a paragraph of its own


@pytest.mark.parametrize("lang", sorted(FIGURES_IN_PARAGRAPH))
def test_a_districts_figures_before_the_model_in_its_paragraph_stay_the_districts(lang: str) -> None:
    model, rest = _model_and_rest(FIGURES_IN_PARAGRAPH[lang][1], lang)
    assert model.metrics == [] and rest == [("households", 640)]


# A paragraph on another organisation ends the model's stretch though it gives no figure: the
# commune's gifts in the paragraph after it are not the model's.
WITHOUT_FIGURES = {
    "en": ("In Kien An commune, the Veterans' Association runs the \"Mediation team\" model, set up "
           "in 2019 with 35 members.\nThe Youth Union of the commune regularly cleans the "
           "canals.\nAt Tet 2024, the commune gave 320 gifts to poor households."),
    "vi": ("Tại xã Kiến An, Hội Cựu chiến binh xã duy trì mô hình “Tổ hòa giải” từ năm 2019 với 35 "
           "thành viên.\nHội Chữ thập đỏ xã cũng thường xuyên nấu cơm miễn phí cho bệnh nhân nghèo."
           "\nDịp Tết Nguyên đán 2024, xã trao tặng 320 phần quà."),
    "fr": ("Dans la commune de Kien An, l'Association des vétérans gère le modèle « Équipe de "
           "médiation », créé en 2019 avec 35 membres.\nL'Union de la jeunesse de la commune "
           "nettoie régulièrement les canaux.\nPour le Têt 2024, la "
           "commune a offert 320 cadeaux."),
    "id": ("Di komune Kien An, Asosiasi Veteran komune menjalankan model \"Tim Mediasi\" sejak tahun "
           "2019 dengan 35 anggota.\nPersatuan Pemuda komune juga rutin membersihkan "
           "kanal.\nPada Tet 2024, komune memberikan 320 hadiah."),
}


@pytest.mark.parametrize("lang", sorted(WITHOUT_FIGURES))
def test_another_organisations_paragraph_without_figures_still_ends_the_model(lang: str) -> None:
    model, rest = _model_and_rest(WITHOUT_FIGURES[lang], lang)
    assert [(m.metric, m.value) for m in model.metrics] == [("members", 35)]
    assert rest == [("gifts", 320)]


# A list of models whose items, after semicolons, each say what their model did: each name is a
# model with its own place, figures and year; the last, with no year, takes none of theirs.
LIST_ITEMS = {
    "en": ("Kim Bang town has 128 models. Typical models include \"Clean fields\" in Nguyen Uy "
           "commune, which has collected 3.6 tonnes of packaging since 2021; \"Lit alleys\" in Le "
           "Ho ward, where residents installed 240 lamps along 7 km of alleys in 2022; and "
           "\"Green Sunday\" in Thuy Loi commune, which has raised 650 million VND."),
    "vi": ("Thị xã Kim Bảng có 128 mô hình. Tiêu biểu như mô hình “Cánh đồng sạch” ở xã Nguyễn Úy, "
           "từ năm 2021 đã thu gom 3,6 tấn bao bì; “Ngõ sáng” ở phường Lê Hồ, năm 2022 người dân "
           "lắp 240 bóng đèn trên 7 km ngõ xóm; và “Chủ nhật xanh” ở xã Thụy Lôi, đã vận động 650 "
           "triệu đồng."),
    "fr": ("La ville de Kim Bang compte 128 modèles, notamment le modèle « Champs propres » de la "
           "commune de Nguyen Uy, qui a collecté 3,6 tonnes d'emballages depuis 2021 ; « Ruelles "
           "éclairées » du quartier de Le Ho, où les habitants ont installé 240 lampes sur 7 km "
           "de ruelles en 2022 ; et « Dimanche vert » de la commune de Thuy Loi, qui a levé "
           "650 millions de dongs."),
    "id": ("Kota Kim Bang memiliki 128 model. Model-model tersebut antara lain \"Sawah bersih\" di "
           "Komune Nguyen Uy, yang sejak 2021 telah mengumpulkan 3,6 ton kemasan; \"Gang terang\" "
           "di Kelurahan Le Ho, tempat warga memasang 240 lampu di sepanjang 7 km gang pada tahun "
           "2022; dan \"Minggu hijau\" di Komune Thuy Loi, yang telah menghimpun 650 juta VND."),
}


@pytest.mark.parametrize("lang", sorted(LIST_ITEMS))
def test_each_item_of_a_list_of_models_after_a_semicolon_is_a_model(lang: str) -> None:
    models = [r for r in extract(LIST_ITEMS[lang], lang) if r.model_name]
    assert [(r.locality.commune, r.year, [(m.metric, m.value) for m in r.metrics])
            for r in models] == [
        ("Nguyen Uy", 2021, [("tons", 3.6)]),
        ("Le Ho", 2022, [("lights", 240), ("km", 7)]),
        ("Thuy Loi", None, [("vnd", 650e6)])]


@pytest.mark.parametrize(("lang", "text"), [
    # a figure inside a quoted model name is part of the name
    ("vi", "Xã Tân Lập có mô hình “Tuyến đường 100 cây xanh” với 45 hộ tham gia."),
    ("en", "Tan Lap commune has the \"Road of 100 trees\" model, which 45 households joined."),
    ("fr", "La commune de Tan Lap a le modèle « La route des 100 arbres », avec 45 ménages."),
])
def test_a_figure_inside_a_quoted_model_name_is_no_metric(lang: str, text: str) -> None:
    (model,) = [r for r in extract(text, lang) if r.model_name]
    assert [(m.metric, m.value) for m in model.metrics] == [("households", 45)]


# The place's figures of another year make a record of their own, with that year.
OTHER_YEAR = {
    "vi": ("Giai đoạn 2021-2024, huyện Phong Điền có 186 mô hình “Dân vận khéo”.\n"
           "Năm 2024, toàn huyện vận động nhân dân hiến hơn 12.000 m2 đất làm đường."),
    "en": ("In 2021, Phong Dien district had 186 models.\n"
           "In 2024, the whole district mobilised residents to donate more than 12,000 m2 of land."),
    "id": ("Pada periode 2021-2024, Distrik Phong Dien memiliki 186 model.\n"
           "Pada tahun 2024, seluruh distrik memobilisasi warga menyumbangkan lebih dari 12.000 m2 "
           "tanah."),
}


@pytest.mark.parametrize("lang", sorted(OTHER_YEAR))
def test_a_places_figures_of_another_year_are_a_record_of_their_own(lang: str) -> None:
    records = extract(OTHER_YEAR[lang], lang)
    assert [(r.locality.district, r.year, [(m.metric, m.value) for m in r.metrics])
            for r in records] == [("Phong Dien", 2021, [("models", 186)]),
                                  ("Phong Dien", 2024, [("hectares", 1.2)])]


# ... and so do a year's figures after the place's figures dated only by their sentence's period
YEAR_AFTER_PERIOD = {
    "vi": ("Huyện Phong Điền có 186 mô hình “Dân vận khéo” xây dựng trong giai đoạn 2020-2024.\n"
           "Riêng năm 2024, toàn huyện vận động nhân dân hiến 12.000 m2 đất làm đường."),
    "en": ("Phong Dien district has 186 models built in the period 2020-2024.\n"
           "In 2024 alone, the whole district mobilised residents to donate 12,000 m2 of land."),
    "id": ("Distrik Phong Dien memiliki 186 model yang dibangun dalam periode 2020-2024.\n"
           "Pada tahun 2024 saja, seluruh distrik memobilisasi warga menyumbangkan 12.000 m2 tanah."),
    "fr": ("Le district de Phong Dien compte 186 modèles construits au cours de la période 2020-2024.\n"
           "Rien qu'en 2024, tout le district a mobilisé les habitants pour céder 12 000 m2 de terres."),
}


@pytest.mark.parametrize("lang", sorted(YEAR_AFTER_PERIOD))
def test_a_years_figures_after_the_places_period_are_a_record_of_their_own(lang: str) -> None:
    records = extract(YEAR_AFTER_PERIOD[lang], lang)
    assert [(r.locality.district, r.year, [(m.metric, m.value) for m in r.metrics])
            for r in records] == [("Phong Dien", 2020, [("models", 186)]),
                                  ("Phong Dien", 2024, [("hectares", 1.2)])]


@pytest.mark.parametrize("lang", sorted(YEAR_AFTER_PERIOD))
def test_a_years_figures_after_the_places_undated_ones_join_them(lang: str) -> None:
    # undated figures, then the same place's figures of one year: one record, of that year
    text = YEAR_AFTER_PERIOD[lang].split("\n")
    undated = re.sub(r"\s*(?:xây dựng trong giai đoạn|built in the period|yang dibangun dalam "
                     r"periode|construits au cours de la période) 2020-2024", "", text[0])
    records = extract(f"{undated}\n{text[1]}", lang)
    assert [(r.locality.district, r.year, len(r.metrics)) for r in records] == [("Phong Dien", 2024, 2)]


@pytest.mark.parametrize(("lang", "text", "names"), [
    # quoted names opening the items of a list that a line saying "model" and ending on a colon
    # introduces (an HTML <ul>, dashed lines)
    ("vi", "Các mô hình tiêu biểu gồm:\n- “Gà đồi an toàn” của Hội Nông dân xã Đồng Tâm: 65 hộ.\n"
           "- “Tủ sách pháp luật” ở thị trấn Bố Hạ.", ["Gà đồi an toàn", "Tủ sách pháp luật"]),
    ("en", "The typical models include:\n- \"Safe hill chickens\" of Dong Tam commune: 65 households.\n"
           "- \"Law bookcase\" in Bo Ha township.", ["Safe hill chickens", "Law bookcase"]),
    ("fr", "Les modèles typiques sont :\n« Poulets de colline » de la commune de Dong Tam : 65 foyers.\n"
           "« Bibliothèque du droit » au bourg de Bo Ha.", ["Poulets de colline", "Bibliothèque du droit"]),
    ("id", "Model-model unggulan meliputi:\n• \"Ayam bukit aman\" di Komune Dong Tam: 65 KK.\n"
           "• \"Rak buku hukum\" di Bo Ha.", ["Ayam bukit aman", "Rak buku hukum"]),
    ("fa", "مدل‌های نمونه عبارتند از:\n- «مرغ تپه ایمن» در کمون دونگ تام: ۶۵ خانوار.\n"
           "- «قفسه کتاب قانون» در شهرک بو ها.", ["مرغ تپه ایمن", "قفسه کتاب قانون"]),
    # an introduction without a model cue lists no models; a line of prose ends the list
    ("vi", "Khẩu hiệu của xã gồm:\n- “Ba không”.\n- “Năm có”.", []),
    ("en", "The typical models include:\nThe commune also chose slogans.\n- \"Three no\".", []),
])
def test_quoted_names_opening_the_items_of_a_list_of_models(lang: str, text: str,
                                                             names: list[str]) -> None:
    assert [n.name for n in find_model_names(text, lang)] == names


# A place named after a ranking or an ellipsis cue belongs to the figures after the cue, not to
# the figure before it.
RANKED_AFTER = {
    "en": ("The central city of Da Nang has developed 1,248 models since 2021, topped by Hoa Vang "
           "district with 215 models."),
    "fr": ("La ville de Da Nang a développé 1 248 modèles depuis 2021, dont le district de Hoa Vang "
           "avec 215 modèles."),
    "vi": ("Thành phố Đà Nẵng đã xây dựng 1.248 mô hình từ năm 2021, dẫn đầu là huyện Hòa Vang với "
           "215 mô hình."),
    "id": ("Kota Da Nang telah membangun 1.248 model sejak 2021, dipimpin oleh Distrik Hoa Vang "
           "dengan 215 model."),
}


@pytest.mark.parametrize("lang", sorted(RANKED_AFTER))
def test_a_place_after_a_ranking_cue_is_not_the_figure_befores(lang: str) -> None:
    records = extract(RANKED_AFTER[lang], lang)
    owner = {m.value: r.locality.district for r in records for m in r.metrics}
    assert owner[215] == "Hoa Vang" and owner[1248] != "Hoa Vang"


# Two models in one sentence after its place: the second, with no place of its own, is there too.
TWO_IN_ONE = {
    "vi": ("Tại xã Ia Hrung, mô hình “Làng không rác thải nhựa” có 180 hộ tham gia.\n"
           "Ở phường Hoài Nhơn Bắc, mô hình “Tàu cá an toàn” (thành lập năm 2022) có 42 tổ viên, "
           "còn mô hình “Ngư dân giúp nhau” (năm 2023) thu hút 65 hộ tham gia."),
    "fr": ("Dans la commune d'Ia Hrung, le modèle « Village sans déchets » réunit 180 foyers.\n"
           "Dans le quartier de Hoai Nhon Bac, le modèle « Bateaux de pêche sûrs » (créé en 2022) "
           "compte 42 membres, tandis que le modèle « Pêcheurs solidaires » (2023) réunit 65 foyers."),
    "en": ("In Ia Hrung commune, the \"Plastic-free village\" model has 180 households.\n"
           "In Hoai Nhon Bac ward, the \"Safe fishing boats\" model (set up in 2022) has 42 members, "
           "while the \"Fishermen help each other\" model (2023) has drawn 65 households."),
}


@pytest.mark.parametrize("lang", sorted(TWO_IN_ONE))
def test_a_second_model_in_the_sentence_is_at_the_place_that_opens_it(lang: str) -> None:
    records = extract(TWO_IN_ONE[lang], lang, date(2025, 10, 16))
    assert [(r.locality.commune, r.year, [m.value for m in r.metrics]) for r in records
            if r.model_name][1:] == [("Hoai Nhon Bac", 2022, [42]), ("Hoai Nhon Bac", 2023, [65])]


@pytest.mark.parametrize(("lang", "text"), [
    # a description opening on a preposition is a place phrase, not a model's name
    ("id", "Pada tahun 2024 saja, model-model di seluruh provinsi memobilisasi masyarakat."),
    ("id", "Model di Komune Vi Binh memobilisasi 48 anggota."),
    ("vi", "Các mô hình tại xã Vị Bình đã vận động 48 hội viên."),
])
def test_a_description_opening_on_a_preposition_names_no_model(lang: str, text: str) -> None:
    assert find_model_names(text, lang) == []


@pytest.mark.parametrize(("lang", "text", "name"), [
    # a description that runs up to a name and the quoted name after it is that name's: one
    # model, the quoted one
    ("id", "Di komune Mai Chau, model homestay etnis Thai \"Sambutan rumah panggung\" dimulai "
           "dengan 14 rumah tangga.", "Sambutan rumah panggung"),
    ("id", "Model budidaya ikan Koperasi “Sungai Bersih” melibatkan 30 anggota.", "Sungai Bersih"),
    ("vi", "Mô hình nuôi bò Tây Ninh “Bò giống luân chuyển” hỗ trợ 48 hộ.", "Bò giống luân chuyển"),
])
def test_a_description_before_a_quoted_name_is_that_names(lang: str, text: str, name: str) -> None:
    assert [(m.name, m.quoted) for m in find_model_names(text, lang)] == [(name, True)]


# A district the article calls a town: "the town" alone, opening a paragraph after a model's,
# is that district.
BARE_TOWN = {
    "en": ("Kim Bang town has 128 models.\nIn Ba Sao ward, the Women's Union has run the \"Piggy "
           "bank\" model since 2019, giving 58 scholarships.\nThe town also mobilised more than "
           "1,300 people to join the movement."),
}


@pytest.mark.parametrize("lang", sorted(BARE_TOWN))
def test_the_town_alone_is_the_district_called_a_town(lang: str) -> None:
    model, rest = _model_and_rest(BARE_TOWN[lang], lang)
    assert [(m.metric, m.value) for m in model.metrics] == [("scholarships", 58)]
    assert rest == [("models", 128), ("people", 1300)]


def test_a_quote_after_a_team_word_and_a_verb_is_no_model() -> None:
    """Where the head comes last (English), no word may stand between it and a name."""
    assert find_model_names("The club said “We are proud of it”.", "en") == []


# A ranking in one sentence: each count after "followed by" counts the models of the place
# named just before it.
RANKING = {
    "en": ("Tam Duong district leads with 312 models, followed by Lap Thach district with 298 and "
           "Vinh Yen city with 176."),
    "fr": ("Le district de Tam Duong arrive en tête avec 312 modèles, suivi par le district de Lap "
           "Thach avec 298 et la ville de Vinh Yen avec 176."),
    "vi": ("Huyện Tam Dương dẫn đầu với 312 mô hình, tiếp đến là huyện Lập Thạch với 298 và thành "
           "phố Vĩnh Yên với 176."),
    "id": ("Distrik Tam Duong memimpin dengan 312 model, disusul Distrik Lap Thach dengan 298 dan "
           "Kota Vinh Yen dengan 176."),
}


@pytest.mark.parametrize("lang", sorted(RANKING))
def test_each_count_of_a_ranking_is_the_place_before_it(lang: str) -> None:
    records = extract(RANKING[lang], lang)
    assert [(r.locality.district, [(m.metric, m.value) for m in r.metrics]) for r in records] == [
        ("Tam Duong", [("models", 312)]), ("Lap Thach", [("models", 298)]),
        ("Vinh Yen", [("models", 176)])]


@pytest.mark.parametrize(("lang", "text"), [
    # a number before a level word names no unit ("District 8" is written after its level
    # word), nor does it in "96 district-level models"
    ("en", "In 2022, Que Vo district has 96 district-level models and 312 grassroots-level models."),
    ("en", "In 2022, Que Vo district has 96 models and 312 commune-level models."),
    ("fr", "En 2022, le district de Que Vo compte 96 modèles au niveau du district et 312 modèles de base."),
    ("id", "Pada tahun 2022, distrik Que Vo memiliki 96 model tingkat distrik dan 312 model tingkat akar rumput."),
    ("vi", "Năm 2022, huyện Quế Võ có 96 mô hình cấp huyện và 312 mô hình cấp cơ sở."),
])
def test_counts_of_models_by_level_stay_with_their_district(lang: str, text: str) -> None:
    records = extract(text, lang)
    assert [(r.locality.district, [m.value for m in r.metrics]) for r in records] == [
        ("Que Vo", [96, 312])]


@pytest.mark.parametrize(("lang", "text", "commune", "metric", "value"), [
    # a number that ends a known commune's name is the name's: Xuân Quang 1, 2 and 3 are three
    # communes of Dong Xuan; "Xuan Quang 2 memiliki model" is no count of 2 models
    ("id", "Distrik Dong Xuan, provinsi Phu Yen. Komune Xuan Quang 2 memiliki model "
           "\"Sawah satu harga\" yang menghubungkan 112 rumah tangga.", "Xuan Quang 2", "households", 112),
    ("vi", "Huyện Đồng Xuân, tỉnh Phú Yên. Xã Xuân Quang 2 xây dựng mô hình “Cánh đồng một giá” "
           "với 112 hộ.", "Xuan Quang 2", "households", 112),
    ("en", "Dong Xuan district, Phu Yen province. Xuan Quang 2 commune built the model "
           "\"One-price field\" with 112 households.", "Xuan Quang 2", "households", 112),
    ("fr", "District de Dong Xuan, province de Phu Yen. La commune de Xuan Quang 2 développe le "
           "modèle « Champ à prix unique » avec 112 ménages.", "Xuan Quang 2", "households", 112),
    ("fa", "ناحیه دونگ شوان، استان فو ین. کمون شوان کوانگ ۲ مدل «مزرعه یک قیمت» را با ۱۱۲ خانوار "
           "دارد.", "Xuan Quang 2", "households", 112),
    # a Roman numeral ending a commune's name, written as a digit in a translation, is the name's
    ("fa", "ناحیه باو بانگ، استان بین زونگ. کمون کای ترونگ ۲ مدل «شاخه حرفه‌ای کشاورزان کائوچوکار» "
           "را با ۳۸ عضو دارد.", "Cay Truong II", "members", 38),
    ("fr", "District de Bau Bang, province de Binh Duong. La commune de Cay Truong II a le modèle "
           "« Section des hévéaculteurs » avec 38 adhérents.", "Cay Truong II", "members", 38),
    ("vi", "Huyện Bàu Bàng, tỉnh Bình Dương. Xã Cây Trường II có mô hình “Chi hội nông dân nghề "
           "nghiệp trồng cao su” với 38 hội viên.", "Cay Truong II", "members", 38),
])
def test_a_number_ending_a_communes_name_is_no_figure(lang: str, text: str, commune: str,
                                                      metric: str, value: float) -> None:
    records = [r for r in extract(text, lang) if r.metrics]
    assert [(r.locality.commune, [(m.metric, m.value) for m in r.metrics]) for r in records] == [
        (commune, [(metric, value)])]


@pytest.mark.parametrize(("lang", "text", "commune"), [
    # a model at two communes of one district, listed, is the district's...
    ("vi", "Huyện Gio Linh, tỉnh Quảng Trị. Mô hình “Ngôi nhà đại đoàn kết” đã xây mới 24 căn nhà "
           "cho hộ nghèo ở xã Gio Sơn và xã Gio An.", None),
    ("en", "Gio Linh district, Quang Tri province. The \"Great solidarity house\" model built 24 new "
           "houses for poor households in Gio Son and Gio An communes.", None),
    ("fr", "District de Gio Linh, province de Quang Tri. Le modèle « Maison de la grande solidarité » "
           "a construit 24 maisons pour des ménages pauvres des communes de Gio Son et de Gio An.", None),
    ("id", "Distrik Gio Linh, provinsi Quang Tri. Model \"Rumah solidaritas besar\" membangun 24 "
           "rumah untuk rumah tangga miskin di komune Gio Son dan komune Gio An.", None),
    # ... but one named first, then another commune further on, keeps the first
    ("vi", "Huyện Gio Linh, tỉnh Quảng Trị. Tại xã Gio Sơn, mô hình “Ngôi nhà đại đoàn kết” đã xây "
           "mới 24 căn nhà, được nhân rộng ra xã Gio An.", "Gio Son"),
])
def test_a_model_at_two_listed_communes_is_the_districts(lang: str, text: str,
                                                          commune: str | None) -> None:
    (record,) = [r for r in extract(text, lang) if r.model_name]
    assert (record.locality.district, record.locality.commune) == ("Gio Linh", commune)
    assert [(m.metric, m.value) for m in record.metrics] == [("houses", 24)]
