"""What a trigger pattern needs before it can match, read from the pattern's parsed form.

Two things are read: the words one of which every match contains (脱贫 or 摆脱贫困 in
``{Q}…(?:脱贫|摆脱贫困)``), and whether a match can run past a clause break. The extract stage
uses them to skip a rule on a document that lacks its words, and a place where the words do not
follow before the clause ends: most rules at most places, and most of that stage's time.
Anything the reading does not understand counts as "needs nothing", so it can only skip less.
"""
from __future__ import annotations

import re
from functools import lru_cache, wraps
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


# A pattern part that many patterns hold word for word (a lexicon's run of figures, {Q}) is parsed
# once: each pattern is parsed with a placeholder in its place, then the part's parse is put in.
# Parsing each rule's 2,000 characters and more anew took a process half a second.
PLACEHOLDER = "\ue000"  # a private-use character: no text or pattern holds it
FRAGMENTS: dict[str, object] = {}


def share_fragment(fragment: str) -> None:
    """Parse fragment once for every pattern that holds it as the whole of a group's content.

    A fragment with groups of its own would shift the numbers of the groups after it: it is
    refused, as is one that does not parse by itself.
    """
    tree = parser.parse(fragment)
    if tree.state.groups != 1:
        raise ValueError("a shared pattern part may not hold groups of its own")
    FRAGMENTS[fragment] = tree


@lru_cache(maxsize=256)
def parsed(pattern: re.Pattern):
    """Return the parsed form of a compiled pattern (each rule's is read twice)."""
    shared = [fragment for fragment in FRAGMENTS if fragment in pattern.pattern]
    if len(shared) != 1 or PLACEHOLDER in pattern.pattern or pattern.flags & ~re.UNICODE:
        return parser.parse(pattern.pattern, pattern.flags)
    tree = parser.parse(pattern.pattern.replace(shared[0], PLACEHOLDER), pattern.flags)
    standing = sum(value == ord(PLACEHOLDER) for value in leaves(plain(tree)))
    if put_in(tree, FRAGMENTS[shared[0]]) == standing:
        return tree
    return parser.parse(pattern.pattern, pattern.flags)  # the part stood elsewhere than alone in a group


def put_in(tree, fragment) -> int:
    """Give every group of a parsed pattern that holds only the placeholder the fragment's parse as its
    content (what parsing the whole pattern gives there); return how many groups it filled."""
    placeholder, filled = [(sre.LITERAL, ord(PLACEHOLDER))], 0
    for i, (op, av) in enumerate(tree.data):
        if op is sre.SUBPATTERN and av[3].data == placeholder:
            tree.data[i] = (op, (*av[:3], fragment))  # one shared tree: what is read of it, is read once
            filled += 1
            continue
        filled += sum(put_in(sub, fragment) for sub in subpatterns(op, av))
    return filled


def subpatterns(op, av) -> list:
    """Return the parsed sub-patterns one item of a parsed pattern holds."""
    if op is sre.SUBPATTERN:
        return [av[3]]
    if op in REPEATS:
        return [av[2]]
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        return [av[1]]
    if op is sre.ATOMIC_GROUP:
        return [av]
    if op is sre.BRANCH:
        return list(av[1])
    if op is sre.GROUPREF_EXISTS:
        return [branch for branch in av[1:] if branch is not None]
    return []


def leaves(nested: tuple):
    """Yield the values of nested tuples."""
    for item in nested:
        if isinstance(item, tuple):
            yield from leaves(item)
        else:
            yield item


def plain(tree) -> tuple:
    """Return a parsed pattern as nested tuples of its operators and arguments (to compare two, or
    look for a value in one)."""
    if isinstance(tree, parser.SubPattern):
        return tuple(plain(item) for item in tree.data)
    if isinstance(tree, (tuple, list)):
        return tuple(plain(item) for item in tree)
    return tree


READINGS: dict[tuple, object] = {}  # (a shared fragment's tree, what is read of it) -> the reading


def read_once(reading):
    """Read a shared fragment's tree once per question, any other tree afresh."""
    def read(items, *args):
        if not any(items is tree for tree in FRAGMENTS.values()):
            return reading(items, *args)
        key = (items, reading.__name__, *args)  # holding the tree keeps its identity its own
        if key not in READINGS:
            READINGS[key] = reading(items, *args)
        return READINGS[key]
    return wraps(reading)(read)


def selectivity(words: frozenset[str]) -> tuple[int, int]:
    """Rank a choice of words: the shortest word longer, then fewer words."""
    return min(map(len, words)), -len(words)


@read_once
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


@read_once
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


# A pattern without a literal opening (贫困发生率|…, (?:不得|禁止)转载, a case-blind one) is tried at
# every character by the engine; a lookahead of the characters its matches can begin with fails at
# most of them at once (three to four times faster on an article's lines), and changes no match.
GATED: dict[re.Pattern, re.Pattern] = {}  # gated pattern -> the pattern it stands for


def gated(pattern: re.Pattern) -> re.Pattern:
    """Return pattern with a lookahead of the characters a match can begin with, or pattern itself
    when those are not known, include any character, or the engine skips to its opening anyway."""
    if (isinstance(pattern.pattern, bytes) or pattern.flags & re.VERBOSE or GLOBAL_FLAGS.match(pattern.pattern)
            or searches_fast(pattern)):
        return pattern
    items = parsed(pattern)
    if items.data and items.data[0] in ANCHORS:  # the engine tries one place only
        return pattern
    openings = first_chars(items)
    if not openings:
        return pattern
    faster = re.compile(f"(?=[{''.join(sorted(openings))}])(?:{pattern.pattern})", pattern.flags)
    GATED[faster] = pattern
    return faster


GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")  # (?i) must stay first: wrapped, it would not be
ANCHORS = [(sre.AT, sre.AT_BEGINNING), (sre.AT, sre.AT_BEGINNING_STRING)]
CLASS_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_SPACE: r"\s"}


def first_chars(items) -> set[str] | None:
    """Return the characters (as character-class pieces) a match of a parsed sequence begins with;
    None when unknown or when the sequence may match nothing at all."""
    opening = sequence_openings(items)
    return None if opening is None or opening[1] else opening[0]


def item_openings(op, av) -> tuple[set[str], bool] | None:
    """Return the characters one item's match begins with and whether it may match nothing."""
    if op in ZERO_WIDTH:
        return set(), True
    if op is sre.LITERAL:
        return {re.escape(chr(av))}, False
    if op is sre.IN:
        chars = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add(re.escape(chr(value)))
            elif kind is sre.RANGE:
                chars.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif kind is sre.CATEGORY and value in CLASS_CATEGORIES:
                chars.add(CLASS_CATEGORIES[value])
            else:  # a negated set, \w, \S: anything nearly
                return None
        return chars, False
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else sequence_openings(sub)
    if op is sre.ATOMIC_GROUP:
        return sequence_openings(av)
    if op in REPEATS:
        low, _, sub = av
        inner = sequence_openings(sub)
        return None if inner is None else (inner[0], inner[1] or low == 0)
    if op is sre.BRANCH:
        branches = [sequence_openings(branch) for branch in av[1]]
        if any(b is None for b in branches):
            return None
        return set().union(*(chars for chars, _ in branches)), any(optional for _, optional in branches)
    return None


def sequence_openings(items) -> tuple[set[str], bool] | None:
    """Return the characters a parsed sequence's match begins with and whether it may match nothing."""
    found: set[str] = set()
    for op, av in items:
        opening = item_openings(op, av)
        if opening is None:
            return None
        chars, optional = opening
        found |= chars
        if not optional:
            return found, False
    return found, True
