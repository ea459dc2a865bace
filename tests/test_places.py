"""Administrative divisions: naming a place, finding its code, and telling inside from outside."""

from __future__ import annotations

from minzheng.extract.places import places_named, region_code


def test_a_region_is_found_by_name_and_a_duplicate_name_by_its_province():
    assert region_code("大连市", province="辽宁") == "210200"
    assert region_code("朝阳区", province="北京") == "110105"
    assert region_code("朝阳区", province="吉林") == "220104"


def test_a_duplicate_district_name_without_province_or_parent_stays_unknown():
    assert region_code("朝阳区") is None


def test_a_renamed_county_is_known_by_its_old_name():
    assert places_named("玉环县低保标准提高") and places_named("玉环市低保标准提高")


def test_generic_words_that_are_also_district_names_are_not_places():
    assert places_named("全县城区和郊区的低保标准") == ()


def test_a_district_is_told_from_its_city_and_from_a_neighbour_by_code():
    home = region_code("椒江区", "台州市", "浙江")
    [(_, _, neighbour)] = places_named("黄岩区低保标准")
    [(_, _, parent)] = places_named("台州市低保标准")
    assert home not in neighbour and parent == ("331000",) and home.startswith("3310")


def test_a_city_whose_county_shares_its_stem_is_found_by_its_full_name():
    # 抚顺市 and 抚顺县 (inside it) share the stem 抚顺; so do 本溪市 and 本溪满族自治县.
    assert region_code("抚顺市", "", "辽宁") == "210400"
    assert region_code("抚顺县", "抚顺市", "辽宁") == "210421"
    assert region_code("本溪市", "", "辽宁") == "210500"


def test_an_autonomous_divisions_short_name_drops_its_level_word_and_its_peoples():
    from minzheng.extract.places import short_name
    from minzheng.extract.scope import home_of

    assert short_name("广西壮族自治区") == "广西"
    assert short_name("芷江侗族自治县") == "芷江"
    assert short_name("抚顺市") == "抚顺"
    assert home_of("延边朝鲜族自治州", "prefecture-level city", {}).own == ("延边朝鲜族自治州", "延边")
