"""Number parsing: every supported way of writing a number parses back to its value."""
from hypothesis import given, strategies as st

from tuopin.numbers import parse_chinese, parse_number

CN_DIGITS = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """Write a positive integer below 10^12 in Chinese numerals (一万零五, 三千二百)."""
    def below_10k(k: int) -> str:
        out, zero = "", False
        for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = k // value % 10
            if digit:
                out += ("零" if zero and out else "") + CN_DIGITS[digit] + unit
                zero = False
            elif out:
                zero = True
        return out

    groups = [(n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")]
    out = ""
    for value, unit in groups:
        if value:
            if out and value < 1000:
                out += "零"
            out += below_10k(value) + unit
    return out


def test_examples_from_articles():
    assert parse_number("1.26", "万") == 12600
    assert parse_number("3.72", "亿") == 372_000_000
    assert parse_number("40414.022", "万") == 404_140_220
    assert parse_number("1925.04", "万") == 19_250_400
    assert parse_number("1,234.5") == 1234.5
    assert parse_chinese("三千二百") == 3200
    assert parse_chinese("两万") == 20000
    assert parse_chinese("一百零五") == 105
    assert parse_chinese("十三") == 13


def test_decimals_in_words():
    assert parse_chinese("十四点二") == 14.2
    assert parse_chinese("零点九") == 0.9
    assert parse_number("二点八六", "万") == 28600
    assert parse_chinese("十四点") is None and parse_chinese("点五") is None and parse_chinese("一点两") is None


def test_not_numbers():
    assert parse_chinese("三四") is None  # a range written without a dash
    assert parse_chinese("万") is None
    assert parse_number("1.2", "兆") is None
    assert parse_number("abc") is None


@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_chinese_numerals_round_trip(n):
    assert parse_chinese(to_chinese(n)) == n


@given(st.integers(min_value=0, max_value=10**12))
def test_arabic_with_separators_round_trip(n):
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


@given(st.decimals(min_value=0, max_value=100000, places=2), st.sampled_from(["万", "亿", "千"]))
def test_multipliers(value, multiplier):
    scale = {"万": 10**4, "亿": 10**8, "千": 10**3}[multiplier]
    assert abs(parse_number(str(value), multiplier) - float(value) * scale) < 1e-3 * scale


@given(st.integers(min_value=0, max_value=10**8), st.integers(min_value=0, max_value=999))
def test_chinese_decimals_round_trip(whole, thousandths):
    fraction = f"{thousandths:03d}".rstrip("0") or "0"
    written = (to_chinese(whole) or "零") + "点" + "".join(CN_DIGITS[int(d)] for d in fraction)
    assert parse_chinese(written) == float(f"{whole}.{fraction}")


@given(st.text(alphabet="零〇一二两三四五六七八九十百千万亿点0123456789.,", max_size=20))
def test_never_crashes(text):
    parse_chinese(text)
    parse_number(text)
    parse_number(text, "万")
