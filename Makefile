# Two commands on a fresh machine: `make run` and `make test`. `make dist` builds the desktop bundle.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DIST_STAMP := $(VENV)/.installed-dist
SAMPLE := resources/samples/sample.bulletin
# `make test SLOW=1` (as .ci/run does) also runs the slow tests: the bundle build and the wheel install
SLOW   ?=
PYTEST_FLAGS := $(if $(SLOW),--slow,)

.PHONY: deps run test lint typecheck bench setup dist clean sample translations

# System packages (LibreOffice, poppler, CJK fonts, Qt's libraries, binutils): installed with apt as root or
# with password-less sudo; otherwise this stops with the exact command to run. The only place that installs them.
deps:
	$(PYTHON) tools/system_deps.py --for test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

$(DIST_STAMP): pyproject.toml $(STAMP)
	$(PY) -m pip install --quiet -e ".[dist]"
	touch $(DIST_STAMP)

setup: $(STAMP)

# Without a display (a server, CI), open the sample offscreen and save what the window shows.
run:
	$(PYTHON) tools/system_deps.py --for run
	@$(MAKE) --no-print-directory $(STAMP)
	@if [ "$$(uname)" = Linux ] && [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  mkdir -p out; \
	  echo "No display: opening the sample offscreen; the window is saved as out/screenshot.png"; \
	  QT_QPA_PLATFORM=offscreen $(VENV)/bin/editor-app --screenshot out/screenshot.png $(SAMPLE); \
	else \
	  $(VENV)/bin/editor-app $(SAMPLE); \
	fi

# ruff (rules and the formatter's check) and mypy over the Qt-free core (configured in pyproject.toml)
LINTED = src tests bench tools packaging resources templates
lint: $(STAMP)
	$(VENV)/bin/ruff check $(LINTED)
	$(VENV)/bin/ruff format --check $(LINTED)
	$(VENV)/bin/mypy

typecheck: $(STAMP)
	$(VENV)/bin/mypy

# deps first, so that a machine without them stops in seconds with the command to run
test: deps
	@$(MAKE) --no-print-directory lint $(if $(SLOW),$(DIST_STAMP))
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_FLAGS)

# A one-folder desktop bundle for this platform in dist/editor-app/ (see packaging/README.md)
dist:
	$(PYTHON) tools/system_deps.py --for dist
	@$(MAKE) --no-print-directory $(DIST_STAMP)
	$(PY) packaging/build.py

bench: $(STAMP)
	@for f in bench/*.py; do echo "== $$f"; QT_QPA_PLATFORM=offscreen $(PY) $$f || exit 1; done

translations: $(STAMP)
	$(PY) resources/i18n/update.py

sample: $(STAMP)
	$(PY) resources/samples/build_sample.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .mypy_cache
