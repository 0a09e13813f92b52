"""Static checks on the page layout (fast, no browser)."""

from __future__ import annotations

import ast
import re
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
    for path in [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "adoption").rglob("*.py"),
                 *(ROOT / "bench").rglob("*.py")]:
        if path == registry:
            continue
        text = path.read_text(encoding="utf-8")
        assert '"pages/' not in text and "'pages/" not in text, f"{path.name} names a page file"
        assert "share_control(ctx," not in text, f"{path.name} names a page path"


@pytest.mark.parametrize("script", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_each_page_sets_up_with_its_registry_id(script: Path) -> None:
    page = next(p for p in navigation.PAGES if p.file == f"pages/{script.name}")
    assert f'view.setup("{page.id}"' in script.read_text(encoding="utf-8")


# -- thin pages: read the filters, ask adoption, render -------------------------------

MAX_PAGE_LINES = 80
SQL_WORDS = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|WHERE|JOIN|GROUP BY|ORDER BY)\b|duckdb|"
                       r"execute\(|\.sql\(")
CSS = re.compile(r"<style|style=|#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|rgba?\(|@media")
# Operators that compute with figures. "+" joins text and "%" formats it, so
# they count only beside a number; a page that needs a sum, a difference, a
# rounding or a tolerance asks adoption for it.
ARITHMETIC = (ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Pow, ast.MatMult)
NUMERIC_CALLS = {"round", "abs", "sum", "min", "max", "divmod", "pow"}


def _arithmetic(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.BinOp, ast.AugAssign)):
            operands = (node.left, node.right) if isinstance(node, ast.BinOp) else (node.target, node.value)
            number = any(isinstance(o, ast.Constant) and isinstance(o.value, (int, float)) and not isinstance(
                o.value, bool) for o in operands)
            if isinstance(node.op, ARITHMETIC) or (isinstance(node.op, (ast.Add, ast.Mod)) and number):
                found.append(ast.unparse(node))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            found.append(ast.unparse(node))
        elif isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            module = getattr(node.func, "value", None)
            if name in NUMERIC_CALLS or (isinstance(module, ast.Name) and module.id in {"math", "np", "numpy"}):
                found.append(ast.unparse(node))
    return found


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_pages_are_short(script: Path) -> None:
    lines = len(script.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_PAGE_LINES, f"{script.name}: {lines} lines; move work into adoption (views/ or ui/)"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_pages_hold_no_sql(script: Path) -> None:
    found = SQL_WORDS.findall(script.read_text(encoding="utf-8"))
    assert not found, f"{script.name} must ask adoption, not the database: {found}"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_pages_hold_no_css(script: Path) -> None:
    found = CSS.findall(script.read_text(encoding="utf-8"))
    assert not found, f"{script.name}: styles and colours belong in adoption/ui ({found})"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_pages_do_no_arithmetic(script: Path) -> None:
    found = _arithmetic(ast.parse(script.read_text(encoding="utf-8")))
    assert not found, f"{script.name} computes; ask adoption instead: {found}"


@pytest.mark.parametrize("source, bad", [
    ("x = a - b", True), ("x = share * 100", True), ("x = total / n", True), ("x = n + 1", True),
    ("x = i % 3", True), ("x = round(v, 1)", True), ("x = abs(change)", True), ("x = -v", True),
    ("x = math.floor(v)", True), ("x += 1", True), ("x = min(a, b)", True),
    ("x = 'a' + name", False), ("x = text % values", False), ("x = f'{v}'", False), ("x = s[:10]", False),
])
def test_the_arithmetic_check_itself(source: str, bad: bool) -> None:
    assert bool(_arithmetic(ast.parse(source))) is bad
