"""Decode and repair on the seeds' real bytes and on the same text in other encodings."""
import pytest

from tuopin.decode import DecodeError, decode
from tuopin.repair import converter, repair, strip_pinyin

from conftest import ARTICLES


@pytest.fixture(scope="module")
def repaired():
    return {p.name: repair(decode(p.read_bytes()).text) for p in ARTICLES}


def test_seeds_are_found():
    assert len(ARTICLES) == 5


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gb18030"])
def test_same_text_in_any_encoding_repairs_identically(path, codec, repaired):
    expected = repaired[path.name].text
    decoded = decode(expected.encode(codec))
    assert decoded.replaced == 0
    assert repair(decoded.text).text == expected


def test_gbk_pages_are_read_as_gb18030():
    text = "全县2017年共减贫2078户5222人,6个贫困村退出,贫困发生率降至0.89%。" * 3
    decoded = decode(text.encode("gbk"))
    assert decoded.encoding == "gb18030"
    assert decoded.text == text


def test_big5_text_decodes():
    text = "全縣2017年共減貧2078戶5222人,6個貧困村退出,貧困發生率降至0.89%。縣級財政專項扶貧資金投入1925.04萬元。"
    decoded = decode(text.encode("big5"))
    assert decoded.text == text
    assert decoded.encoding.startswith("big5")


def test_bom_decides_the_codec():
    assert decode("脱贫".encode("utf-8-sig")).encoding == "utf-8-sig"
    assert decode("脱贫".encode("utf-16")).text == "脱贫"
    assert decode("脱贫".encode("utf-32")).text == "脱贫"


@pytest.mark.parametrize("raw", [
    b"", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, b"%PDF-1.4\n%\xe2\xe3",
    bytes(range(256)) * 8,
], ids=["empty", "png", "pdf", "noise"])
def test_empty_and_binary_are_refused(raw):
    with pytest.raises(DecodeError):
        decode(raw)


def test_undecodable_bytes_are_counted_not_hidden():
    raw = "贫困发生率降至2.4%".encode("gb18030") + b"\xff\xff\xff" + "脱贫攻坚".encode("gb18030")
    decoded = decode(raw)
    assert decoded.replaced > 0 or "\ufffd" not in decoded.text
    assert decoded.confidence < 1.0


# Real spans from seed 001 (本報(bào)訊 脫貧攻堅(jiān)) and seed 002 (鄉(鎮)).
@pytest.mark.parametrize("text, expected", [
    ("本報(bào)訊 脫貧攻堅(jiān)事關(guān)人民群眾福祉", "本報訊 脫貧攻堅事關人民群眾福祉"),
    ("17個(gè)鄉(xiāng)(鎮(zhèn))黨委", "17個鄉(鎮)黨委"),
    ("按照“區有作戰指揮部、鄉(鎮)有工作站", "按照“區有作戰指揮部、鄉(鎮)有工作站"),
    ("(記者 王晶晶)", "(記者 王晶晶)"),
    ("住房和基礎設施(公共服務)建設", "住房和基礎設施(公共服務)建設"),
    ("5A级景区(AAAAA)", "5A级景区(AAAAA)"),
])
def test_pinyin_annotations_are_removed_and_real_brackets_kept(text, expected):
    assert strip_pinyin(text)[0] == expected


def test_no_pinyin_left_in_any_seed(repaired):
    import re
    for name, r in repaired.items():
        assert not re.search(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)", r.text), name


def test_script_is_detected(repaired):
    scripts = {name[:3]: r.script for name, r in repaired.items()}
    assert scripts == {"000": "simplified", "001": "traditional", "002": "traditional",
                       "003": "traditional", "004": "simplified"}


def test_output_is_simplified_and_halfwidth():
    r = repair("貧困發生率降至\uff12\uff0e\uff14\uff05\uff0c共減貧\uff15\uff12\uff12\uff12人")
    assert r.text == "贫困发生率降至2.4%,共减贫5222人"
    assert r.repairs["fullwidth_chars"] == 9
    assert converter("t2s").convert(r.text) == r.text
