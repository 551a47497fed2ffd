"""Encoding detectors' own test files decode to the text of their true encoding (tests/data/README.md)."""
import pytest

from tuopin.decode import DecodeError, decode

from conftest import ROOT

DATA = ROOT / "tests" / "data" / "encodings"
CHARDET = DATA / "chardet"

# Folder (chardet) or file (charset_normalizer) -> the codec that gives the true text.
CHINESE = {
    "chardet/Big5": "big5", "chardet/GB2312": "gb18030", "chardet/EUC-TW": None,
    "charset_normalizer/sample-chinese.txt": "big5",
}
WIDE = {
    "chardet/UTF-16": "utf-16", "chardet/UTF-16BE": "utf-16-be", "chardet/UTF-16LE": "utf-16-le",
    "chardet/UTF-32": "utf-32", "chardet/UTF-32BE": "utf-32-be", "chardet/UTF-32LE": "utf-32-le",
}
REST = {
    "chardet/CP932": "cp932", "chardet/EUC-JP": "euc_jp", "chardet/EUC-KR": "euc_kr", "chardet/Johab": "johab",
    "chardet/SHIFT_JIS": "shift_jis", "chardet/ascii": "ascii", "chardet/iso-2022-jp": "iso2022_jp",
    "chardet/iso-8859-1": "latin-1", "chardet/utf-8": "utf-8", "chardet/utf-8-sig": "utf-8-sig",
    "chardet/windows-1252": "cp1252",
    "charset_normalizer/sample-arabic-1.txt": "cp1256", "charset_normalizer/sample-french-1.txt": "cp1252",
    "charset_normalizer/sample-arabic.txt": "utf_8", "charset_normalizer/sample-russian-3.txt": "utf_8",
    "charset_normalizer/sample-french.txt": "utf_8", "charset_normalizer/sample-greek.txt": "cp1253",
    "charset_normalizer/sample-greek-2.txt": "cp1253", "charset_normalizer/sample-hebrew-2.txt": "cp1255",
    "charset_normalizer/sample-hebrew-3.txt": "cp1255", "charset_normalizer/sample-bulgarian.txt": "utf_8",
    "charset_normalizer/sample-english.bom.txt": "utf_8_sig", "charset_normalizer/sample-spanish.txt": "utf_8",
    "charset_normalizer/sample-korean.txt": "cp949", "charset_normalizer/sample-turkish.txt": "cp1254",
    "charset_normalizer/sample-russian-2.txt": "utf_8", "charset_normalizer/sample-russian.txt": "mac_cyrillic",
    "charset_normalizer/sample-polish.txt": "utf_8",
}
# How tuopin reads the non-Chinese files it gets wrong. Its candidates are the codecs a Chinese
# corpus meets, so single-byte code pages other than cp1252 are out of reach by design, a Johab
# or padded file is not worth a candidate, and Shift_JIS is read as Windows' cp932, which maps
# 0x817C to a full-width minus. Update this list when a change moves a file.
KNOWN_MISSES = {
    "chardet/Johab/hlpro-readme.txt": "gb18030",
    "chardet/SHIFT_JIS/_chromium_Shift-JIS_with_no_encoding_specified.html": "cp932",  # − read as －
    "chardet/ascii/_mozilla_bug638318_text.html": "refused",  # 1,070 NUL bytes of padding
    "charset_normalizer/sample-arabic-1.txt": "cp1252",
    "charset_normalizer/sample-greek.txt": "cp1252",
    "charset_normalizer/sample-greek-2.txt": "cp1252",
    "charset_normalizer/sample-hebrew-2.txt": "cp1252",
    "charset_normalizer/sample-hebrew-3.txt": "cp1252",
    "charset_normalizer/sample-russian.txt": "cp1252",
    "charset_normalizer/sample-turkish.txt": "cp1252",
}


def fixtures(table: dict) -> list[tuple[str, str | None]]:
    """Return (path relative to DATA, true codec) for every file a table names."""
    found = []
    for name, codec in table.items():
        path = DATA / name
        files = sorted(p for p in path.iterdir()) if path.is_dir() else [path]
        found += [(str(p.relative_to(DATA)), codec) for p in files]
    return found


def truth(name: str, codec: str | None) -> str:
    """Return the true text of a fixture: its true codec's decode, or the stored text for EUC-TW."""
    if codec is None:
        return (DATA / "truth" / name.split("/", 1)[1]).read_text(encoding="utf-8")
    return (DATA / name).read_bytes().decode(codec)


def reading(name: str) -> tuple[str, str]:
    """Return the codec tuopin reads a fixture with, and the text ("refused" when it refuses)."""
    try:
        decoded = decode((DATA / name).read_bytes())
    except DecodeError:
        return "refused", ""
    return decoded.encoding, decoded.text


def test_fixtures_are_found():
    assert len(fixtures(CHINESE)) == 48
    assert len(fixtures(WIDE)) == 12
    assert len(fixtures(REST)) == 34


@pytest.mark.parametrize("name, codec", fixtures(CHINESE) + fixtures(WIDE), ids=lambda v: str(v))
def test_chinese_and_utf16_32_files_decode_to_their_true_text(name, codec):
    encoding, text = reading(name)
    assert text == truth(name, codec), f"{name} read as {encoding}"


def test_the_rest_reads_as_pinned():
    misses = {}
    for name, codec in fixtures(REST):
        encoding, text = reading(name)
        if text != truth(name, codec):
            misses[name] = encoding
    report = "\n".join(f"{name}: true {codec}, read as {misses.get(name, 'correctly')}"
                       for name, codec in fixtures(REST) if misses.get(name) != KNOWN_MISSES.get(name))
    assert misses == KNOWN_MISSES, "reading changed:\n" + report
