"""House rules that are easy to break without noticing (ARCHITECTURE.md, STYLE.md P14)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["accounts", "cases", "survivors", "referrals", "partners", "reporting"]
# Which apps each may import (dependencies point one way; nothing imports reporting).
ALLOWED = {
    "accounts": set(),
    "cases": {"accounts"},
    "survivors": {"accounts", "cases"},
    "referrals": {"accounts", "cases", "survivors"},
    "partners": {"accounts", "cases", "survivors"},
    "reporting": {"accounts", "cases", "survivors", "referrals", "partners"},
}
# Where the unscoped managers may be used: the app's own selectors/services/sharing, admin and migrations.
SCOPED_MODELS = {"Case": "cases"}
MANAGER_ALLOWED_FILES = {"selectors.py", "services.py", "sharing.py", "admin.py"}


def _python_files(app: str) -> list[Path]:
    return [p for p in (ROOT / app).rglob("*.py") if "migrations" not in p.parts]


def _imported_apps(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found |= {name.split(".")[0] for name in names if name.split(".")[0] in APPS}
    return found


@pytest.mark.parametrize("app", APPS)
def test_dependencies_point_one_way(app):
    for path in _python_files(app):
        stray = _imported_apps(path) - ALLOWED[app] - {app}
        assert not stray, f"{path.relative_to(ROOT)} imports {stray}"


def test_case_manager_is_used_only_where_access_is_decided():
    offenders = []
    for app in APPS:
        for path in _python_files(app):
            if path.name in MANAGER_ALLOWED_FILES and path.parts[-2] == SCOPED_MODELS["Case"]:
                continue
            if "management" in path.parts or app == "reporting":
                continue  # management commands and reporting's aggregate queries
            if "Case.objects" in path.read_text():
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_status_is_written_only_by_services():
    offenders = [
        str(p.relative_to(ROOT))
        for app in APPS
        for p in _python_files(app)
        if p.name != "services.py" and ("status=" in p.read_text() and ".update(status" in p.read_text())
    ]
    assert offenders == []
