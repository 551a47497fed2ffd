"""Each step of the decode cascade on the shapes scrapers save, and decode never crashing."""
import codecs

import pytest
from hypothesis import given, settings, strategies as st

import tuopin.euctw  # noqa: F401  (registers euc_tw)
from tuopin.decode import DecodeError, decode

from conftest import ARTICLES

SIMPLIFIED = "全县2017年共减贫2078户5222人,6个贫困村退出,贫困发生率降至0.89%。县级财政专项扶贫资金投入1925.04万元。"
TRADITIONAL = "全縣2017年共減貧2078戶5222人,6個貧困村退出,貧困發生率降至0.89%。縣級財政專項扶貧資金投入1925.04萬元。"
HAN_ONLY = "脱贫攻坚取得决定性进展贫困群众的满意度和获得感进一步增强" * 3


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", [SIMPLIFIED, HAN_ONLY], ids=["with-ascii", "han-only"])
def test_utf16_and_utf32_without_bom(codec, text):
    # Han-only UTF-16 has no NUL byte to go by, and chardet calls it binary.
    decoded = decode(text.encode(codec))
    assert (decoded.text, decoded.encoding, decoded.replaced) == (text, codec, 0)


@pytest.mark.parametrize("text, codec, expected", [
    (TRADITIONAL * 3, "euc_tw", "euc_tw"),
    (TRADITIONAL + "香港特區政府", "big5hkscs", "big5hkscs"),
    ("說明:啟用新版,價格€100。" + TRADITIONAL, "cp950", "cp950"),
    (SIMPLIFIED, "hz", "hz"),
], ids=["euc-tw", "big5-hkscs", "cp950-euro", "hz"])
def test_rarer_chinese_encodings(text, codec, expected):
    raw = text.encode(codec)
    decoded = decode(raw)
    assert decoded.encoding == expected
    assert decoded.text == raw.decode(expected)


def test_gb_page_with_a_corrupt_byte_is_read_as_gb_with_the_damage_counted():
    raw = (SIMPLIFIED * 3).encode("gb18030") + b"\xff" + (SIMPLIFIED * 17).encode("gb18030")
    decoded = decode(raw)
    assert decoded.encoding == "gb18030"
    assert decoded.replaced == 1 and decoded.text.count("\ufffd") == 1
    assert decoded.confidence <= 0.5


def test_replacement_characters_already_in_the_text_are_not_counted_as_ours():
    decoded = decode(("脱贫\ufffd攻坚" * 10).encode("gb18030") + b"\xff")
    assert decoded.replaced == 1


def test_korean_japanese_and_western_pages_are_not_forced_into_chinese():
    korean = "대한민국의 수도는 서울이며 가장 큰 도시이다. 한국어는 한글로 적는다. " * 5
    japanese = "日本の首都は東京であり、最大の都市でもある。日本語はひらがなとカタカナで書く。" * 5
    french = "Le café était très agréable, déjà vu à Paris. Voilà où nous étions. " * 3
    assert decode(korean.encode("euc-kr")).text == korean
    assert decode(japanese.encode("shift_jis")).text == japanese
    assert decode(japanese.encode("euc_jp")).text == japanese
    assert decode(french.encode("cp1252")).text == french


def test_iso2022_mail_is_not_left_as_escapes():
    text = "日本語のメールです。"
    assert decode(text.encode("iso2022_jp")).text == text


def test_euc_tw_codec_round_trips_its_table():
    from tuopin.euctw import tables
    decoding, encoding = tables()
    assert len(decoding) > 13000
    sample = "".join(list(encoding)[::7])
    assert sample.encode("euc_tw").decode("euc_tw") == sample
    assert codecs.lookup("euc-tw").name == "euc_tw"


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=1, max_size=600))
def test_decode_never_crashes_on_arbitrary_bytes(raw):
    try:
        decoded = decode(raw)
    except DecodeError:
        return
    assert isinstance(decoded.text, str) and 0.0 <= decoded.confidence <= 1.0
    assert decoded.replaced == 0 or decoded.confidence <= 0.5


@settings(max_examples=200, deadline=None)
# Not: NUL (UTF-16 shape), a leading U+FEFF (a BOM), escape sequences (ISO-2022, HZ).
@given(st.text(min_size=1, max_size=200).filter(
    lambda t: not t.startswith("\ufeff") and not any(m in t for m in ("\x00", "\x1b", "~{"))))
def test_any_text_round_trips_through_utf8_and_boms(text):
    for codec in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
        try:
            assert decode(text.encode(codec)).text == text
        except DecodeError:
            pass  # text made mostly of control characters is refused, in any encoding


def test_seed_articles_decode_as_utf8():
    assert {decode(p.read_bytes()).encoding for p in ARTICLES} == {"utf-8"}
