"""Bad input never stops a run: each bad file becomes one readable quarantine row, the seeds load."""
import io
import os
import shutil
import zipfile
from contextlib import redirect_stdout

import duckdb
import pytest

from tuopin.sources import read_source

from conftest import ARTICLES

MB = 1024 * 1024
SEED_TEXT = ARTICLES[0].read_text(encoding="utf-8")

# file name -> the words its quarantine reason must contain
EXPECTED = {
    "empty.txt": "empty file",
    "picture.png": "PNG image",
    "paper.pdf": "PDF document",
    "bundle.zip": "zip archive",
    "cut.txt": "truncated",
    "huge.txt": "file too large",
    "unreadable.txt": "unreadable file",
    "self.txt": "symlink loop",
    "dangling.txt": "broken symlink",
    "loop": "symlink loop",
    "english.txt": "not Chinese text",
}


def make_bad_corpus(folder):
    """Write the seeds and one file of each kind of bad input a scraper leaves behind."""
    for path in ARTICLES:
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (folder / "paper.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", SEED_TEXT)
    (folder / "bundle.zip").write_bytes(buffer.getvalue())
    (folder / "cut.txt").write_bytes(SEED_TEXT.encode("utf-8")[:-1])  # ends inside 。
    with open(folder / "huge.txt", "wb") as huge:  # 50 MB of real text
        block = SEED_TEXT.encode("utf-8")
        huge.write(block * (50 * MB // len(block) + 1))
    os.symlink("/proc/self/mem", folder / "unreadable.txt")  # reading it fails, even for root
    os.symlink("self.txt", folder / "self.txt")
    os.symlink("gone.txt", folder / "dangling.txt")
    os.symlink(".", folder / "loop")
    (folder / "english.txt").write_text("Poverty alleviation report. " * 200, encoding="utf-8")


@pytest.fixture(scope="module")
def bad_run(prefect_harness, tmp_path_factory):
    from tuopin.cli import main
    folder = tmp_path_factory.mktemp("bad")
    make_bad_corpus(folder)
    db = tmp_path_factory.mktemp("wh") / "tuopin.duckdb"
    out = io.StringIO()
    with redirect_stdout(out):
        status = main(["run", str(folder), "--db", str(db)])
    return status, out.getvalue(), db


def test_the_run_finishes(bad_run):
    status, summary, _ = bad_run
    assert status == 0
    assert "documents seen 16 / loaded 5 / unchanged 0 / quarantined 11" in summary


def test_the_seeds_load_in_full(bad_run):
    _, _, db = bad_run
    with duckdb.connect(str(db), read_only=True) as con:
        names = {os.path.basename(r[0]) for r in con.execute("select source_path from dim_document").fetchall()}
        facts = con.execute("select count(*) from facts").fetchall()[0][0]
    assert names == {p.name for p in ARTICLES}
    assert facts > 40


def test_one_readable_quarantine_row_per_bad_input(bad_run):
    _, _, db = bad_run
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("select source_path, stage, reason from quarantine").fetchall()
    by_name = {}
    for path, stage, reason in rows:
        by_name.setdefault(os.path.basename(path), []).append((stage, reason))
    assert sorted(by_name) == sorted(EXPECTED)
    for name, words in EXPECTED.items():
        (entry,) = by_name[name]
        assert words in entry[1], (name, entry)
        assert "\n" not in entry[1] and "Traceback" not in entry[1]


def test_counts_balance_in_etl_run(bad_run):
    _, _, db = bad_run
    with duckdb.connect(str(db), read_only=True) as con:
        seen, loaded, unchanged, quarantined = con.execute(
            """select documents_seen, documents_loaded, documents_unchanged, documents_quarantined
               from etl_run""").fetchall()[0]
    assert seen == loaded + unchanged + quarantined == 16


def test_the_report_shows_the_reasons(bad_run, capsys):
    from tuopin.cli import main
    _, _, db = bad_run
    assert main(["report", "--db", str(db)]) == 0
    shown = capsys.readouterr().out
    assert "documents quarantined | 11" in shown.replace("  ", "")
    assert "file too large" in shown and "huge.txt" in shown


def test_a_file_that_vanishes_after_discovery(tmp_path):
    path = tmp_path / "gone.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    os.remove(path)
    source = read_source(str(path), 20 * MB)
    assert source.raw is None and source.error == "file vanished before it could be read"
