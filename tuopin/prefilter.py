"""What a trigger pattern needs before it can match, read from the pattern's parsed form.

Two things are read: the words one of which every match contains (脱贫 or 摆脱贫困 in
``{Q}…(?:脱贫|摆脱贫困)``), and whether a match can run past a clause break. The extract stage
uses them to skip a rule on a document that lacks its words, and a place where the words do not
follow before the clause ends: most rules at most places, and most of that stage's time.
Anything the reading does not understand counts as "needs nothing", so it can only skip less.
"""
from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as sre
from re import _parser as parser

CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
              sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


def required_words(pattern: re.Pattern) -> frozenset[str] | None:
    """Return words one of which every match of pattern contains, or None when none are known.

    A lookbehind's words count too: they end inside the match, but may begin before it.
    """
    if pattern.flags & re.IGNORECASE:
        return None
    return sequence_words(parsed(pattern))


@lru_cache(maxsize=256)
def parsed(pattern: re.Pattern):
    """Return the parsed form of a compiled pattern (each rule's is read twice)."""
    return parser.parse(pattern.pattern, pattern.flags)


def selectivity(words: frozenset[str]) -> tuple[int, int]:
    """Rank a choice of words: the shortest word longer, then fewer words."""
    return min(map(len, words)), -len(words)


def sequence_words(items) -> frozenset[str] | None:
    """Return the most telling requirement among a sequence's items (runs of literals joined)."""
    options, run = [], ""
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append(frozenset([run]))
            run = ""
        options.append(item_words(op, av))
    if run:
        options.append(frozenset([run]))
    return max((o for o in options if o), key=selectivity, default=None)


def item_words(op, av) -> frozenset[str] | None:
    """Return the words one item of a parsed pattern requires, or None."""
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else sequence_words(sub)
    if op is sre.ATOMIC_GROUP:
        return sequence_words(av)
    if op in REPEATS:
        low, _, sub = av
        return sequence_words(sub) if low >= 1 else None
    if op is sre.BRANCH:
        branches = [sequence_words(branch) for branch in av[1]]
        return None if any(b is None for b in branches) else frozenset().union(*branches)
    if op is sre.ASSERT and av[0] == -1:  # (?<=工作队): the words end where the lookbehind stands
        return sequence_words(av[1])
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
        return frozenset(chr(code) for _, code in av)
    return None


def stays_within(pattern: re.Pattern, breaks: str) -> bool:
    """Tell whether no match of pattern can take in one of the break characters."""
    return not pattern.flags & re.IGNORECASE and not can_take(parsed(pattern), breaks)


def can_take(items, breaks: str) -> bool:
    """Tell whether a parsed sequence may consume one of the characters (True when unsure)."""
    for op, av in items:
        if op in ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            taken = chr(av) in breaks
        elif op is sre.IN:
            taken = any(in_set(av, ch) for ch in breaks)
        elif op is sre.SUBPATTERN:
            taken = bool(av[1] or av[2]) or can_take(av[3], breaks)
        elif op is sre.ATOMIC_GROUP:
            taken = can_take(av, breaks)
        elif op in REPEATS:
            taken = can_take(av[2], breaks)
        elif op is sre.BRANCH:
            taken = any(can_take(branch, breaks) for branch in av[1])
        else:  # ANY, NOT_LITERAL, group references, conditionals: may take anything
            taken = True
        if taken:
            return True
    return False


def in_set(items, ch: str) -> bool:
    """Tell whether a parsed character set matches ch (True when unsure)."""
    negate, hit = False, False
    for op, av in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            hit = hit or chr(av) == ch
        elif op is sre.RANGE:
            hit = hit or av[0] <= ord(ch) <= av[1]
        elif op is sre.CATEGORY and av in CATEGORIES:
            hit = hit or re.fullmatch(CATEGORIES[av], ch) is not None
        else:
            return True
    return hit != negate


def searches_fast(pattern: re.Pattern) -> bool:
    """Tell whether the regex engine itself skips to where a match can begin: a pattern opening
    with a literal (易地搬迁…) or one of a set of characters is searched for in C, faster than
    any per-sentence scan. Read with the engine's own (private) prefix analysis; False if absent."""
    try:
        from re import _compiler as compiler
        items = parsed(pattern)
        prefix, _, _ = compiler._get_literal_prefix(items, pattern.flags)
        return bool(prefix) or bool(compiler._get_charset_prefix(items, pattern.flags))
    except Exception:  # another Python, its privates renamed: scan sentence by sentence
        return False
