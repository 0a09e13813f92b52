"""Static checks on the page layout (fast, no browser)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted((ROOT / "pages").glob("*.py")) + [ROOT / "app.py"]


def _statements(path: Path) -> list[ast.stmt]:
    body = ast.parse(path.read_text(encoding="utf-8")).body
    return [s for s in body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))
            and not (isinstance(s, ast.ImportFrom) and s.module == "__future__")]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_leaves_legacy_pages_mode_first(script: Path) -> None:
    """Without it, a deep link as the first request after a start is served by
    Streamlit's auto-discovered pages (see adoption/ui/legacy.py)."""
    first, second = _statements(script)[:2]
    assert isinstance(first, ast.ImportFrom) and first.module == "adoption.ui.legacy"
    assert ast.unparse(second) == "leave_legacy_pages_mode()"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_pages_hold_no_sql(script: Path) -> None:
    text = script.read_text(encoding="utf-8")
    for word in ("duckdb", "SELECT ", "execute("):
        assert word not in text, f"{script.name} must ask adoption, not the database"


def test_every_page_file_is_declared_in_app() -> None:
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    for page in (ROOT / "pages").glob("*.py"):
        assert f'"pages/{page.name}"' in app, f"{page.name} is not in app.py's navigation"


def test_page_file_names_match_their_url_paths() -> None:
    """Legacy pages/ mode (the first request after a start) knows a page by its
    file name: a file named unlike its url_path opens the wrong page there."""
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    pages = next(n.value for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "PAGES")
    for entry in ast.literal_eval(pages):
        path, url_path = entry[0], entry[1]
        if path != "pages/oversikt.py":  # the default page is served at "/"
            assert Path(path).stem == url_path, path
