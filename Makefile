# Quickstart targets. Both create .venv/ with pinned versions on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest browser bench eval clean lock

run: $(STAMP)  ## the main job on the Lima story: out/report.json, out/report.html
	@mkdir -p out
	$(BIN)/checker check reports/lima-1996 seeds --format json --output out/report.json --html out/report.html --fail-on never --quiet
	$(BIN)/checker check reports/lima-1996 seeds --format text --fail-on never --quiet

test: $(STAMP) lint typecheck browser pytest  ## lint, type check, the whole suite

lint: $(STAMP)
	$(BIN)/ruff check checker tests bench scripts
	$(BIN)/ruff format --check checker tests bench scripts

typecheck: $(STAMP)
	$(BIN)/mypy

browser:  ## Debian's chromium for the real-browser tests (skipped where it cannot install)
	@bash scripts/install_browser.sh

pytest: $(STAMP)
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/run.py

eval: $(STAMP)  ## the scoreboard: every bundled story and ECB+ cluster against its gold
	$(BIN)/python bench/gold_check.py
	$(BIN)/python bench/stories.py

$(STAMP): pyproject.toml requirements.lock requirements-dev.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# requirements.lock: what checker needs to run; requirements-dev.lock: that and the
# dev tools. Both pin every package with its hashes, at the versions in .venv.
LOCK_VENV := .venv-lock
PIP_COMPILE = $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe \
	--strip-extras --no-emit-index-url --no-emit-find-links -c $(VENV)/constraints.txt

lock: $(STAMP)  ## re-pin requirements.lock and requirements-dev.lock to .venv, with hashes
	$(BIN)/python -m pip freeze --all --exclude-editable \
		| grep -viE '^(pip|news-consistency-checker)==' > $(VENV)/constraints.txt
	test -x $(LOCK_VENV)/bin/pip-compile || \
		{ $(PYTHON) -m venv $(LOCK_VENV) && $(LOCK_VENV)/bin/pip install --quiet "pip-tools==7.6.2"; }
	$(PIP_COMPILE) -o requirements.lock pyproject.toml
	$(PIP_COMPILE) --extra dev -o requirements-dev.lock pyproject.toml

clean:
	rm -rf $(VENV) $(LOCK_VENV) out .checker-cache .mypy_cache .pytest_cache .ruff_cache build dist
