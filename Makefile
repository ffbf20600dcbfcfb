# Two commands on a fresh machine: `make demo` and `make test` (see README.md).
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_STORE := .partnerkg/demo-store
DEMO_OUT := demo-output

.PHONY: demo test install system-deps lint ontology docs bench clean

# The strict editable install links each source file: a module added or removed (its folder
# changes) needs a reinstall.
PACKAGE_DIRS := $(shell find src/partnerkg extract graph ontology -type d -not -name __pycache__ -printf '%p/ ')

$(STAMP): requirements.lock pyproject.toml $(PACKAGE_DIRS)
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	@# setuptools warns about data folders (queries/, projections/) at length: keep its log.
	$(PY) -m pip install --quiet --no-deps --config-settings editable_mode=strict -e . \
		> $(VENV)/install.log 2>&1 || { cat $(VENV)/install.log; exit 1; }
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/partnerkg build examples/newsletters --store $(DEMO_STORE)
	$(PY) -m partnerkg.demo --store $(DEMO_STORE) --output $(DEMO_OUT)

system-deps:
	bash .ci/system-deps

test: $(STAMP) system-deps
	$(VENV)/bin/pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy src extract graph ontology

ontology: $(STAMP)
	$(PY) -m partnerkg.ontology.build

docs: $(STAMP) system-deps
	$(PY) docs/screenshots.py

bench: $(STAMP)
	$(PY) -m bench

clean:
	rm -rf $(VENV) build .partnerkg $(DEMO_OUT)
