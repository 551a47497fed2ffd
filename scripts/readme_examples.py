"""Print the example questions of docs/examples.sql with their output, as Markdown for the README.

usage: .venv/bin/python scripts/readme_examples.py [--db warehouse/tuopin.duckdb]
"""
import argparse
import re
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
QUESTION = re.compile(r"^-- (\d+)\. (.+)$", re.M)


def examples(text: str) -> list[tuple[str, str]]:
    """Split the examples file into (question, sql) pairs."""
    parts = QUESTION.split(text)[1:]
    return [(f"{parts[i]}. {parts[i + 1]}", parts[i + 2].strip()) for i in range(0, len(parts), 3)]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=str(ROOT / "warehouse" / "tuopin.duckdb"))
    args = parser.parse_args()
    con = duckdb.connect(args.db, read_only=True)
    for question, sql in examples((ROOT / "docs" / "examples.sql").read_text(encoding="utf-8")):
        frame = con.execute(sql).df()
        print(f"**{question}**\n\n```sql\n{sql}\n```\n\n```text\n"
              f"{frame.to_string(index=False, max_colwidth=40)}\n```\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
