"""Find and undo mojibake: UTF-8 read as Latin-1 or GBK, and GBK bytes read one byte out of step.

A span is repaired when re-encoding it and decoding it the right way yields common Chinese;
otherwise it is marked and kept as it is, so that no fact is read from inside it.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache

from tuopin.hanzi import COMMON, HAN_RANGES, common_share

LATIN1 = "utf8_read_as_latin1"
GBK_READ = "utf8_read_as_gbk"
OUT_OF_STEP = "gbk_out_of_step"
LOST = "lost_bytes"
KINDS = (OUT_OF_STEP, LATIN1, GBK_READ, LOST)

LOST_CHAR = "\ufffd"
# The share of common Han a decoding must reach to count as Chinese.
CHINESE_SHARE = 0.8

# --- UTF-8 read as Latin-1 / cp1252: "ç®€ä½“ä¸­æ–‡" for 简体中文 (ftfy's language-names cases).
# UTF-8 lead bytes read as Latin-1 letters, continuation bytes 0x80-0xBF as C1 controls,
# cp1252 punctuation or Latin-1 symbols.
CP1252_HIGH = {bytes([b]).decode("cp1252", errors="ignore"): b for b in range(0x80, 0xA0)}
CP1252_HIGH.pop("", None)
CONTINUATION = "\u0080-\u00bf" + "".join(re.escape(c) for c in CP1252_HIGH)
LATIN_MOJIBAKE = re.compile(
    f"(?:[\u00c2-\u00df][{CONTINUATION}]|[\u00e0-\u00ef][{CONTINUATION}]{{2}}|[\u00f0-\u00f4][{CONTINUATION}]{{3}})+")
LATIN_PAIR = re.compile(f"[\u00c2-\u00f4][{CONTINUATION}]")  # a quick test: pinyin's "bào" has none
LATIN_BYTE = {**{chr(b): b for b in range(0x80, 0x100)}, **CP1252_HIGH}

# --- UTF-8 read as GBK: "鑴辫传鏀诲潥" for 脱贫攻坚. Each GBK pair is two UTF-8 bytes; where
# a pair was invalid, GBK readers put U+FFFD for its first byte and read on from the second, so
# U+FFFD stands for exactly one lost byte, which the characters around it can often restore.
UTF8_LEADS = range(0xE0, 0xF0)
UTF8_CONTINUATIONS = range(0x80, 0xC0)
UTF8_BYTES = frozenset([*range(0x80, 0xC0), *range(0xC2, 0xF5)])
UTF8_SIZES = ((2, range(0xC2, 0xE0)), (3, range(0xE0, 0xF0)), (4, range(0xF0, 0xF5)))
UNKNOWN = -1
MAX_REGION = 4096
# Real text, read as UTF-8, breaks within a few characters; four clean CJK characters in a row
# that are not common Chinese are another language's UTF-8 read as GBK, and are marked.
MARK_WIDE = 4
Piece = tuple  # (a character, the candidates for one, or None; first byte; end byte) of decoded UTF-8
WIDE_CHAR = "\u0800"  # below this a UTF-8 character has two bytes: Latin, Greek, Cyrillic, not CJK

# --- GBK read out of step. Pinyin mirror sites insert "(pinyin)" after characters with a
# byte-oriented tool; where it split a character, the reader pairs its lead byte with "(" into
# one "?" and reads on one byte out of step until an ASCII byte resynchronises it: seed 003's
# 輸?shù)挠舱獭.?dāng)前 is 輸的硬仗。當(dāng)前, and 日?qǐng)?bào) is 日報(bào).
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
PINYIN_LETTERS = f"a-z{TONED}ü"
BROKEN_RUBY = re.compile(f"[?\ufffd]([{PINYIN_LETTERS}]{{1,7}})\\)")
RUBY = re.compile(f"\\((?<=([{HAN_RANGES}])\\()([{PINYIN_LETTERS}]{{1,7}})\\)")  # bracket first: faster
SYLLABLE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:a|o|e|ai|ei|ao|ou|an|en|ang|eng|ong|er|i|u|ü|v|in|ing|un|ia|ie|iu|ua|uo|ui|ue|üe|"
    r"iao|ian|iang|iong|uai|uan|uang|n|ng|m)"
)
TONE_FREE = str.maketrans(TONED, "aaaaeeeeiiiioooouuuuüüüünnnm")
MAX_RUN = 64
# ASCII 0x40-0x7E read alone means the reader was back in step (it was a real trail byte);
# lower ASCII punctuation is a full-width pair the scraper folded to ASCII (．→ .).
RESYNC = re.compile(r"[\x40-\x7e]")
FOLDED = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x40)}
MIN_VOTES = 3
DOMINANCE = 2
MIN_REALIGNED_HAN = 2

LOST_MARKS = ("锟斤拷",)  # UTF-8 U+FFFD bytes read as GBK: the replacement character, twice removed
LOST_RUN = re.compile(f"\ufffd+|(?:{LOST_MARKS[0]})+")


@dataclass(frozen=True)
class Span:
    kind: str
    start: int
    end: int
    fixed: str | None  # the repaired text, or None when the span is only marked
    lost: int = 0      # characters that could not be recovered (U+FFFD in fixed)
    rubies: int = 0    # pinyin annotations removed with it


@lru_cache(maxsize=4096)
def is_pinyin(token: str) -> bool:
    """Tell whether token is one pinyin syllable, with or without tone marks."""
    return SYLLABLE.fullmatch(token.translate(TONE_FREE)) is not None


def is_chinese(text: str) -> bool:
    """Tell whether a decoding reads as common Chinese."""
    share, han = common_share(text)
    return han > 0 and share >= CHINESE_SHARE


# --- UTF-8 read as Latin-1 ------------------------------------------------------------------

def latin_spans(text: str) -> list[Span]:
    """Return spans of UTF-8 read as Latin-1 or cp1252, repaired when they decode to Chinese."""
    if not LATIN_PAIR.search(text):
        return []
    spans = []
    for m in LATIN_MOJIBAKE.finditer(text):
        try:
            decoded = bytes(LATIN_BYTE[c] for c in m.group()).decode("utf-8")
        except UnicodeDecodeError:
            continue
        spans.append(Span(LATIN1, m.start(), m.end(), decoded if is_chinese(decoded) else None))
    return spans


# --- UTF-8 read as GBK ----------------------------------------------------------------------

def pair_class(leads: range, trails: range) -> str:
    """Return a regex class of the GB18030 characters with these lead and trail bytes."""
    chars = []
    for lead in leads:
        for trail in trails:
            try:
                chars.append(bytes([lead, trail]).decode("gb18030"))
            except UnicodeDecodeError:
                continue
    return f"[{''.join(re.escape(c) for c in chars)}]"


@lru_cache(maxsize=1)
def gbk_read_quick() -> re.Pattern:
    """Compile the mark of UTF-8 read as GBK: a pair (lead, continuation) then (continuation, lead).

    Three-byte UTF-8 characters in a row always show it, whatever the phase of the pairs;
    real Traditional text shows the first pair often (GBK/4), the two together rarely.
    """
    first = pair_class(UTF8_LEADS, UTF8_CONTINUATIONS)
    second = pair_class(UTF8_CONTINUATIONS, UTF8_LEADS)
    return re.compile(f"{first}(?:{second}|{LOST_CHAR})")


def read_bytes(char: str) -> list[int] | None:
    """Return the bytes a GBK reader took for char (UNKNOWN for one it replaced), or None for real text."""
    if char == LOST_CHAR:
        return [UNKNOWN]
    if char < "\x80":
        return [ord(char)]
    try:
        pair = char.encode("gb18030")
    except UnicodeEncodeError:
        return None
    # A pair is UTF-8 bytes, or a UTF-8 byte and the ASCII byte that followed it (鎴5 for 户5).
    if len(pair) == 2 and pair[0] in UTF8_BYTES and (pair[1] in UTF8_BYTES or 0x40 <= pair[1] < 0x7F):
        return list(pair)
    return None


class GbkRead:
    """Undo one document's UTF-8 read as GBK, with its bytes, including those the reader replaced."""

    def __init__(self, text: str):
        self.text = text
        self.bigrams: set[str] = set()

    def region(self, hit: int, floor: int) -> tuple[list[int], list[int]]:
        """Return the bytes a GBK reader took around a hit, and the character each came from."""
        start = hit
        while start > floor and hit - start < MAX_RUN and self.text[start - 1] >= "\x80" \
                and read_bytes(self.text[start - 1]) is not None:
            start -= 1
        data, owners, i = [], [], start
        while i < len(self.text) and i - hit < MAX_REGION:
            taken = read_bytes(self.text[i])
            if taken is None:
                break
            data += taken
            owners += [i] * len(taken)
            i += 1
        return data, owners

    def span(self, stretch: list[Piece], data: list[int], owners: list[int]) -> tuple[Span, list] | None:
        """Return the span one clean stretch of UTF-8 covers, with its pieces when it reads as Chinese."""
        while stretch and is_ascii(stretch[0][0]):
            stretch = stretch[1:]  # real ASCII around the mojibake stays where it is
        while stretch and is_ascii(stretch[-1][0]) and owners[stretch[-1][1]] != owners[stretch[-1][1] - 1]:
            stretch = stretch[:-1]
        sure = "".join(p for p, _, _ in stretch if isinstance(p, str))
        wide = sum(c >= WIDE_CHAR for c in sure)
        if wide < 2:
            return None
        first, last = stretch[0][1], stretch[-1][2]
        start, end = owners[first], owners[last - 1] + 1
        pieces = [p for p, _, _ in stretch]
        if first and owners[first - 1] == start:
            pieces.insert(0, None)  # the stretch began with the second byte of a character
        if last < len(data) and owners[last] == end - 1:
            pieces.append(None)  # and ended with the first byte of one
        if is_chinese(sure):
            self.bigrams.update(a + b for a, b in zip(pieces, pieces[1:]) if isinstance(a, str) and isinstance(b, str))
            return Span(GBK_READ, start, end, None), pieces
        if not sure.strip(LOST_CHAR):
            return Span(LOST, start, end, None), []  # 锟斤拷: U+FFFD's UTF-8 bytes read as GBK
        return (Span(GBK_READ, start, end, None), []) if wide >= MARK_WIDE else None

    def resolve(self, span: Span, pieces: list) -> Span:
        """Return the repaired span, each lost character chosen where the document's pairs single it out."""
        chars = [p if isinstance(p, str) or p is None else
                 self.choose(p, pieces[k - 1] if k else None, pieces[k + 1] if k + 1 < len(pieces) else None)
                 for k, p in enumerate(pieces)]
        fixed = "".join(c if c is not None else LOST_CHAR for c in chars)
        return Span(span.kind, span.start, span.end, fixed, sum(c is None for c in chars))

    def choose(self, candidates: list[str], left, right) -> str | None:
        """Return the one candidate that forms a pair seen elsewhere in the document with a neighbour."""
        # Up to 64 characters fit one lost byte, and how often the document uses each says
        # little (退出 came back as 退减 in a test), so only a pair the document has decides.
        if len(candidates) == 1:
            return candidates[0]
        fitting = [c for c in candidates
                   if (isinstance(left, str) and left + c in self.bigrams)
                   or (isinstance(right, str) and c + right in self.bigrams)]
        return fitting[0] if len(fitting) == 1 else None

    def spans(self) -> list[Span]:
        """Return every GBK-read span of the document."""
        found, covered = [], 0
        for hit in gbk_read_quick().finditer(self.text):
            if hit.start() < covered:
                continue
            data, owners = self.region(hit.start(), covered)
            for stretch in clean_stretches(data):
                found_here = self.span(stretch, data, owners)
                if found_here and found_here[0].start >= covered:
                    found.append(found_here)
                    covered = found_here[0].end
            covered = max(covered, owners[-1] + 1 if owners else hit.end())
        # Lost characters are chosen once every stretch has added its pairs to the evidence.
        return [self.resolve(span, pieces) if pieces else span for span, pieces in found]


def is_ascii(piece) -> bool:
    """Tell whether a decoded piece is an ASCII character."""
    return isinstance(piece, str) and piece < "\x80"


def decode_pieces(data: list[int]) -> list[Piece]:
    """Decode UTF-8 bytes with gaps into pieces, None where no UTF-8 sequence fits."""
    pieces, p = [], 0
    while p < len(data):
        size = utf8_size(data, p)
        if size == 0 or p + size > len(data):
            pieces.append((None, p, p + 1))
            p += 1
            continue
        pieces.append((complete(data[p:p + size]), p, p + size))
        p += size
    return pieces


def clean_stretches(data: list[int]) -> list[list[Piece]]:
    """Split the decoded pieces where the bytes are not UTF-8 at all (not merely a lost byte)."""
    stretches, current = [], []
    for piece in decode_pieces(data):
        if piece[0] is None and UNKNOWN not in data[piece[1]:piece[2]]:
            if current:
                stretches.append(current)
            current = []
        else:
            current.append(piece)
    if current:
        stretches.append(current)
    return stretches


def utf8_size(data: list[int], p: int) -> int:
    """Return the length of the UTF-8 sequence starting at p (0 when none can start there)."""
    byte = data[p]
    if byte == UNKNOWN:
        # A lost lead byte with two continuations after it was the lead of a CJK character.
        follow = data[p + 1:p + 3]
        return 3 if len(follow) == 2 and all(b in UTF8_CONTINUATIONS for b in follow) else 0
    if byte < 0x80:
        return 1
    for size, leads in UTF8_SIZES:
        if byte in leads:
            tail = data[p + 1:p + size]
            return size if all(b == UNKNOWN or b in UTF8_CONTINUATIONS for b in tail) else 0
    return 0


def complete(sequence: list[int]) -> str | list[str] | None:
    """Decode one UTF-8 sequence; with one lost byte, return the common characters it could be."""
    gaps = sequence.count(UNKNOWN)
    if gaps == 0:
        try:
            return bytes(sequence).decode("utf-8")
        except UnicodeDecodeError:
            return None  # the right shape but not UTF-8 (an overlong form, a surrogate)
    if gaps > 1:
        return None
    at = sequence.index(UNKNOWN)
    options = UTF8_LEADS if at == 0 else UTF8_CONTINUATIONS
    found = []
    for byte in options:
        try:
            char = bytes(sequence[:at] + [byte] + sequence[at + 1:]).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if char in COMMON:
            found.append(char)
    return found or None


def gbk_read_spans(text: str) -> list[Span]:
    """Return spans of UTF-8 read as GBK, repaired when they decode to Chinese."""
    if not gbk_read_quick().search(text):
        return []
    return GbkRead(text).spans()


# --- GBK read out of step ---------------------------------------------------------------------

@lru_cache(maxsize=1)
def common_by_byte() -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """Index the common characters' GBK pairs by lead byte and by trail byte."""
    by_lead, by_trail = defaultdict(list), defaultdict(list)
    for char in sorted(COMMON):
        try:
            pair = char.encode("gbk")
        except UnicodeEncodeError:
            continue
        by_lead[pair[0]].append(char)
        by_trail[pair[1]].append(char)
    return by_lead, by_trail


def gbk_pair(char: str) -> bytes | None:
    """Return the two GBK bytes the reader consumed for char, undoing the full-width fold."""
    try:
        pair = FOLDED.get(char, char).encode("gbk")
    except UnicodeEncodeError:
        return None
    return pair if len(pair) == 2 else None


def own_pair(char: str) -> bytes | None:
    """Return the GBK bytes of a double-byte character as it stands in the text."""
    try:
        pair = char.encode("gbk")
    except UnicodeEncodeError:
        return None
    return pair if len(pair) == 2 else None


@lru_cache(maxsize=65536)
def valid_gbk(pair: bytes) -> bool:
    """Tell whether two bytes form one GBK character."""
    try:
        return len(pair.decode("gbk")) == 1
    except UnicodeDecodeError:
        return False


class OutOfStep:
    """Undo one document's out-of-step spans, using its own intact text as evidence."""

    def __init__(self, text: str):
        self.text = text
        self.annotated: dict[str, set[str]] = defaultdict(set)
        self.readings: dict[str, set[str]] = defaultdict(set)
        for char, pinyin in RUBY.findall(text):
            self.annotated[pinyin].add(char)
            self.readings[char].add(pinyin)

    @cached_property
    def present(self) -> set[str]:
        """Return the characters the document uses, the only candidates worth counting."""
        return set(self.text)

    def pick(self, chars: list[str], pinyin: str | None = None) -> str | None:
        """Choose a lost character: the one the document annotates with pinyin, else its most used one."""
        named = [c for c in chars if c in self.annotated.get(pinyin or "", ())]
        if len(named) == 1:
            return named[0]
        if pinyin:
            # A character the document annotates with another reading is not this one.
            chars = [c for c in chars if not self.readings.get(c) or pinyin in self.readings[c]]
        # The annotation tool's byte pairs narrow the candidates; among those left, a character
        # the document uses far more than any other (的, 33 times in seed 003) is taken.
        votes = Counter({c: self.text.count(c) for c in named or chars if c in self.present})
        ranked = votes.most_common(2) + [("", 0)]
        if ranked[0][1] >= MIN_VOTES and ranked[0][1] >= DOMINANCE * ranked[1][1]:
            return ranked[0][0]
        return None

    def first_char(self, opening: re.Match, trail: int) -> str | None:
        """Recover the character whose lead byte the opening "?" swallowed."""
        chars = [c for c in common_by_byte()[1].get(trail, []) if c in self.present]
        before = own_pair(self.text[opening.start() - 1]) if opening.start() else None
        if before:
            # The annotation tool saw a character made of the previous trail byte and this lead.
            chars = [c for c in chars if valid_gbk(bytes([before[1], c.encode("gbk")[0]]))]
            spurious = {c.encode("gbk") for c in self.annotated.get(opening.group(1), ())}
            fitting = [c for c in chars if bytes([before[1], c.encode("gbk")[0]]) in spurious]
            chars = fitting or chars
        return self.pick(chars)

    def last_char(self, lead: int, closing: str, pinyin: str | None) -> str | None:
        """Recover the character whose trail byte the closing swallowed (or that an ASCII byte ends)."""
        if closing == "resync":
            pair = bytes([lead, ord(pinyin)])
            return pair.decode("gbk") if valid_gbk(pair) else None
        return self.pick(common_by_byte()[0].get(lead, []), pinyin)

    def whole_char(self, closing: str, pinyin: str | None) -> str | None:
        """Recover a character both of whose bytes were swallowed (日?qǐng)?bào) is 日報)."""
        if closing == "ruby":
            return self.pick(sorted(self.annotated.get(pinyin, ())), pinyin)
        if closing == "resync":
            return self.pick(common_by_byte()[1].get(ord(pinyin), []))
        return None

    def run_from(self, start: int) -> tuple[bytes, list[tuple[int, str, str | None, int]]]:
        """Collect the out-of-step run after an opening and the places it could close, last first."""
        pairs, closings, i = [], [], start
        while i < len(self.text) and i - start < MAX_RUN:
            ruby = BROKEN_RUBY.match(self.text, i)
            char = self.text[i]
            if ruby and is_pinyin(ruby.group(1)):
                closings.append((len(pairs), "ruby", ruby.group(1), ruby.end()))
                return b"".join(pairs), closings[::-1]
            if RESYNC.match(char):
                closings.append((len(pairs), "resync", char, i + 1))
                return b"".join(pairs), closings[::-1]
            if char in ("?", LOST_CHAR):
                closings.append((len(pairs), "lost", None, i + 1))
            pair = gbk_pair(char)
            if pair is None:
                break
            pairs.append(pair)
            i += 1
        closings.append((len(pairs), "lost", None, i))
        return b"".join(pairs), closings[::-1]

    def span(self, opening: re.Match) -> Span:
        """Return the repaired span that an opening broken annotation starts, or mark it."""
        run, closings = self.run_from(opening.end())
        for size, closing, pinyin, end in closings:
            data = run[:2 * size]
            try:
                inner = data[1:-1].decode("gbk")
            except UnicodeDecodeError:
                continue
            han = common_share(inner)[1]
            # Only the reader's own markers (an annotation, an ASCII byte) prove where it resynced;
            # elsewhere the realigned text itself must read as Chinese.
            if (han and not is_chinese(inner)) or (closing == "lost" and han < MIN_REALIGNED_HAN):
                continue
            if data:
                chars = [self.first_char(opening, data[0]), inner, self.last_char(data[-1], closing, pinyin)]
            else:
                chars = [self.whole_char(closing, pinyin)]
            fixed = "".join(c if c is not None else LOST_CHAR for c in chars)
            return Span(OUT_OF_STEP, opening.start(), end, fixed, sum(c is None for c in chars),
                        1 + (closing == "ruby"))
        return Span(OUT_OF_STEP, opening.start(), opening.end(), LOST_CHAR, 1, 1)

    def spans(self) -> list[Span]:
        """Return every out-of-step span of the document."""
        found, covered = [], -1
        for m in BROKEN_RUBY.finditer(self.text):
            if m.start() >= covered and is_pinyin(m.group(1)):
                span = self.span(m)
                found.append(span)
                covered = span.end
        return found


def out_of_step_spans(text: str) -> list[Span]:
    """Return the spans where GBK was read one byte out of step, repaired where the bytes allow."""
    if not BROKEN_RUBY.search(text):
        return []
    return OutOfStep(text).spans()


# --- all kinds ----------------------------------------------------------------------------------

def lost_spans(text: str) -> list[Span]:
    """Return runs of replacement characters: bytes lost before the text reached us."""
    if LOST_CHAR not in text and LOST_MARKS[0] not in text:
        return []
    return [Span(LOST, m.start(), m.end(), None) for m in LOST_RUN.finditer(text)]


def scan(text: str) -> list[Span]:
    """Return the non-overlapping mojibake spans of text, earliest first."""
    found, taken = [], []
    for spans in (out_of_step_spans(text), latin_spans(text), gbk_read_spans(text), lost_spans(text)):
        for span in spans:
            if not any(span.start < end and start < span.end for start, end in taken):
                found.append(span)
                taken.append((span.start, span.end))
    return sorted(found, key=lambda s: s.start)


def find_mojibake(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) offsets of mojibake in text, repairable or not."""
    return [(s.start, s.end) for s in scan(text)]


def fix_mojibake(text: str) -> tuple[str, list[Span], list[tuple[int, int]]]:
    """Repair what can be repaired; return the text, the spans, and where the marked ones now sit."""
    spans = scan(text)
    if not spans:
        return text, [], []
    pieces, marked, at, length = [], [], 0, 0
    for span in spans:
        pieces.append(text[at:span.start])
        length += span.start - at
        kept = span.fixed if span.fixed is not None else text[span.start:span.end]
        if span.fixed is None:
            marked.append((length, length + len(kept)))
        pieces.append(kept)
        length += len(kept)
        at = span.end
    pieces.append(text[at:])
    return "".join(pieces), spans, marked
