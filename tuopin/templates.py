"""Site templates learned from the data: a line that recurs on many documents is boilerplate.

Feature rules (``tuopin.clean``) recognise boilerplate by what it says; a site's own slogans,
column names and footer cells say nothing a rule could know. What they do is recur: the same
line on document after document of one site. ``Templates`` counts, for each line, the number
of distinct documents it appears on; a line seen on ``min_documents`` or more is template text
and ``clean`` drops it (unless most of a document recurs: that is one story reprinted).

The counts persist in the warehouse's ``template_line`` table (``sql/templates.sql``), so the
next run knows a site's template from its first document. Lines are keyed by their text
without whitespace; the table stores a short hash as its key and the text for inspection.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path

from tuopin import html
from tuopin.clean import tidy
from tuopin.decode import DecodeError, decode
from tuopin.repair import repair
from tuopin.sources import Source

MIN_DOCUMENTS = 3
# Shorter keys are single characters and numbers; longer lines are an article's own paragraphs.
MIN_TEMPLATE_CHARS, MAX_TEMPLATE_CHARS = 2, 200
# A line seen on this many documents of one run is remembered, so later runs can add to it.
MIN_REMEMBERED = 2
# A run holds at most this many distinct lines; past it, lines seen once are forgotten, so memory
# stays bounded on a corpus of any size (a template line recurs, and soon outgrows a count of one).
MAX_RUN_LINES = 500_000
SPACE = re.compile(r"\s+")
SQL_FILE = "templates.sql"


def line_key(line: str) -> str:
    """Return the key a line is counted under: its text without whitespace."""
    return SPACE.sub("", tidy(line))


def line_sha(key: str) -> str:
    """Return the stored key of a line: a short SHA-1 of its text."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def countable(key: str) -> bool:
    """Tell whether a line key is worth counting (not blank, a digit, or a whole paragraph)."""
    return MIN_TEMPLATE_CHARS <= len(key) <= MAX_TEMPLATE_CHARS and not key.isdigit()


def forget_rarest(counts: Counter[str], keep: int) -> Counter[str]:
    """Drop the lines seen once, then twice, and so on, until at most keep lines remain."""
    floor = 1
    while len(counts) > keep:
        counts = Counter({k: n for k, n in counts.items() if n > floor})
        floor += 1
    return counts


class Templates:
    """Line keys with the number of distinct documents each was seen on; ``line in templates``."""

    def __init__(self, counts: Mapping[str, int] | None = None, min_documents: int = MIN_DOCUMENTS):
        self.counts = dict(counts or {})
        self.min_documents = min_documents
        self.keys = frozenset(k for k, n in self.counts.items() if n >= min_documents)

    @classmethod
    def learn(cls, texts: Iterable[str], min_documents: int = MIN_DOCUMENTS) -> "Templates":
        """Count, for each line, the documents (texts) it appears on."""
        counts: Counter[str] = Counter()
        for text in texts:
            counts.update({k for k in map(line_key, (text or "").splitlines()) if countable(k)})
        return cls(counts, min_documents)

    def merged(self, other: "Templates") -> "Templates":
        """Return the templates of both sets of documents (counts added)."""
        counts = Counter(self.counts)
        counts.update(other.counts)
        return Templates(counts, self.min_documents)

    @classmethod
    def combined(cls, parts: Iterable["Templates"], max_lines: int = MAX_RUN_LINES,
                 min_documents: int = MIN_DOCUMENTS) -> "Templates":
        """Add up the counts of many batches in one pass.

        Past max_lines distinct lines, the rarest are forgotten (those seen once, then twice, ...)
        until half remain: memory stays bounded, and a template line, which recurs, survives.
        """
        counts: Counter[str] = Counter()
        for part in parts:
            counts.update(part.counts)
            if len(counts) > max_lines:
                counts = forget_rarest(counts, max_lines // 2)
        return cls(counts, min_documents)

    def templates_only(self) -> "Templates":
        """Return only the lines that are templates: what clean needs, small enough to ship to workers."""
        return Templates({k: self.counts[k] for k in self.keys}, self.min_documents)

    def __contains__(self, line: object) -> bool:
        return isinstance(line, str) and line_key(line) in self.keys

    def __bool__(self) -> bool:
        return bool(self.keys)

    def __len__(self) -> int:
        return len(self.keys)


# ---------------------------------------------------------------- a batch's lines
def source_text(source: Source) -> str | None:
    """Return the repaired lines clean will see for a source (a page's visible lines), or None."""
    if source.error or not source.raw:
        return None
    try:
        text = decode(source.raw).text
    except DecodeError:
        return None
    if html.is_html(source.path):
        tree = html.parse(text)
        text = "\n".join(html.page_lines(tree)) if tree is not None else ""
    return repair(text).text


def learn_batch(sources: Iterable[Source], min_documents: int = MIN_DOCUMENTS) -> Templates:
    """Count the lines of a batch of sources, one vote per document."""
    return Templates.learn((t for t in map(source_text, sources) if t), min_documents)


# ---------------------------------------------------------------- persistence
def ensure_table(con, sql_dir: Path) -> None:
    """Create the template_line table when it does not exist."""
    con.execute((Path(sql_dir) / SQL_FILE).read_text(encoding="utf-8"))


def read_templates(con, min_documents: int = MIN_DOCUMENTS) -> Templates:
    """Return the line counts the warehouse remembers (empty when it has none yet)."""
    tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    if "template_line" not in tables:
        return Templates(min_documents=min_documents)
    rows = con.execute("select line_text, documents from template_line").fetchall()
    return Templates({line_key(text): documents for text, documents in rows}, min_documents)


def save_templates(con, batch: Templates, run_id: int, sql_dir: Path) -> int:
    """Add one run's line counts to template_line: lines it saw twice or more, and lines already
    remembered. Pass the run's own counts, not ones merged with read_templates(). Return the rows written."""
    import pandas as pd  # only the load side needs pandas

    ensure_table(con, sql_dir)
    known = {r[0] for r in con.execute("select line_sha from template_line").fetchall()}
    rows = [(line_sha(k), k, n) for k, n in batch.counts.items() if n >= MIN_REMEMBERED or line_sha(k) in known]
    if not rows:
        return 0
    con.register("template_in", pd.DataFrame(rows, columns=["line_sha", "line_text", "documents"]))
    con.execute("""
        insert into template_line
        select line_sha, line_text, documents, ? as first_run_id, ? as last_run_id from template_in
        on conflict (line_sha) do update
        set documents = template_line.documents + excluded.documents, last_run_id = excluded.last_run_id""",
                [run_id, run_id])
    con.unregister("template_in")
    return len(rows)
