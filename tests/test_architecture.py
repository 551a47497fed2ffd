"""The library stays importable and testable without Prefect; flows stay thin."""
import ast
from pathlib import Path

from conftest import ROOT

LIBRARY = sorted((ROOT / "tuopin").glob("*.py"))


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_library_modules_found():
    assert {p.stem for p in LIBRARY} >= {"decode", "repair", "clean", "extract", "validate", "load"}


def test_library_never_imports_prefect():
    offenders = [p.name for p in LIBRARY if p.name != "cli.py" and "prefect" in imported_modules(p)]
    assert offenders == []


def test_flow_tasks_are_thin():
    tree = ast.parse((ROOT / "flows" / "etl.py").read_text(encoding="utf-8"))
    tasks = [n for n in tree.body if isinstance(n, ast.FunctionDef)
             and any("task" in ast.unparse(d) for d in n.decorator_list)]
    assert tasks and all(n.end_lineno - n.lineno <= 8 for n in tasks)
