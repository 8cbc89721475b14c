"""Localities: level words per language, the gazetteer, Persian script, the 2025 map."""

from __future__ import annotations

from datetime import date

import pytest

from extractors.gazetteer import fold, gazetteer, skeleton, skeletons
from extractors.lexicon import load_lexicon
from extractors.localities import find_mentions, places_in, says_new_map, to_locality


@pytest.mark.parametrize(("lang", "text", "level", "name", "district", "province"), [
    ("vi", "Mô hình ở thôn Trường Thọ, xã Tịnh Phong, huyện Sơn Tịnh.", "commune", "Tinh Phong", "Son Tinh", "Quang Ngai"),
    ("vi", "Hội Nông dân xã Tịnh Hiệp (Sơn Tịnh) vận động hộ dân.", "commune", "Tinh Hiep", "Son Tinh", "Quang Ngai"),
    ("fr", "le Bloc de la commune de Tra Ka (Bac Tra My) a mobilisé", "commune", "Tra Ka", "Bac Tra My", "Quang Nam"),
    ("fr", "de la commune de Dien Phuoc (Dien Ban) a été sélectionné", "commune", "Dien Phuoc", "Dien Ban", "Quang Nam"),
    ("id", "Blok Mobilisasi Massa di komune Tam Thang (Tam Ky) dipilih", "commune", "Tam Thang", "Tam Ky", "Quang Nam"),
    ("id", "Di Kelurahan Thuan Hung, Kota Can Tho, model itu", "commune", "Thuan Hung", "Thot Not", "Can Tho"),
    ("en", "the people of Thien Loc commune, Can Loc district, Ha Tinh province", "commune", "Thien Loc", "Can Loc", "Ha Tinh"),
    ("en", "closed deer farming model in Son Giang commune (Huong Son), Ha Tinh", "commune", "Son Giang", "Huong Son", "Ha Tinh"),
    ("en", "the Women's Union of Duc Lap Ha commune, Duc Hoa district, Long An", "commune", "Duc Lap Ha", "Duc Hoa", "Long An"),
    ("fa", "بلوک بسیج تودهای کمون ترا کا (Bac Tra My) در استان کوانگ نام", "commune", "Tra Ka", "Bac Tra My", "Quang Nam"),
    ("fa", "کمیته جبهه میهن ویتنام در کمون دین فوک (دین بان) استان کوانگ نام", "commune", "Dien Phuoc", "Dien Ban", "Quang Nam"),
    ("fa", "اتحادیه زنان کمون دوک لاپ ها، شهرستان دوک هوا، استان لانگ آن", "commune", "Duc Lap Ha", "Duc Hoa", "Long An"),
    ("fa", "کمیته حزبی شهرستان سون تین؛ کمون تین فونگ", "commune", "Tinh Phong", "Son Tinh", "Quang Ngai"),
    # "سون لین" fits Son Lien (Son Tay) and Son Linh (Son Ha): the article's district decides
    ("fa", "ناحیه سون تای (کوانگ نگای)؛ کمون سون لین", "commune", "Son Lien", "Son Tay", "Quang Ngai"),
    # one name, two communes of the province (Dak Glei's and Dak Ha's): the article's district
    ("fa", "ناحیه داک ها در استان کن توم؛ در کمون داک لونگ", "commune", "Dak Long", "Dak Ha", "Kon Tum"),
    # a stop word opening a name the gazetteer knows is part of it: An Vien, not Vien
    ("en", "In An Vien commune, Tien Lu district, Hung Yen province", "commune", "An Vien", "Tien Lu", "Hung Yen"),
    ("en", "The Thu Sy commune of Tien Lu district, Hung Yen province", "commune", "Thu Sy", "Tien Lu", "Hung Yen"),
    # "Quang Trung" is a commune of several districts of Thai Binh: the article's district
    ("vi", "Huyện Kiến Xương (tỉnh Thái Bình) có 215 mô hình. Xã Quang Trung có 12 tổ.", "commune", "Quang Trung", "Kien Xuong", "Thai Binh"),
    # a name in apposition with no unit above named: kept where the gazetteer knows it
    ("fr", "Le district de Muong Ang (Diên Biên). À Ang To, commune voisine, l'équipe", "commune", "Ang To", "Muong Ang", "Dien Bien"),
    # "لونگ هوا" spells Long Hoa (Binh Dai) better, but Luong Hoa is in the district named
    ("fa", "در کمون لونگ هوا، ناحیه گیونگ ترام، استان بن تره، مدل", "commune", "Luong Hoa", "Giong Trom", "Ben Tre"),
    # a level word ending on an elided article runs into the name
    ("fr", "Dans le village d'An Ba, commune d’An Hoa, district d'An Lao, province de Binh Dinh", "commune", "An Hoa", "An Lao", "Binh Dinh"),
    ("fr", "la commune de An Hoa (district d'An Lao), province de Binh Dinh", "commune", "An Hoa", "An Lao", "Binh Dinh"),
])
def test_commune_resolution(lang: str, text: str, level: str, name: str, district: str,
                            province: str) -> None:
    places, article_province = places_in(text, load_lexicon(lang))
    assert article_province == province
    found = [p for p in places if p.level == level]
    assert found, [(p.level, p.name) for p in places]
    assert (found[0].name, found[0].district, found[0].province) == (name, district, province)


def test_names_match_without_tone_marks_and_in_any_case() -> None:
    gz = gazetteer()
    for spelling in ("Trà Ka", "tra ka", "TRA KA", "Tra Ka"):
        assert [u.code for u in gz.lookup(spelling, "commune", "Quang Nam")] == ["20932"]


def test_units_named_by_their_kind_and_a_number_are_found_by_the_number() -> None:
    gz = gazetteer()
    assert [(u.name, u.province) for u in gz.numbered("8", "district")] == [("Quan 8", "Ho Chi Minh")]
    assert {u.name for u in gz.numbered("7", "commune", "Ca Mau")} == {"Phuong 7"}
    # a commune whose name holds a number is not named by it: "Gia Tan 1" is a Xã
    assert gz.lookup("Gia Tan 1", "commune")
    assert all(u.name.startswith("Phuong ") for u in gz.numbered("1", "commune"))


def test_both_maps_are_stored() -> None:
    places, province = places_in("xã Trà Ka, huyện Bắc Trà My, tỉnh Quảng Nam", load_lexicon("vi"))
    loc = to_locality(places, province)
    assert (loc.commune, loc.commune_code, loc.province_code) == ("Tra Ka", "20932", "49")
    assert loc.province_2025 == "Da Nang" and loc.commune_2025


def test_after_july_2025_the_new_map_is_tried_first() -> None:
    text = "Di Kelurahan Ninh Kieu, Kota Can Tho, model itu diperkenalkan."
    places, _ = places_in(text, load_lexicon("id"), published=date(2025, 9, 1))
    commune = next(p for p in places if p.level == "commune")
    assert (commune.name, commune.resolved_by) == ("Ninh Kieu", "gazetteer-2025")


def test_a_former_province_is_read_as_the_one_it_merged_into() -> None:
    gz = gazetteer()
    assert [gz.successor(p) for p in ("Long An", "Tay Ninh", "Hoa Binh", "Ha Tinh")] == [
        "Tay Ninh", "Tay Ninh", "Phu Tho", "Ha Tinh"]
    assert gz.successor("Atlantis") == "Atlantis"


AFTER_2025 = date(2026, 3, 18)


@pytest.mark.parametrize(("lang", "text", "commune"), [
    # a ward named like a former province, in an article dated after the reorganisation: the
    # ward is on the 2025 map of the province it now belongs to
    ("vi", "Tại phường Long An, mô hình có 320 hộ. Toàn tỉnh Tây Ninh có 2.146 mô hình. "
           "Xã Đức Huệ (trước đây thuộc huyện Đức Huệ, tỉnh Long An) có 45 hộ.", "Long An"),
    ("en", "In Long An ward, the model has 320 households. Tay Ninh province has 2,146 models. "
           "Duc Hue commune (formerly of Duc Hue district, Long An province) has 45.", "Long An"),
    ("fr", "Dans le quartier de Long An, 320 ménages. La province de Tay Ninh compte 2 146 "
           "modèles. La commune de Duc Hue (ancien district de Duc Hue, province de Long An).",
     "Long An"),
    ("id", "Di kelurahan Hoa Binh, 210 lampu dipasang. Provinsi Phu Tho memiliki 4.380 model.",
     "Hoa Binh"),
    ("fa", "در بخش هوا بین ۲۱۰ چراغ نصب شد. استان فو تو ۴۳۸۰ مدل دارد.", "Hoa Binh"),
])
def test_after_2025_a_former_province_counts_for_its_successor(lang: str, text: str,
                                                                commune: str) -> None:
    places, province = places_in(text, load_lexicon(lang), published=AFTER_2025)
    ward = next(p for p in places if p.level == "commune")
    assert province in ("Tay Ninh", "Phu Tho")
    assert (ward.name, ward.province, ward.unit and ward.unit.map) == (commune, province, "2025")
    # the 2025 map has no districts: a former one named in the text is no district of the ward
    assert to_locality(places, province).district is None


@pytest.mark.parametrize(("lang", "text", "province"), [
    # "phường Long An" names a ward: it does not count for the former province of that name
    ("vi", "Phường Long An có 320 hộ; phường Long An ra quân. Tỉnh Tây Ninh có 2.146 mô hình.",
     "Tay Ninh"),
    ("en", "Hoa Binh ward and Hoa Binh ward again. Phu Tho province has 4,380 models.", "Phu Tho"),
])
def test_a_name_given_a_lower_level_word_is_no_mention_of_the_province(
        lang: str, text: str, province: str) -> None:
    assert places_in(text, load_lexicon(lang))[1] == province


def test_alias_file_adds_units_the_package_lacks() -> None:
    places, _ = places_in("inter-family group 8 (residential group 3, Nguyen Du ward, Ha Tinh city)",
                          load_lexicon("en"))
    ward = next(p for p in places if p.level == "commune")
    assert (ward.name, ward.province, ward.resolved_by) == ("Nguyen Du", "Ha Tinh", "alias")


@pytest.mark.parametrize(("latin", "persian"), [
    ("Tra Ka", "ترا کا"), ("Dien Phuoc", "دین فوک"), ("Tam Thang", "تام تانگ"),
    ("Duc Lap Ha", "دوک لاپ ها"), ("Quang Nam", "کوانگ نام"), ("Tinh Hiep", "تین هیپ"),
    # Vietnamese x and s (one sound in the south) come out as ش as often as س
    ("Xuan Lap", "شوان لاپ"), ("Xuan Lap", "سوان لاپ"), ("Tho Xuan", "تو شوان"),
    ("Son Tinh", "شون تین"), ("Son Tinh", "سون تین"),
    ("Ngok Wang", "نگوک وانگ"),  # a word-initial w is written و, as v is
])
def test_consonant_skeletons_agree_across_scripts(latin: str, persian: str) -> None:
    assert skeleton(latin) == skeleton(persian)


@pytest.mark.parametrize(("latin", "persian"), [
    # a word-initial "gi", /z/ in the north, is written ز as often as گ
    ("Ngai Giao", "نگای زائو"), ("Ngai Giao", "نگای گیائو"), ("Gia Binh", "زیا بین"),
    ("Gia Binh", "گیا بین"), ("Hau Giang", "هائو زانگ"),
])
def test_a_northern_gi_may_be_written_z(latin: str, persian: str) -> None:
    assert skeleton(persian) in skeletons(latin)


@pytest.mark.parametrize(("latin", "persian", "written"), [
    # a word-initial "tr", "ch" in the north, may be written چ
    ("Tan Trao", "تان چائو", True), ("Tan Trao", "تان ترائو", True), ("Truong Son", "چونگ سون", True),
    ("Tan Hao", "تان چائو", False),
])
def test_a_northern_tr_may_be_written_ch(latin: str, persian: str, written: bool) -> None:
    assert (skeleton(persian) in skeletons(latin)) is written


@pytest.mark.parametrize(("lang", "text", "new_map"), [
    # phrases only an article written on the 2025 map uses
    ("vi", "Sau khi hợp nhất, toàn tỉnh có 4.215 mô hình.", True),
    ("vi", "Tại xã Lũng Cú (trước đây thuộc huyện Đồng Văn), 11 tổ.", True),
    ("vi", "Năm 2023, huyện Đồng Văn có 112 mô hình.", False),
    ("en", "After the merger, the province has 4,215 models.", True),
    ("en", "In Lung Cu commune (formerly part of Dong Van district), 11 teams.", True),
    ("en", "In 2023, Dong Van district had 112 models.", False),
    ("fr", "Après la fusion, la province compte 4 215 modèles.", True),
    ("fr", "En 2023, le district de Dong Van comptait 112 modèles.", False),
    ("id", "Setelah penggabungan, provinsi memiliki 4.215 model.", True),
    ("id", "Pada tahun 2023, distrik Dong Van memiliki 112 model.", False),
    ("fa", "پس از ادغام، استان ۴۲۱۵ مدل دارد.", True),
    ("fa", "در کمون لونگ کو (که پیش‌تر بخشی از ناحیه دونگ وان بود)، ۱۱ گروه.", True),
    ("fa", "در سال ۲۰۲۳، ناحیه دونگ وان ۱۱۲ مدل داشت.", False),
])
def test_an_undated_article_may_say_it_is_written_on_the_2025_map(lang: str, text: str,
                                                                   new_map: bool) -> None:
    assert says_new_map(text, lang) is new_map


def test_an_undated_persian_article_on_the_2025_map_reads_its_communes_there() -> None:
    # "لونگ کو" fits no legacy commune of Tuyen Quang well, and a loose one once took it
    text = "استان توین کوانگ ۴۲۱۵ مدل دارد. در کمون لونگ کو، ۱۱ گروه هست."
    places, _ = places_in("پس از ادغام، " + text, load_lexicon("fa"))
    assert [(p.name, p.unit and p.unit.map) for p in places if p.level == "commune"] == [
        ("Lung Cu", "2025")]


@pytest.mark.parametrize(("latin", "spelled", "persian", "written"), [
    # a word-initial d (not đ: the marks tell them apart) is written ز as often as د
    ("Tam Duong", "Tam Dương", "تام زونگ", True), ("Tam Duong", "Tam Dương", "تام دونگ", True),
    ("Tam Duong", "Tam Đường", "تام زونگ", False), ("Dong Hoi", "Đồng Hới", "زونگ هوی", False),
    ("Duy Tien", "Duy Tiên", "زوی تین", True),
    ("Dong Duong", "Đông Dương", "دونگ زونگ", True), ("Dong Duong", "Đông Dương", "زونگ زونگ", False),
])
def test_a_word_initial_d_may_be_written_z(latin: str, spelled: str, persian: str,
                                           written: bool) -> None:
    assert (skeleton(persian) in skeletons(latin, spelled)) is written


@pytest.mark.parametrize(("text", "level", "name"), [
    # syllables written as one word: a و inside it opens the second, the consonant v
    ("در سال ۲۰۲۴، ناحیه باوی در هانوی ۱۸۶ مدل دارد.", "district", "Ba Vi"),
    ("در سال ۲۰۲۴، ناحیه با وی در هانوی ۱۸۶ مدل دارد.", "district", "Ba Vi"),
    # a word-final "ng" written without its گ, where the full spelling fits nothing
    ("ناحیه فونگ تو. در کمون لان نی تان، ۱۵۰ عضو تعهد کردند.", "commune", "Lan Nhi Thang"),
    ("ناحیه فونگ تو. در کمون لان نی تانگ، ۱۵۰ عضو تعهد کردند.", "commune", "Lan Nhi Thang"),
    ("ناحیه فونگ تو، استان لای چائو. در کمون مو سان، ۱۵۰ عضو تعهد کردند.", "commune", "Mu Sang"),
    # a name the usual skeleton fits keeps it: "تن" is Then
    ("ناحیه فونگ تو، استان لای چائو. در کمون هوانگ تن، ۱۵۰ عضو تعهد کردند.", "commune", "Hoang Then"),
])
def test_a_persian_name_written_joined_is_read_by_its_syllables(text: str, level: str,
                                                                name: str) -> None:
    places, _ = places_in(text, load_lexicon("fa"))
    assert name in [p.name for p in places if p.level == level]


@pytest.mark.parametrize(("text", "district", "communes"), [
    # "تان سون" fits Tan Son and Thanh Son of Phu Tho; Tan Son is the closer spelling, but the
    # communes named after it are Thanh Son's
    ("در ناحیه تان سون، استان فو تو، کمون توک لوین و کمون ین سون مدل دارند.", "Thanh Son",
     ["Thuc Luyen", "Yen Son"]),
    ("در ناحیه تان سون، استان فو تو، کمون تو نگاک مدل دارد.", "Tan Son", ["Thu Ngac"]),
    ("در ناحیه تان سون، استان فو تو، ۱۲ مدل هست.", "Tan Son", []),
])
def test_a_persian_district_name_that_fits_two_is_the_one_its_communes_are_in(
        text: str, district: str, communes: list[str]) -> None:
    places, _ = places_in(text, load_lexicon("fa"))
    assert [p.name for p in places if p.level == "district"] == [district]
    assert [(p.name, p.district) for p in places if p.level == "commune"] == [
        (name, district) for name in communes]


@pytest.mark.parametrize(("text", "name", "province"), [
    # no consonant the skeleton keeps: the few such units, by their romanised spelling; and a
    # name ends before a stop word ("در", in), whose consonants once made it Ia H'Drai
    ("ناحیه هائی هائو در حال حاضر ۱۹۸ مدل دارد.", "Hai Hau", "Nam Dinh"),
    ("ناحیه ها هوا ۹۰ مدل دارد.", "Ha Hoa", "Phu Tho"),
    ("ناحیه هائی ها در استان کوانگ نین ۷۲ مدل دارد.", "Hai Ha", "Quang Ninh"),
])
def test_a_persian_district_name_of_vowels_only(text: str, name: str, province: str) -> None:
    places, found = places_in(text, load_lexicon("fa"))
    assert [(p.name, p.province) for p in places if p.level == "district"] == [(name, province)]
    assert found == province


@pytest.mark.parametrize(("text", "name"), [
    # a stop word ("که", that) goes on a name whose words before it have consonants and that,
    # with it, the gazetteer knows exactly: Kiện Khê
    ("ناحیه تان لیم، استان ها نام. شهرک کین که مدل «منطقه مسکونی بدون جرم» را دارد.", "Kien Khe"),
    ("ناحیه تان لیم، استان ها نام. در شهرک کین که، ۲۴ دوربین نصب شده است.", "Kien Khe"),
    # where it does not, the name ends before it
    ("ناحیه تان لیم، استان ها نام. کمون لیم سون که در ناحیه است ۲۱۵ لامپ نصب کرد.", "Liem Son"),
])
def test_a_stop_word_may_end_a_persian_name_the_gazetteer_knows(text: str, name: str) -> None:
    places, _ = places_in(text, load_lexicon("fa"))
    assert name in [p.name for p in places if p.level == "commune"]


@pytest.mark.parametrize(("text", "level", "names"), [
    # "آن" (its, that) opens no name the gazetteer does not know: "هر ۴ بخش آن" is "each of its
    # 4 wards", not a ward An...
    ("ناحیه نگو هان سون، شهر دا نانگ، ۴۸ مدل دارد؛ هر ۴ بخش آن مدل‌هایی در سطح شهر دارند.",
     "commune", []),
    # ... but it opens one it knows, and inside a name it is the syllable An: My An, Hoi An
    ("ناحیه سون ترا، شهر دا نانگ. بخش آن های باک ۳ مدل دارد.", "commune", ["An Hai Bac"]),
    ("ناحیه نگو هان سون، شهر دا نانگ. بخش مای آن مدل «مسیر گردشگری» را حفظ کرده است.",
     "commune", ["My An"]),
    ("استان کوانگ نام. شهر هوی آن اکنون ۱۳۰ مدل دارد.", "district", ["Hoi An"]),
])
def test_a_persian_pronoun_opens_no_name(text: str, level: str, names: list[str]) -> None:
    places, _ = places_in(text, load_lexicon("fa"))
    assert [p.name for p in places if p.level == level] == names


def test_the_tam_duong_written_with_z_is_vinh_phucs() -> None:
    """Tam Dương (Vinh Phuc) and Tam Đường (Lai Chau) fold to one name; "تام زونگ" is the first."""
    places, province = places_in("شهرستان تام زونگ در استان وین فوک ۸۶ مدل ساخته است.",
                                 load_lexicon("fa"))
    assert province == "Vinh Phuc"
    assert [(p.level, p.name, p.province) for p in places if p.level == "district"] == [
        ("district", "Tam Duong", "Vinh Phuc")]


@pytest.mark.parametrize(("text", "level", "name"), [
    # a stopword ("با": with) opens a name whose consonants the gazetteer knows; a hyphen
    # joins the halves of a province's name
    ("شهرستان چائو دوک در استان با ریا - وونگ تائو ۱۶۸ مدل ساخته است.", "province",
     "Ba Ria - Vung Tau"),
    ("شهرستان چائو دوک در استان با ریا - وونگ تائو ۱۶۸ مدل ساخته است.", "district", "Chau Duc"),
    ("در شهرک نگای زائو، شهرستان چائو دوک، استان با ریا - وونگ تائو", "commune", "Ngai Giao"),
])
def test_persian_names_opening_on_a_stopword_or_hyphenated(text: str, level: str,
                                                           name: str) -> None:
    places, province = places_in(text, load_lexicon("fa"))
    assert province == "Ba Ria - Vung Tau"
    assert name in [p.name for p in places if p.level == level]


def test_a_one_consonant_persian_name_is_read_within_its_province_only() -> None:
    text = "در شهرک اوک ائو، شهرستان توای سون، استان آن زانگ، مردم ۴ پل ساختند."
    places, province = places_in(text, load_lexicon("fa"))
    assert province == "An Giang"
    assert "Oc Eo" in [p.name for p in places if p.level == "commune"]
    assert gazetteer().by_consonants("اوک ائو", ("commune",)) == []  # the whole country: no


def test_a_persian_stopword_after_a_level_word_is_no_place() -> None:
    from extractors.localities import find_mentions

    text = "این مدل در سطح استان با مساحت ۳۰ هکتار اجرا شد."
    assert find_mentions(text, "fa") == []
    assert places_in(text, load_lexicon("fa"))[0] == []


def test_unknown_places_keep_their_name_in_ascii() -> None:
    places, _ = places_in("thôn Trường Thọ, xã Khôngcó", load_lexicon("vi"))
    assert [(p.level, p.name, p.resolved_by) for p in places] == [
        ("village", "Truong Tho", "text"), ("commune", "Khongco", "text")]


def test_fold() -> None:
    assert fold("Điện Phước") == "dien phuoc"


@pytest.mark.parametrize("text", [
    "مدل «جاده گل» در کمون تین فونگ، ولسوالی سون تین، استان کوانگ نگای",
    "Mô hình “Đường hoa” ở xã Tịnh Phong, huyện Sơn Tịnh ۱۲ hộ",
    "Le modèle « Route fleurie » – 12 ménages, 1,5 ha… 漢字 😀",
    "",
])
def test_transliterate_is_unidecode_one_character_at_a_time(text: str) -> None:
    import random

    from unidecode import unidecode

    from extractors.gazetteer import transliterate

    assert transliterate(text) == unidecode(text)
    rnd = random.Random(len(text))
    mixed = "".join(rnd.sample(text + "ăđơư ئ ژ ﻻ", k=min(20, len(text) + 5)))
    assert transliterate(mixed) == unidecode(mixed)


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("vi", "Tại thôn Hải Nham, cách trung tâm xã 7 km, mô hình có 15 tổ.", ["Hải Nham"]),
    ("vi", "Đường liên xã 3 km đã được bê tông hoá.", []),
    ("vi", "Phường 7 có 300 hộ tham gia.", ["7"]),  # wards named by number are places
    ("vi", "Thôn 2 gồm 12 hộ.", ["2"]),
    ("fr", "Le hameau 4 compte 58 ménages.", ["4"]),
    ("fr", "À 5 km du hameau 4 ha de rizières.", []),
    # a numbered name before a verb: "vận động" (mobilise) opens no quantity
    ("vi", "Xã Phú Hòa 2 vận động các nhà hảo tâm trao 200 suất quà.", ["Phú Hòa 2"]),
    ("id", "Komune Phu Hoa 2 menggerakkan para dermawan.", ["Phu Hoa 2"]),
])
def test_a_number_after_a_level_word_is_a_place_unless_a_unit_follows(
        lang: str, text: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(text, lang)] == names


@pytest.mark.parametrize(("lang", "text", "names"), [
    # a title ending on a place, then a lead opening on a level word: two names, not one
    ("id", "Model di komune Dinh Thuy\nKomune Dinh Thuy, distrik Mo Cay Nam", ["Dinh Thuy", "Dinh Thuy"]),
    ("vi", "Mô hình ở xã Vũ Tiến\nXã Vũ Tiến, huyện Vũ Thư có 20 hộ", ["Vũ Tiến", "Vũ Tiến"]),
    ("en", "The model in Vu Tien\nCommune leaders said", []),
])
def test_a_place_name_never_runs_past_a_line_break(lang: str, text: str, names: list[str]) -> None:
    found = [m for m in find_mentions(text, lang) if not m.from_parent]
    assert [m.name for m in found if "commune" in m.levels] == names


def test_a_person_in_apposition_to_a_level_word_is_no_place() -> None:
    places, _ = places_in("Le district de Muong Ang (Diên Biên). Selon Lo Van Pha, commune "
                          "voisine, les foyers", load_lexicon("fr"))
    assert [p.name for p in places if p.level == "commune"] == []


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "The village lies 40 km from Kon Tum city.", []),
    ("en", "40 km from the city of Kon Tum, Ngok Wang commune has", ["Ngok Wang"]),
    ("fr", "à 30 km de la ville de Kon Tum, la commune de Ngok Wang", ["Ngok Wang"]),
    ("id", "sekitar 40 km dari kota Kon Tum, komune Ngok Wang", ["Ngok Wang"]),
    ("vi", "xã Ngọk Wang cách thành phố Kon Tum 40 km", ["Ngọk Wang"]),
    ("fa", "کمون نگوک وانگ، در فاصله ۴۰ کیلومتری از شهر کن توم", ["نگوک وانگ"]),
    # a place after a length of work done is a place of the story
    ("fr", "12 km de routes dans la commune de Ka Do", ["Ka Do"]),
])
def test_a_place_a_distance_is_measured_from_is_no_place_of_the_story(
        lang: str, text: str, names: list[str]) -> None:
    assert [m.name for m in find_mentions(text, lang)] == names


@pytest.mark.parametrize(("lang", "text", "name"), [
    ("fr", "Dans la commune voisine de Gia Cat, le modèle aide 25 ménages.", "Gia Cat"),
    ("id", "Di komune tetangga Gia Cat, model ini membantu 25 rumah tangga.", "Gia Cat"),
    ("vi", "Ở xã lân cận Gia Cát, mô hình giúp 25 hộ.", "Gia Cát"),
])
def test_a_neighbouring_commune_is_still_named(lang: str, text: str, name: str) -> None:
    assert [m.name for m in find_mentions(text, lang) if "commune" in m.levels] == [name]


@pytest.mark.parametrize(("lang", "text", "province"), [
    # a province's name split by punctuation names nothing ("đồng/ha/năm" is not Ha Nam)
    ("vi", "Huyện ủy Cầu Kè (tỉnh Trà Vinh) chỉ đạo. Thu nhập đạt 250 triệu đồng/ha/năm.", "Tra Vinh"),
    ("en", "Cau Ke district (Tra Vinh province). Income: 250 million VND/ha/nam.", "Tra Vinh"),
    # named with its level word, a province outranks one named in passing as often
    ("vi", "Sản phẩm bán sang Hà Nội. Tại tỉnh Trà Vinh, mô hình có 20 hộ.", "Tra Vinh"),
    ("fr", "Des produits vendus à Hanoï et Hà Nội. Dans la province de Tra Vinh, le modèle.", "Tra Vinh"),
    ("fa", "استان هائو گیانگ، ۱۲۴ مدل", "Hau Giang"),  # و reads u as well as o: not Ha Giang
    ("fa", "استان ها گیانگ، ۱۲۴ مدل", "Ha Giang"),
    # a district's parent in parentheses is its province; a district name two provinces share
    # (Son Tay: Quang Ngai and Hanoi) settles nothing by itself
    ("fa", "ناحیه سون تای (کوانگ نگای) ۷۴ مدل ساخته است", "Quang Ngai"),
    ("fa", "ناحیه سون تای ۷۴ مدل ساخته است", None),
])
def test_the_article_province(lang: str, text: str, province: str | None) -> None:
    assert places_in(text, load_lexicon(lang))[1] == province


@pytest.mark.parametrize(("lang", "text", "level", "name"), [
    # a unit's party committee or youth union names the unit
    ("vi", "Ban Dân vận Huyện ủy Cầu Kè (tỉnh Trà Vinh) chỉ đạo", "district", "Cau Ke"),
    ("vi", "Tỉnh đoàn Trà Vinh phát động", "province", "Tra Vinh"),
    # in English, a name may follow "district of"
    ("en", "in the northern mountainous district of Bắc Hà, Lào Cai province", "district", "Bac Ha"),
    ("en", "the province of Tra Vinh has 800 models", "province", "Tra Vinh"),
    # "bourg" translates thị trấn (a township) and thị xã (a town): the gazetteer decides
    ("fr", "Dans le bourg de Phi Dien, district de Luc Ngan, province de Bac Giang", "commune", "Phi Dien"),
    ("fr", "le bourg de Hoai Nhon, dans la province de Binh Dinh", "district", "Hoai Nhon"),
    ("fa", "در شهرک سائو وانگ، شهرستان تو شوان، استان تان هوا", "commune", "Sao Vang"),
    # Indonesian "di" (in) opens a name the gazetteer knows with it
    ("id", "Distrik Di Linh saat ini memiliki 215 model. Provinsi Lam Dong", "district", "Di Linh"),
    ("fr", "Dans le village d’An Ba, commune de Duc Phong, district de Mo Duc", "village", "An Ba"),
])
def test_a_level_word_names_the_unit_after_it(lang: str, text: str, level: str, name: str) -> None:
    places = places_in(text, load_lexicon(lang))[0]
    assert (level, name) in [(p.level, p.name) for p in places]


@pytest.mark.parametrize(("lang", "text", "level", "name"), [
    # a lexicon level adjective between the level word and the name is read past
    ("fr", "Dans la commune côtière de Vinh Thai, le modèle", "commune", "Vinh Thai"),
    ("fr", "dans le district de montagne de Lang Chanh", "district", "Lang Chanh"),
    ("fa", "در کمون ساحلی وین تای، مدل", "commune", "Vinh Thai"),
    ("vi", "Tại xã ven biển Vĩnh Thái, mô hình", "commune", "Vinh Thai"),
    ("vi", "huyện miền núi Lang Chánh có 64 mô hình", "district", "Lang Chanh"),
    ("id", "Di Komune pesisir Vinh Thai, model", "commune", "Vinh Thai"),
    ("en", "In Vinh Thai coastal commune, the model", "commune", "Vinh Thai"),
    ("en", "in the coastal commune of Vinh Thai, Quang Tri province", "commune", "Vinh Thai"),
    # an island district, its adjective written with a zero-width non-joiner in Persian
    ("fa", "در سال ۲۰۲۴، ناحیه جزیره‌ای لی سون ۳۸ مدل دارد.", "district", "Ly Son"),
    ("vi", "Năm 2024, huyện đảo Lý Sơn có 38 mô hình.", "district", "Ly Son"),
    ("en", "In 2024, Ly Son island district has 38 models.", "district", "Ly Son"),
    ("fr", "En 2024, le district insulaire de Ly Son compte 38 modèles.", "district", "Ly Son"),
])
def test_a_level_adjective_stands_between_the_level_word_and_the_name(
        lang: str, text: str, level: str, name: str) -> None:
    places = places_in(text, load_lexicon(lang))[0]
    assert (level, name) in [(p.level, p.name) for p in places]


@pytest.mark.parametrize(("lang", "text", "level", "name"), [
    ("en", "Bac Ha district of Lao Cai province", "district", "Lao Cai"),  # the name before wins
    ("fa", "به گفته کمیته بسیج توده‌ای ناحیه، مردم ناحیه", "district", "،"),  # ، ends it
    ("fa", "به گفته کمیته بسیج توده‌ای ناحیه، مردم ناحیه", "district", "مردم"),
    ("fa", "مردم ناحیه در سه سال گذشته", "district", "در سه سال"),  # a stop word starts no name
])
def test_no_name_is_read_across_a_link_or_a_stop_word(lang: str, text: str, level: str,
                                                       name: str) -> None:
    mentions = [(m.name, m.levels) for m in find_mentions(text, lang)]
    assert not any(n.startswith(name) and level in levels for n, levels in mentions), mentions


@pytest.mark.parametrize(("lang", "text", "commune", "district"), [
    # a name set before its level word by apposition, where a higher level word follows
    ("fr", "À Phu Cuong, commune du district de Tam Nông (Dông Thap), le modèle", "Phu Cuong", "Tam Nong"),
    ("en", "Phu Cuong, a commune of Tam Nong district, Dong Thap province, has", "Phu Cuong", "Tam Nong"),
    ("vi", "Phú Cường, một xã thuộc huyện Tam Nông, tỉnh Đồng Tháp", "Phu Cuong", "Tam Nong"),
    ("id", "Phu Cuong, sebuah komune di distrik Tam Nong, provinsi Dong Thap", "Phu Cuong", "Tam Nong"),
])
def test_a_name_in_apposition(lang: str, text: str, commune: str, district: str) -> None:
    places = places_in(text, load_lexicon(lang))[0]
    assert [(p.level, p.name) for p in places][:2] == [("commune", commune), ("district", district)]


@pytest.mark.parametrize(("lang", "text"), [
    ("vi", "Năm 2023, xã đã vận động 20 hộ tham gia."),  # no higher level word: no apposition
    ("en", "The \"Safe village, no drugs\" model in Nam Khat commune"),  # inside a quoted name
    ("fr", "le modèle « Village Vert » de la commune de Kim Dong"),
])
def test_no_place_from_a_sentence_opening_or_a_quoted_name(lang: str, text: str) -> None:
    places = places_in(text, load_lexicon(lang))[0]
    assert all(p.level != "village" and not p.name.startswith(("Nam 2023", "2023")) for p in places)


@pytest.mark.parametrize(("lang", "text", "level", "name"), [
    # a rural district (huyện) is never called a town: "town" names its township of that name
    ("en", "In Di Linh town, Lam Dong province, the Fatherland Front", "commune", "Di Linh"),
    ("id", "Di Kota Di Linh, Provinsi Lam Dong, Komite Front Tanah Air", "commune", "Di Linh"),
    ("fr", "Dans la ville de Di Linh, province de Lam Dong, le Front", "commune", "Di Linh"),
    # a district word, a parent, or a town that is no huyện keep the district
    ("en", "In Di Linh district, Lam Dong province, the Fatherland Front", "district", "Di Linh"),
    ("id", "Di Kecamatan Di Linh, Provinsi Lam Dong, Komite Front", "district", "Di Linh"),
    ("vi", "xã Lộc Giang (huyện Đức Hòa, tỉnh Long An)", "district", "Duc Hoa"),
    ("en", "In Hoai Nhon town, Binh Dinh province, the Fatherland Front", "district", "Hoai Nhon"),
    # "bourg" is the French of thị trấn (township)
    ("fr", "Dans le bourg de Bac Son, province de Lang Son, la police", "commune", "Bac Son"),
])
def test_a_town_named_like_its_rural_district_is_the_township(lang: str, text: str, level: str,
                                                                name: str) -> None:
    places = [(p.level, p.name) for p in places_in(text, load_lexicon(lang))[0]]
    assert (level, name) in places
    other = "district" if level == "commune" else "commune"
    assert (other, name) not in places, places


@pytest.mark.parametrize(("lang", "text", "name"), [
    # an office, its place and its holder: the holder's name is no part of the place
    ("vi", "Bí thư Huyện ủy Mộ Đức Nguyễn Văn Hòa cho biết", "Mộ Đức"),
    ("vi", "Chủ tịch UBND xã Tân Linh Trần Văn An cho biết", "Tân Linh"),
    # a name the gazetteer knows whole, or a village's, is never cut
    ("vi", "tại xã Tân Phú Đông, huyện Sa Đéc", "Tân Phú Đông"),
    ("vi", "tại thôn Tân Phú Đông Hai, xã Tân Phú", "Tân Phú Đông Hai"),
])
def test_a_name_the_gazetteer_knows_ends_before_a_person(lang: str, text: str, name: str) -> None:
    assert name in [m.name for m in find_mentions(text, lang)]


@pytest.mark.parametrize(("lang", "text", "parent"), [
    ("fr", "la commune de An Hoa (district d'An Lao), province de Binh Dinh", "An Lao"),
    ("fr", "la commune de Tra Ka (district de Bac Tra My), province de Quang Nam", "Bac Tra My"),
    ("vi", "xã Trà Ka (huyện Bắc Trà My), tỉnh Quảng Nam", "Bắc Trà My"),
    ("id", "komune Tra Ka (Distrik Bac Tra My), Provinsi Quang Nam", "Bac Tra My"),
])
def test_a_bracketed_parent_is_read_without_its_level_word(lang: str, text: str, parent: str) -> None:
    assert [m.parent for m in find_mentions(text, lang) if m.parent][:1] == [parent]


@pytest.mark.parametrize(("lang", "text"), [
    # a ward named by its number is the gazetteer's "Phuong 7", in English a number after a
    # capitalised level word too
    ("vi", "TP Cà Mau có 96 mô hình. Tại Phường 7, tỉnh Cà Mau, mô hình có 320 hộ."),
    ("en", "Ca Mau city has 96 models.\nIn Ward 7, the model has 320 households."),
])
def test_a_ward_named_by_its_number(lang: str, text: str) -> None:
    places, province = places_in(text, load_lexicon(lang))
    assert province == "Ca Mau"
    assert [(p.name, p.district) for p in places if p.level == "commune"] == [("Phuong 7", "Ca Mau")]


@pytest.mark.parametrize(("lang", "text"), [
    # a district named by its number is the gazetteer's "Quan 8" (Ho Chi Minh City's alone), and
    # it picks which of the city's many "Phuong 4" its ward is; the city need not be named
    ("vi", "Toàn Quận 8 hiện có 112 mô hình.\nTại Phường 4, mô hình có 420 hộ dân."),
    ("en", "District 8 of Ho Chi Minh City now has 112 models.\nIn Ward 4, 420 households joined."),
    ("fa", "ناحیه ۸ شهر هوشی‌مین اکنون ۱۱۲ مدل دارد.\nدر بخش ۴، ۴۲۰ خانوار شرکت کردند."),
    ("id", "Distrik 8 memiliki 112 model.\nDi Kelurahan 4, 420 rumah tangga ikut serta."),
])
def test_a_district_and_its_ward_named_by_their_numbers(lang: str, text: str) -> None:
    places, _ = places_in(text, load_lexicon(lang))
    assert [(p.level, p.name, p.district) for p in places if p.level in ("district", "commune")] \
        == [("district", "Quan 8", None), ("commune", "Phuong 4", "Quan 8")]
    assert {p.province for p in places if p.level in ("district", "commune")} == {"Ho Chi Minh"}


def test_a_lower_case_level_word_before_a_number_names_nothing_in_english() -> None:
    assert find_mentions("The team visited the commune 2 times a month.", "en") == []


@pytest.mark.parametrize(("lang", "text"), [
    # a commune of a district the article names, named without a level word (a border post
    # or a police station bears its commune's name)
    ("vi", "Toàn huyện Bát Xát có 85 mô hình.\nĐồn Biên phòng A Mú Sung phối hợp xã xây dựng mô hình."),
    ("en", "Bat Xat district has 85 models.\nThe A Mu Sung Border Guard Station coordinated with the commune."),
    ("id", "Distrik Bat Xat memiliki 85 model.\nPos Penjaga Perbatasan A Mu Sung bekerja sama dengan komune."),
])
def test_a_communes_name_without_its_level_word(lang: str, text: str) -> None:
    places, _ = places_in(text, load_lexicon(lang))
    assert [(p.name, p.district, p.resolved_by) for p in places if p.level == "commune"] == [
        ("A Mu Sung", "Bat Xat", "gazetteer-bare")]


@pytest.mark.parametrize("text", [
    "Toàn huyện Bát Xát có 85 mô hình. Mô hình “A Mú Sung xanh” ra đời.",  # inside a quoted name
    "Toàn huyện Bát Xát có 85 mô hình, đón đoàn của a mú sung.",  # not capitalised
    "Toàn huyện Sa Pa có 85 mô hình. Đồn Biên phòng A Mú Sung phối hợp.",  # not a commune of Sa Pa
])
def test_no_bare_commune_outside_the_articles_districts_or_in_quotes(text: str) -> None:
    places, _ = places_in(text, load_lexicon("vi"))
    assert [p.name for p in places if p.resolved_by == "gazetteer-bare"] == []



@pytest.mark.parametrize(("lang", "text", "found"), [
    # a town word whose levels are a city's names a township where only a township has the name
    ("id", "Distrik Kon Plong, Provinsi Kon Tum. Model di Kota Mang Den dibangun sejak 2020.",
     ("commune", "Mang Den", "Kon Plong")),
    ("fa", "شهرستان کون پلونگ، استان کون توم. مدل در شهر مانگ دن از سال ۲۰۲۰ ساخته شد.",
     ("commune", "Mang Den", "Kon Plong")),
    ("en", "Kon Plong district, Kon Tum province. The model in Mang Den town was built in 2020.",
     ("commune", "Mang Den", "Kon Plong")),
    # a place the town word's own levels resolve keeps them
    ("id", "Di Kota Kon Tum, Provinsi Kon Tum, model itu dibangun sejak 2020.",
     ("province", "Kon Tum", None)),
])
def test_a_town_word_names_a_township(lang: str, text: str, found: tuple[str, str, str | None]) -> None:
    places, _ = places_in(text, load_lexicon(lang))
    assert found in [(p.level, p.name, p.district) for p in places]


@pytest.mark.parametrize(("lang", "text"), [
    # a number after a ward word that is no ward of the province names a neighbourhood below
    # the ward ("quartier 3" for "khối phố 3"): a village, not a commune called "3"
    ("fr", "Le district de Bac Son, province de Lang Son. Le comité du quartier 3 a agi."),
    ("en", "Bac Son district, Lang Son province. The committee of Ward 3 acted."),
    ("id", "Distrik Bac Son, Provinsi Lang Son. Pengurus Kelurahan 3 bertindak."),
])
def test_a_numbered_ward_the_province_lacks_is_a_neighbourhood(lang: str, text: str) -> None:
    places, province = places_in(text, load_lexicon(lang))
    assert province == "Lang Son"
    assert [(p.level, p.name) for p in places if p.level in ("commune", "village")] == [("village", "3")]


@pytest.mark.parametrize(("lang", "text", "name"), [
    # a commune whose name ends in a letter is that one, not its sibling
    ("vi", "Huyện Cái Bè, tỉnh Tiền Giang. Xã Hậu Mỹ Bắc B có 38 hộ.", "Hau My Bac B"),
    ("en", "Cai Be district, Tien Giang province. Hau My Bac B commune has 38 households.", "Hau My Bac B"),
    ("fr", "Le district de Cai Be, province de Tien Giang. La commune de Hau My Bac B compte 38 ménages.",
     "Hau My Bac B"),
    ("id", "Distrik Cai Be, Provinsi Tien Giang. Komune Hau My Bac B memiliki 38 rumah tangga.", "Hau My Bac B"),
    # in Persian the letter is a fourth word of one letter
    ("fa", "ناحیه کای به، استان تین جیانگ. کمون هائو می باک ب مدل را دارد.", "Hau My Bac B"),
    ("fa", "ناحیه کای به، استان تین جیانگ. کمون هائو می باک آ مدل را دارد.", "Hau My Bac A"),
    ("fa", "ناحیه کای به، استان تین جیانگ. کمون می لوی آ مدل را دارد.", "My Loi A"),
])
def test_a_communes_name_ending_in_a_letter(lang: str, text: str, name: str) -> None:
    places, _ = places_in(text, load_lexicon(lang))
    assert [(p.name, p.district) for p in places if p.level == "commune"] == [(name, "Cai Be")]


@pytest.mark.parametrize(("lang", "text", "name"), [
    # a commune named with a Roman numeral, written in digits in a translation
    ("en", "Bau Bang district, Binh Duong province. Cay Truong 2 commune has 50 households.", "Cay Truong II"),
    ("fr", "Le district de Bau Bang, province de Binh Duong. La commune de Cay Truong 2 compte 50 ménages.",
     "Cay Truong II"),
    ("id", "Distrik Bau Bang, Provinsi Binh Duong. Komune Cay Truong 2 memiliki 50 rumah tangga.", "Cay Truong II"),
    ("vi", "Huyện Bàu Bàng, tỉnh Bình Dương. Xã Cây Trường II có 50 hộ.", "Cay Truong II"),
    ("en", "Nui Thanh district, Quang Nam province. Tam Xuan 1 commune has 50 households.", "Tam Xuan I"),
])
def test_a_roman_numeral_written_in_digits(lang: str, text: str, name: str) -> None:
    places, _ = places_in(text, load_lexicon(lang))
    assert [p.name for p in places if p.level == "commune"] == [name]
