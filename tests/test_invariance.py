"""The same article saved in any encoding repairs to the same text, body and facts.

Every seed, as scraped (pinyin annotations and mojibake included), is saved as UTF-8, UTF-8 with
a BOM, UTF-16 and GB18030. Big5 cannot hold that text (pinyin letters, Simplified mojibake), so
the Big5 case is the Traditional article: OpenCC s2tw of the repaired seed, NFKC-normalised (Big5
has no no-break space), without the U+FFFD that marks a character lost to mojibake (no Big5 page
can carry one). It is saved in all five encodings and must decode and repair identically in each,
and give the facts the scraped seed gives.
"""
import unicodedata

import pytest

from tuopin.clean import clean
from tuopin.decode import decode
from tuopin.extract import Extractor
from tuopin.lexicon import Lexicon
from tuopin.regions import Gazetteer
from tuopin.repair import converter, repair

from conftest import ARTICLES, SEEDS

SCRAPED_ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "gb18030")
TRADITIONAL_ENCODINGS = SCRAPED_ENCODINGS + ("big5",)


@pytest.fixture(scope="module")
def extractor():
    return Extractor(Lexicon.from_dir(SEEDS), Gazetteer.from_csv(SEEDS / "regions.csv"))


@pytest.fixture(scope="module")
def articles():
    """Return, per seed, the scraped text, its repaired text, and the Big5-ready Traditional text."""
    found = {}
    for path in ARTICLES:
        scraped = decode(path.read_bytes()).text
        repaired = repair(scraped).text
        traditional = unicodedata.normalize("NFKC", converter("s2tw").convert(repaired)).replace("\ufffd", "")
        found[path.name] = scraped, repaired, traditional
    return found


def facts_of(text: str, extractor: Extractor) -> set[tuple]:
    """Return the (indicator, value, qualifier) facts extracted from repaired text."""
    cleaned = clean(text)
    return {(f.indicator_code, f.value, f.qualifier)
            for f in extractor.extract(cleaned.body_text, cleaned.title, cleaned.published_at)}


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("codec", SCRAPED_ENCODINGS)
def test_scraped_article_repairs_identically_in_any_encoding(path, codec, articles):
    scraped, repaired, _ = articles[path.name]
    decoded = decode(scraped.encode(codec))
    assert decoded.replaced == 0
    assert decoded.text == scraped
    assert repair(decoded.text).text == repaired


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name[:3])
def test_traditional_article_repairs_identically_in_any_encoding(path, articles, extractor):
    _, repaired, traditional = articles[path.name]
    raw = traditional.encode("big5")  # strict: the Traditional article is whole in Big5
    expected = repair(traditional)
    for codec in TRADITIONAL_ENCODINGS:
        decoded = decode(traditional.encode(codec))
        assert decoded.replaced == 0, codec
        assert repair(decoded.text) == expected, codec
    assert decode(raw).encoding.startswith("big5")
    assert facts_of(expected.text, extractor) == facts_of(repaired, extractor)
