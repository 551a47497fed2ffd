"""Read HTML pages: main text and metadata with trafilatura, the page's other lines for context.

The bytes are decoded by the decode stage before they get here (declared charsets are often
wrong), so this module only ever sees text. trafilatura picks the main content; three things
are done around it, each for a reason the sample pages showed:

- Layout tables (a whole page built from nested ``<table>``s, common on Chinese sites before
  2010) are turned into plain blocks first: trafilatura flattens a table cell into one line,
  which glued a breadcrumb, the headline and every paragraph of an article into one "cell".
  Data tables (short cells) stay tables and become one line per row.
- trafilatura's text rendering marks lists (``- ``) and tables (``| a | b |``); the marks are
  removed so the body holds the page's own characters.
- The page's visible lines before and after the main text are returned as context: datelines,
  bylines and 来源 lines sit just outside what trafilatura keeps.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass, replace
from datetime import datetime

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from tuopin.clean import Context, han_count, is_paragraph, title_index
from tuopin.repair import repair

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
# A data table's cells are short (a name, a figure); a cell holding more text than this is layout.
LAYOUT_CELL_CHARS = 100
TABLE_PARTS = ("tbody", "thead", "tfoot", "tr", "td", "th")
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "select", "option", "textarea")
# Elements that start a new line when the page is read as text.
BLOCK_TAGS = (
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
)
# An XML declaration makes lxml refuse a str (and re-read it in the declared, often wrong, charset).
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
HTML_START = re.compile(r"<html|<!doctype html", re.IGNORECASE)
TABLE_ROW = re.compile(r"^\s*\|")
CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
TABLE_RULE = re.compile(r"^[\s|:-]*$")
LIST_MARK = re.compile(r"^\s*[-*]\s+")
SPACE = re.compile(r"\s+")
# Lines this short cannot locate the main text inside the page (too many near-identical lines).
MIN_LOCATOR_CHARS = 10
LOCATOR_CHARS = 24


@dataclass(frozen=True)
class Page:
    """An HTML page read as text: its main text (one block a line) and what clean needs beside it."""
    text: str
    context: Context


def is_html(path: str) -> bool:
    """Tell whether a source path names an HTML page."""
    return path.lower().endswith(HTML_SUFFIXES)


def parse(text: str) -> HtmlElement | None:
    """Parse decoded page text into an lxml tree, or None when it holds no markup."""
    text = XML_DECLARATION.sub("", text, count=1)
    if not text.strip():
        return None
    import trafilatura  # on demand: a run of plain-text files never pays its import
    tree = trafilatura.load_html(text) if HTML_START.search(text[:1024]) else None
    if tree is not None:
        return tree
    # trafilatura refuses a page without <html> and <head> (a saved fragment); lxml adds them.
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None


# ---------------------------------------------------------------- layout tables
def own_parts(table: HtmlElement) -> list[HtmlElement]:
    """Return the rows and cells that belong to this table, not to a table nested in it."""
    return [el for el in table.iter(*TABLE_PARTS) if next(el.iterancestors("table"), None) is table]


def is_layout_table(table: HtmlElement) -> bool:
    """Tell whether a table lays out the page (nested tables, long cells) rather than holding data."""
    if any(inner is not table for inner in table.iter("table")):
        return True
    cells = (el for el in own_parts(table) if el.tag in ("td", "th"))
    return any(len(cell.text_content().strip()) > LAYOUT_CELL_CHARS for cell in cells)


def unwrap_layout_tables(tree: HtmlElement) -> None:
    """Turn layout tables and their rows and cells into plain blocks, in place."""
    doomed = []
    for table in tree.iter("table"):
        if is_layout_table(table):
            doomed += [table, *own_parts(table)]
    for el in doomed:  # renamed only after the walk: own_parts() looks tables up by tag
        el.tag = "div"


# ---------------------------------------------------------------- text renderings
def plain_line(line: str) -> str | None:
    """Return a line of trafilatura's text without list or table marks; None for a table rule."""
    if TABLE_ROW.match(line):
        cells = [c.replace("\\|", "|").strip() for c in CELL_SEPARATOR.split(line.strip())[1:]]
        row = "\t".join(c for c in cells if c)  # cells apart, as a text file's table has them
        return row if row and not TABLE_RULE.match(row) else None
    return LIST_MARK.sub("", line, count=1)


def plain_text(text: str) -> str:
    """Remove trafilatura's list and table marks from its text rendering."""
    lines = (plain_line(line) for line in text.splitlines())
    return "\n".join(line for line in lines if line is not None)


def page_lines(tree: HtmlElement) -> list[str]:
    """Return the visible text of a whole page, one block a line (for context, not for the body)."""
    tree = copy.deepcopy(tree)
    etree.strip_elements(tree, *INVISIBLE_TAGS, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    for el in tree.iter(*BLOCK_TAGS):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    lines = (SPACE.sub(" ", line).strip() for line in tree.text_content().splitlines())
    return [line for line in lines if line]


def squash(line: str) -> str:
    """Return a line without whitespace, for comparing renderings of the same text."""
    return SPACE.sub("", line)


def locate(lines: list[str], needle: str, reverse: bool = False) -> int | None:
    """Return the index of the first (or last) page line that holds the start of needle."""
    key = squash(needle)[:LOCATOR_CHARS]
    order = range(len(lines) - 1, -1, -1) if reverse else range(len(lines))
    return next((i for i in order if key in squash(lines[i])), None)


def main_start(page: list[str], main: list[str]) -> int | None:
    """Return the index of the page line where the main text's first paragraph stands."""
    # Paragraphs, not headlines: a page repeats its headline in banners and lists.
    locators = (line for line in main if len(squash(line)) >= MIN_LOCATOR_CHARS and is_paragraph(line))
    first = next(locators, None)
    return locate(page, first) if first else None


def surroundings(page: list[str], main: list[str], first: int | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the page lines before the main text's first paragraph, and those after it that
    trafilatura left out (a blog's 发表于 line between the post and its comments, the footer)."""
    if first is None:
        return (), ()
    kept = squash("".join(main))
    after = [line for line in page[first + 1:] if squash(line) not in kept]
    return tuple(page[:first]), tuple(after)


def missed_article(page: list[str], main: list[str], first: int | None, title: str | None) -> bool:
    """Tell whether trafilatura's main text starts past the titled article: between the page's
    title and that start stand more paragraphs than the main text holds (a blog's front page,
    where it took a later post)."""
    at = title_index(page, title)
    if at is None or first is None or at >= first:
        return False
    skipped = sum(han_count(line) for line in page[at + 1:first] if is_paragraph(line))
    return skipped > han_count("".join(main))


# ---------------------------------------------------------------- the page
def parse_day(value: str | None) -> datetime | None:
    """Return trafilatura's ISO date as a datetime, or None."""
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def read_page(text: str) -> Page:
    """Take the main text, title and date of a decoded HTML page, and the page lines around it."""
    tree = parse(text)
    if tree is None:
        return Page("", Context())
    unwrap_layout_tables(tree)
    lines = page_lines(tree)
    # trafilatura prunes the tree it is given; page_lines() works on its own copy.
    import trafilatura
    doc = trafilatura.bare_extraction(copy.deepcopy(tree), with_metadata=True, include_comments=False,
                                      include_tables=True)
    main = plain_text(doc.text or "") if doc else ""
    first = main_start(lines, main.splitlines())
    if not main.strip() or missed_article(lines, main.splitlines(), first, doc.title):
        # clean reads the whole page, as it reads a scraped text file; the title still marks the article.
        return Page("\n".join(lines), Context(title=doc.title if doc else None))
    head, tail = surroundings(lines, main.splitlines(), first)
    return Page(main, Context(title=doc.title or None, published_at=parse_day(doc.date), head=head, tail=tail,
                              main_text=True))


def repaired(context: Context) -> Context:
    """Return a page's context repaired like its main text (full-width forms, Traditional script)."""
    def fix(lines: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(repair("\n".join(lines)).text.splitlines()) if lines else ()
    title = repair(context.title).text if context.title else None
    return replace(context, title=title, head=fix(context.head), tail=fix(context.tail))
