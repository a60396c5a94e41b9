# The two set-up commands of the README: `make run` and `make test`.
#
# The venv is made with $(PYTHON) when it runs Python 3.11 to 3.13 (pyproject's requires-python),
# else with the newest such Python found (python3.13, python3.12, python3.11 on PATH, then pyenv's).
# A venv that is no longer usable (its python does not run, or runs a version outside 3.11-3.13:
# made by another Python, or broken) is built again by itself; a set-up that failed half-way left no
# stamp, so the next `make` installs again, and builds the venv again if that install fails too.
# `make venv-check` says what state the venv is in.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= eventcoder.db
OUT    ?= out
PYENV_ROOT ?= $(HOME)/.pyenv

# Exits 0 under Python 3.11 to 3.13 (printing the interpreter's path), else 1.
SUPPORTED := import sys; ok = (3, 11) <= sys.version_info[:2] <= (3, 13); ok and print(sys.executable); sys.exit(not ok)

# The Python that makes the venv (empty when none is supported).
BASE_PYTHON := $(shell for p in $(PYTHON) python3.13 python3.12 python3.11 \
  $(wildcard $(PYENV_ROOT)/versions/3.13*/bin/python) $(wildcard $(PYENV_ROOT)/versions/3.12*/bin/python) \
  $(wildcard $(PYENV_ROOT)/versions/3.11*/bin/python); do \
  "$$p" -c '$(SUPPORTED)' 2>/dev/null && break; done)

# missing: no venv yet; stale: its python does not run a supported version; ok.
VENV_STATE := $(shell if [ ! -e '$(VENV)' ]; then echo missing; \
  elif '$(BIN)/python' -c '$(SUPPORTED)' >/dev/null 2>&1; then echo ok; else echo stale; fi)

# Make (again) a venv: used when it is missing or stale, and when an install in it failed.
define new_venv
	@if [ -z '$(BASE_PYTHON)' ]; then \
	  echo "make: no Python 3.11 to 3.13 found ($(PYTHON) is not one): install one, then make PYTHON=/path/to/python3.13" >&2; \
	  exit 1; fi
	rm -rf '$(VENV)'
	'$(BASE_PYTHON)' -m venv '$(VENV)'
	'$(BIN)/python' -m pip install --quiet --upgrade pip
endef

# Install $(1) into the venv; if that fails (a half-installed or damaged venv), build the venv
# again and install once more.
define install
	'$(BIN)/python' -m pip install --quiet $(1) || { \
	  echo "make: the install failed: building $(VENV) again and retrying" >&2; \
	  rm -rf '$(VENV)' && '$(BASE_PYTHON)' -m venv '$(VENV)' && \
	  '$(BIN)/python' -m pip install --quiet --upgrade pip && \
	  '$(BIN)/python' -m pip install --quiet $(1); }
endef

.PHONY: run smoke test lint clean chromium venv-check FORCE

ifeq ($(VENV_STATE),stale)
$(info make: $(VENV) does not run Python 3.11 to 3.13 (made by another Python, or broken): building it again)
$(VENV)/pyvenv.cfg: FORCE
endif

$(VENV)/pyvenv.cfg:
	$(new_venv)

$(VENV)/.installed: pyproject.toml $(VENV)/pyvenv.cfg
	$(call install,-e .)
	touch $@

DEV_INSTALL := -e '.[dev,embed,dask,web]'
# The dev install: the embed extra runs ONNX on CPU (no torch); no package in it is over ~170 MB.
$(VENV)/.dev-installed: pyproject.toml $(VENV)/pyvenv.cfg
	$(call install,$(DEV_INSTALL))
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	'$(BIN)/eventcoder' run examples/ --db '$(DB)' --out '$(OUT)'

# `make run`, then check what it wrote: CI runs it on the newest supported Python.
smoke: run
	'$(BIN)/eventcoder' --version
	'$(BIN)/python' -c "import json, sys; ev = [json.loads(l) for l in open('$(OUT)/events.jsonl')]; \
	assert len(ev) >= 20, f'{len(ev)} events'; \
	assert all(e['type'] and e['sources'] and e['sources'][0]['doc_id'] for e in ev), 'an event without type or source'; \
	print(f'smoke: {len(ev)} events from examples/ on Python {sys.version.split()[0]}')"
	'$(BIN)/eventcoder' export --db '$(DB)' --format csv -o '$(OUT)/events.csv'

venv-check:
	@echo "venv $(VENV): $(VENV_STATE); base python: $(or $(BASE_PYTHON),none found)"

lint: $(VENV)/.dev-installed
	'$(BIN)/ruff' check src tests
	'$(BIN)/ruff' format --check src tests

# The browser tests drive Debian's Chromium (never a browser that Playwright downloads).
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; \
	fi

test: lint chromium
	'$(BIN)/pytest'

clean:
	rm -rf '$(VENV)' '$(OUT)' '$(DB)' '$(DB)-wal' '$(DB)-shm'
