"""Site templates learned from a batch: counting, the reprint guard, clean and process, persistence."""
import duckdb

from tuopin.clean import clean
from tuopin.config import load_settings
from tuopin.process import process
from tuopin.sources import Source
from tuopin.templates import MIN_DOCUMENTS, Templates, learn_batch, read_templates, save_templates

from conftest import ROOT

SQL = ROOT / "sql"
# Lines of the seeds' own pages that no feature rule knows: a site name and a column name.
SITE, COLUMN = "中国张掖网", "关东黑土"
STORIES = [
    "全县2017年共减贫2078户5222人,6个贫困村退出,贫困发生率降至0.89%。",
    "到2017年年底,实现16153人稳定脱贫,54个贫困村退出摘帽,贫困发生率降至2.4%。",
    "全市完成改厕30610户,整村推进村达208个,一大批贫困群众住上了好房子。",
    "4.7公里的村社土路变为柏油马路,高标准水冲式厕所全面启用,结束了几十年“旱厕”历史。",
]


def page(story: str) -> str:
    return f"{SITE}\n{COLUMN}\n{story}\n{story}\n"


def test_a_line_is_template_once_enough_documents_carry_it():
    assert MIN_DOCUMENTS == 3
    two = Templates.learn([page(s) for s in STORIES[:2]])
    three = Templates.learn([page(s) for s in STORIES[:3]])
    assert SITE not in two and SITE in three and COLUMN in three
    assert STORIES[0] not in three  # twice in one document is one vote
    assert f"  {SITE} " in three  # whitespace does not make a new line


def test_clean_drops_template_lines_it_has_no_rule_for():
    templates = Templates.learn(page(s) for s in STORIES)
    text = f"{SITE}\n{STORIES[0]}\n{COLUMN}\n{STORIES[1]}\n"
    assert SITE in clean(text).body_text or COLUMN in clean(text).body_text
    result = clean(text, templates)
    assert result.body_text == f"{STORIES[0]}\n{STORIES[1]}"
    assert {d.text for d in result.dropped if d.kind == "template"} >= {COLUMN}


def test_a_story_reprinted_across_the_batch_is_not_template():
    reprint = "\n".join(STORIES)
    templates = Templates.learn([reprint] * 4)
    assert STORIES[0] in templates
    assert clean(reprint, templates).body_text == reprint


def test_counts_from_runs_add_up():
    first = Templates.learn([page(STORIES[0])])
    second = Templates.learn([page(STORIES[1]), page(STORIES[2])])
    assert SITE not in first and SITE not in second and SITE in first.merged(second)


def test_templates_persist_in_the_warehouse(tmp_path):
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    assert not read_templates(con)
    save_templates(con, Templates.learn([page(STORIES[0]), page(STORIES[1])]), run_id=1, sql_dir=SQL)
    assert SITE not in read_templates(con)  # two documents so far
    save_templates(con, Templates.learn([page(STORIES[2])]), run_id=2, sql_dir=SQL)
    remembered = read_templates(con)
    assert SITE in remembered and COLUMN in remembered
    assert con.execute("select documents, first_run_id, last_run_id from template_line where line_text = ?",
                       [SITE]).fetchall() == [(3, 1, 2)]
    # A line seen once in a run is not remembered: the table holds candidates, not every line.
    assert con.execute("select count(*) from template_line where documents < 2").fetchall() == [(0,)]


def test_process_uses_templates_learned_from_the_batch():
    sources = [Source(f"site/{i}.txt", page(s).encode("utf-8"), f"{i:064x}") for i, s in enumerate(STORIES)]
    templates = learn_batch(sources)
    settings = load_settings()
    document = process(sources[0], settings, templates).document
    assert SITE not in document["body_text"] and COLUMN not in document["body_text"]
