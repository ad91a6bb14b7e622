# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SAMPLE := resources/samples/sample.bulletin

.PHONY: run test lint bench setup clean sample translations

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

setup: $(STAMP)

# Without a display (a server, CI), open the sample offscreen and save what the window shows.
run: $(STAMP)
	@if [ "$$(uname)" = Linux ] && [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
	  mkdir -p out; \
	  echo "No display: opening the sample offscreen; the window is saved as out/screenshot.png"; \
	  QT_QPA_PLATFORM=offscreen $(VENV)/bin/editor-app --screenshot out/screenshot.png $(SAMPLE); \
	else \
	  $(VENV)/bin/editor-app $(SAMPLE); \
	fi

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench

test: $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP)
	@for f in bench/*.py; do echo "== $$f"; QT_QPA_PLATFORM=offscreen $(PY) $$f || exit 1; done

translations: $(STAMP)
	$(PY) resources/i18n/update.py

sample: $(STAMP)
	$(PY) resources/samples/build_sample.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
