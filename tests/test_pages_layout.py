"""Static checks on the page layout (fast, no browser)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from adoption.ui import navigation

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


def test_every_page_file_is_in_the_navigation_registry() -> None:
    declared = {page.file for page in navigation.PAGES}
    files = {f"pages/{page.name}" for page in (ROOT / "pages").glob("*.py")}
    assert declared == files
    assert len({page.id for page in navigation.PAGES}) == len(navigation.PAGES)
    assert [page.default for page in navigation.PAGES].count(True) == 1 and navigation.PAGES[0].default


def test_app_declares_the_navigation_from_the_registry() -> None:
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    assert "from adoption.ui.navigation import PAGES" in app and "for page in PAGES" in app


def test_page_file_names_match_their_url_paths() -> None:
    """Legacy pages/ mode (the first request after a start) knows a page by its
    file name: a file named unlike its url_path opens the wrong page there."""
    for page in navigation.PAGES:
        assert Path(page.file).stem == page.url_path, page.file
        assert page.path == ("/" if page.default else f"/{page.url_path}")


def test_pages_are_named_only_in_the_registry() -> None:
    """A page's file or path written anywhere else is a second name that can drift."""
    registry = ROOT / "adoption" / "ui" / "navigation.py"
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "adoption").rglob("*.py")]:
        if path == registry:
            continue
        text = path.read_text(encoding="utf-8")
        assert '"pages/' not in text and "'pages/" not in text, f"{path.name} names a page file"
        assert "share_control(ctx," not in text, f"{path.name} names a page path"


@pytest.mark.parametrize("script", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_each_page_sets_up_with_its_registry_id(script: Path) -> None:
    page = next(p for p in navigation.PAGES if p.file == f"pages/{script.name}")
    assert f'view.setup("{page.id}"' in script.read_text(encoding="utf-8")
