"""A run cut into batches: unchanged files found by a stat, copies loaded once, line counts bounded."""
import os
import shutil

from tuopin import batches
from tuopin.config import load_settings
from tuopin.sources import Seen
from tuopin.templates import Templates

from conftest import ARTICLES


def seen_of(path, sha="a" * 64):
    info = os.stat(path)
    return Seen(info.st_size, info.st_mtime_ns, sha)


def test_a_file_with_its_last_size_and_mtime_is_unchanged_without_being_read(tmp_path):
    same, touched, new = (tmp_path / name for name in ("same.txt", "touched.txt", "new.txt"))
    for path in (same, touched, new):
        shutil.copy(ARTICLES[0], path)
    seen = {str(same): seen_of(same), str(touched): Seen(1, 1, "b" * 64)}
    candidates, unchanged = batches.split_unchanged([str(same), str(touched), str(new)], seen)
    assert candidates == [str(touched), str(new)]
    assert [(r["source_path"], r["content_sha256"], r["outcome"]) for r in unchanged] \
        == [(str(same), "a" * 64, "unchanged")]


def test_a_touched_file_with_the_same_content_is_unchanged_after_hashing(tmp_path):
    path = tmp_path / "touched.txt"
    shutil.copy(ARTICLES[0], path)
    first = batches.read_fresh(str(path), load_settings(), None)
    os.utime(path, ns=(1, 1))
    again = batches.read_fresh(str(path), load_settings(), Seen(first.byte_size, 0, first.sha256))
    assert again.unchanged and again.sha256 == first.sha256 and again.raw is None


def test_copies_load_once_the_first_in_discovery_order():
    records = [{"source_path": p, "content_sha256": sha, "outcome": outcome} for p, sha, outcome in [
        ("b.txt", "x", "fresh"), ("a.txt", "x", "fresh"), ("c.txt", "held", "fresh"),
        ("d.txt", None, "fresh"), ("e.txt", None, "fresh"), ("f.txt", "y", "unchanged")]]
    resolved, dropped = batches.resolve_copies(records, known={"held"})
    assert [r["outcome"] for r in resolved] == ["fresh", "unchanged", "unchanged", "fresh", "fresh", "unchanged"]
    assert dropped == {"a.txt", "c.txt"}  # unreadable files (no hash) are never anyone's copy


def test_run_line_counts_stay_bounded_and_keep_recurring_lines():
    batches_of_lines = [Templates({"footer": 1, f"line {i}": 1}) for i in range(50)]
    combined = Templates.combined(batches_of_lines, max_lines=10)
    assert len(combined.counts) <= 11
    assert combined.counts["footer"] == 50 and "footer" in combined.keys


def test_templates_only_keeps_what_clean_needs():
    counts = Templates({"site slogan": 5, "a paragraph": 1})
    assert counts.templates_only().counts == {"site slogan": 5}


def test_the_second_pass_reuses_the_first_pass_text_and_gets_the_same_rows(tmp_path):
    import pandas as pd
    settings, paths = load_settings(), [str(p) for p in ARTICLES]
    batches.count_lines(paths, {}, settings, tmp_path / "reused", 1)
    assert (tmp_path / "reused" / "prepared-000001.parquet").exists()
    lines = Templates()
    reused = batches.stage_sources(paths, {}, settings, lines, tmp_path / "reused", 1)
    fresh = batches.stage_sources(paths, {}, settings, lines, tmp_path / "fresh", 1)
    assert reused == fresh and len(reused.loaded) == len(ARTICLES)
    assert not (tmp_path / "reused" / "prepared-000001.parquet").exists()  # read once, then removed
    for kind in ("documents", "facts"):
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "reused" / f"{kind}-000001.parquet"),
                                      pd.read_parquet(tmp_path / "fresh" / f"{kind}-000001.parquet"))


def test_a_file_changed_between_the_passes_is_decoded_again(tmp_path):
    import pandas as pd
    settings, path = load_settings(), tmp_path / "article.txt"
    shutil.copy(ARTICLES[0], path)
    batches.count_lines([str(path)], {}, settings, tmp_path / "stale", 1)
    batches.stage_sources([str(path)], {}, settings, Templates(), tmp_path / "before", 1)
    shutil.copy(ARTICLES[1], path)  # edited after the first pass read it
    for folder in ("stale", "direct"):
        batches.stage_sources([str(path)], {}, settings, Templates(), tmp_path / folder, 1)
    body = {folder: pd.read_parquet(tmp_path / folder / "documents-000001.parquet")["body_text"][0]
            for folder in ("before", "stale", "direct")}
    assert body["stale"] == body["direct"] != body["before"]
